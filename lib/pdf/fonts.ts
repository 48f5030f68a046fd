// DejaVu fonts for every PDF: read and parsed once per process, embedded as subsets per document, so Latvian
// ā č ē ģ ī ķ ļ ņ š ū ž render and extract exactly and each PDF carries only the glyphs it uses.
import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFDocument, PDFFont } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;

/** The DejaVu faces the PDFs use (infra copies these files into `fonts/` of every function that renders a PDF). */
export const FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let defaultDir: string | undefined;

/**
 * Where the DejaVu TTFs are: a `fonts/` directory next to the running module when the Lambda bundle ships
 * them there, else the dejavu-fonts-ttf package.
 */
export function defaultFontDir(): string {
  if (defaultDir) return defaultDir;
  const bundled = join(dirname(fileURLToPath(import.meta.url)), 'fonts');
  defaultDir = Object.values(FONT_FILES).every((file) => existsSync(join(bundled, file)))
    ? bundled
    : join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return defaultDir;
}

/** The fontkit Font parsed from a file's bytes, once per process (keyed by the cached bytes). */
const parsed = new WeakMap<Uint8Array, Font>();
const files = new Map<string, Uint8Array>();

function fontFile(path: string): Uint8Array {
  let bytes = files.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    const font = fontkit.create(bytes);
    // Settle the lazily built, document-independent parts on the shared font so every view inherits them.
    void font.characterSet;
    void font.bbox;
    parsed.set(bytes, font);
    files.set(path, bytes);
  }
  return bytes;
}

/**
 * What pdf-lib calls to parse a font it embeds: instead of parsing the bytes again (most of a PDF's time went
 * into decoding the GSUB/GPOS tables anew for every document), it gets a view of the font parsed once.
 *
 * The view shares the parsed tables (pure data) but has its own glyph objects and its own layout engine.
 * fontkit caches a glyph with the code points it was first met by, and subsetting meets the components of
 * composite glyphs (G inside Ģ) with none; a glyph cache shared across documents would therefore leave
 * letters out of a later document's ToUnicode map, and text extraction would drop them. Per document, the
 * glyphs are met exactly as with a freshly parsed font, so the output is byte for byte the same.
 * (`_glyphs` and `_layoutEngine` are fontkit internals; @pdf-lib/fontkit is pinned, and the tests that
 * render several documents in one process guard this.)
 */
const sharedFontkit: Fontkit = {
  create(bytes) {
    const font = parsed.get(bytes) ?? fontkit.create(bytes);
    const view = Object.create(font) as Font & { _glyphs: Record<number, unknown> };
    view._glyphs = {};
    let layoutEngine: PropertyDescriptor | undefined;
    for (let proto = Object.getPrototypeOf(font); proto && !layoutEngine; proto = Object.getPrototypeOf(proto)) {
      layoutEngine = Object.getOwnPropertyDescriptor(proto, '_layoutEngine');
    }
    if (!layoutEngine?.get) throw new Error('@pdf-lib/fontkit without a lazy _layoutEngine: check lib/pdf/fonts.ts against this version');
    // fontkit's cached getter builds the engine for `this` and stores it on `this`: here, on the view.
    layoutEngine.get.call(view);
    return view;
  },
};

export type Fonts<N extends FontName> = Record<N, PDFFont>;

/** Embeds the named faces into `doc` as subsets, from fonts parsed once per process. */
export async function embedFonts<N extends FontName>(doc: PDFDocument, names: readonly N[], fontDir = defaultFontDir()): Promise<Fonts<N>> {
  doc.registerFontkit(sharedFontkit);
  const fonts = {} as Fonts<N>;
  for (const name of names) fonts[name] = await doc.embedFont(fontFile(join(fontDir, FONT_FILES[name])), { subset: true });
  return fonts;
}

/** Each embedded font's widths at 1000 pt, by text (one document's strings; dropped with the document). */
const widths = new WeakMap<PDFFont, Map<string, number>>();

/**
 * `font.widthOfTextAtSize(text, size)`, to the last bit, measuring each string once per document: every
 * measurement is a full shaping run, and wrapping and shrink-to-fit measure the same strings many times.
 * (Not shared across documents: the first shaping of a string also creates its glyphs in this document's
 * view, in the order a fresh font would, which keeps the ToUnicode map, and so the bytes, unchanged.)
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let byText = widths.get(font);
  if (!byText) widths.set(font, (byText = new Map()));
  let at1000 = byText.get(text);
  if (at1000 === undefined) {
    // pdf-lib sums the advances and multiplies by size / 1000; at 1000 pt that factor is exactly 1.
    at1000 = font.widthOfTextAtSize(text, 1000);
    byText.set(text, at1000);
  }
  return at1000 * (size / 1000);
}
