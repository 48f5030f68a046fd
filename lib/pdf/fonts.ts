// DejaVu fonts for PDFs: embedded as subsets through fontkit, so Latvian ā č ē ģ ī ķ ļ ņ š ū ž render and stay small.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

const cache = new Map<string, Uint8Array>();

/** Where the TTFs are: FONT_DIR when bundled (Lambda), else the dejavu-fonts-ttf package. */
function fontFile(name: string): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    const dir = process.env.FONT_DIR ?? join(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');
    bytes = readFileSync(join(dir, name));
    cache.set(name, bytes);
  }
  return bytes;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  return {
    regular: await doc.embedFont(fontFile('DejaVuSans.ttf'), { subset: true }),
    bold: await doc.embedFont(fontFile('DejaVuSans-Bold.ttf'), { subset: true }),
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
