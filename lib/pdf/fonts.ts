// DejaVu fonts for PDFs: embedded as subsets through fontkit, so Latvian ā č ē ģ ī ķ ļ ņ š ū ž render and stay small.
import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const cache = new Map<string, Uint8Array>();

/**
 * Where the DejaVu TTFs are: a `fonts/` directory next to the running module when the Lambda bundle ships
 * them there (infra copies DejaVuSans.ttf and DejaVuSans-Bold.ttf), else the dejavu-fonts-ttf package.
 */
export function defaultFontDir(): string {
  const bundled = join(dirname(fileURLToPath(import.meta.url)), 'fonts');
  if (existsSync(join(bundled, 'DejaVuSans.ttf'))) return bundled;
  return join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** Font files are read once per process; each PDF embeds (and parses) its own subset. */
function fontFile(dir: string, name: string): Uint8Array {
  const path = join(dir, name);
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    cache.set(path, bytes);
  }
  return bytes;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument, fontDir = defaultFontDir()): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  return {
    regular: await doc.embedFont(fontFile(fontDir, 'DejaVuSans.ttf'), { subset: true }),
    bold: await doc.embedFont(fontFile(fontDir, 'DejaVuSans-Bold.ttf'), { subset: true }),
  };
}

/** Splits text into lines no wider than `maxWidth` at `size` points (long words are kept whole). */
export function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
