// DejaVu fonts for every PDF: read and parsed once per process, embedded as subsets per document, so Latvian
// ā č ē ģ ī ķ ļ ņ š ū ž render and extract exactly and each PDF carries only the glyphs it uses. What does not
// depend on the document is computed once per process and reused: the parsed tables, the glyphs each string
// shapes to, each glyph's outline bytes and metrics; the subset itself is encoded without fontkit's per-table
// serialisers (same bytes, checked against fontkit in test/unit/pdf/fonts.test.ts).
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

/**
 * One font file, parsed once per process, with what every document embedding it can share: the shaping of each
 * string, each glyph's outline bytes and metrics, and the tables a subset copies unchanged. All of it is pure
 * data derived from the file; what depends on the document (which glyphs it uses, in which order, with which
 * code points) lives in the document's own view (`documentFont`).
 */
interface Face {
  readonly font: Font;
  /** Lays out one string as a freshly parsed font would: its glyph cache is emptied before every layout. */
  readonly shaper: Font & { _glyphs: Record<number, unknown> };
  readonly runs: Map<string, readonly ShapedGlyph[]>;
  readonly glyphData: Map<number, GlyphData>;
  readonly subsetTables: SubsetTables | null;
}

/** A glyph as pdf-lib reads it from a layout: its id, advance (font units) and the code points it stands for. */
interface ShapedGlyph {
  readonly id: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
}

/** What a TrueType subset copies of one glyph: its `glyf` bytes, the components it refers to, its metrics. */
interface GlyphData {
  readonly bytes: Uint8Array;
  /** Component glyph ids of a composite glyph and the byte offset of each id in `bytes`. */
  readonly components: readonly { readonly glyphID: number; readonly pos: number }[];
  readonly advance: number;
  readonly bearing: number;
}

/** The raw tables of the font file a subset carries (head, hhea and maxp with one field patched per subset). */
interface SubsetTables {
  readonly head: Uint8Array;
  readonly hhea: Uint8Array;
  readonly maxp: Uint8Array;
  readonly cvt: Uint8Array | null;
  readonly prep: Uint8Array | null;
  readonly fpgm: Uint8Array | null;
}

/** fontkit internals the faces read (@pdf-lib/fontkit is pinned; the tests compare against fontkit's own subsetter). */
interface FontInternals {
  _glyphs: Record<number, unknown>;
  _variationProcessor?: unknown;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca: { offsets: readonly number[] };
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number }; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null };
}

interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): unknown;
}

/** Strings shaped per face before the cache starts over (names and codes differ per document; labels repeat). */
const MAX_RUNS = 20_000;

const faces = new WeakMap<Uint8Array, Face>();
const files = new Map<string, Uint8Array>();

function fontFile(path: string): Uint8Array {
  let bytes = files.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    faces.set(bytes, createFace(bytes));
    files.set(path, bytes);
  }
  return bytes;
}

function createFace(bytes: Uint8Array): Face {
  const font = fontkit.create(bytes);
  // Settle the lazily built, document-independent parts on the shared font so every view inherits them.
  void font.characterSet;
  void font.bbox;
  const internals = font as unknown as FontInternals;
  const table = (tag: string): Uint8Array | null => {
    const entry = internals.directory.tables[tag];
    return entry ? bytes.subarray(entry.offset, entry.offset + entry.length) : null;
  };
  const head = table('head');
  const hhea = table('hhea');
  const maxp = table('maxp');
  // The fast subsetter covers plain TrueType outlines (every DejaVu face); anything else keeps fontkit's own.
  const plainTrueType = table('glyf') !== null && table('loca') !== null && head !== null && hhea !== null && maxp !== null && !internals._variationProcessor;
  return {
    font,
    shaper: view(font, true),
    runs: new Map(),
    glyphData: new Map(),
    subsetTables: plainTrueType ? { head, hhea, maxp, cvt: table('cvt '), prep: table('prep'), fpgm: table('fpgm') } : null,
  };
}

/**
 * A view of the shared parsed font with a glyph cache and a layout engine of its own (fontkit internals, see below).
 *
 * A view made `forGlyphsOnly` lays out without positioning: pdf-lib reads only the glyphs of a layout (ids, code
 * points, advance widths from `hmtx`), never the positions, and GPOS, the `kern` table and fontkit's fallback
 * mark positioning only move glyphs. Substitution (GSUB), right-to-left reordering and the hiding of default
 * ignorables still run, so the glyphs are those of a full layout (a test compares them for every face).
 */
function view(font: Font, forGlyphsOnly = false): Font & { _glyphs: Record<number, unknown> } {
  const v = Object.create(font) as Font & { _glyphs: Record<number, unknown> };
  v._glyphs = {};
  if (forGlyphsOnly) {
    Object.defineProperty(v, 'GPOS', { value: null });
    Object.defineProperty(v, 'kern', { value: null });
    // Its glyph cache starts empty for every string (see `shape`): the glyphs' metrics (hmtx, pure per glyph id)
    // are kept across strings instead of being decoded again for each new glyph object.
    const metrics = new Map<number, unknown>();
    const getGlyph = (font as unknown as GlyphSource).getGlyph;
    Object.defineProperty(v, 'getGlyph', {
      value(this: GlyphSource & { _glyphs: Record<number, unknown> }, id: number, codePoints?: number[]) {
        const known = this._glyphs[id];
        if (known) return known;
        const glyph = getGlyph.call(this, id, codePoints) as { _metrics?: unknown; _getMetrics(): unknown } | null;
        if (glyph) {
          const m = metrics.get(id);
          if (m) glyph._metrics = m;
          else metrics.set(id, glyph._getMetrics());
        }
        return glyph;
      },
    });
  }
  let layoutEngine: PropertyDescriptor | undefined;
  for (let proto = Object.getPrototypeOf(font); proto && !layoutEngine; proto = Object.getPrototypeOf(proto)) {
    layoutEngine = Object.getOwnPropertyDescriptor(proto, '_layoutEngine');
  }
  if (!layoutEngine?.get) throw new Error('@pdf-lib/fontkit without a lazy _layoutEngine: check lib/pdf/fonts.ts against this version');
  // fontkit's cached getter builds the engine for `this` and stores it on `this`: here, on the view.
  const engine = layoutEngine.get.call(v) as { engine?: { fallbackPosition?: boolean } };
  if (forGlyphsOnly && engine.engine) engine.engine.fallbackPosition = false;
  return v;
}

/**
 * The glyphs of `text` as a freshly parsed font lays them out, shaped once per process.
 *
 * fontkit caches a glyph object with the code points it was first met by, and the ToUnicode map (what text
 * extraction reads) is built from those. Shaping each string on an emptied glyph cache gives every glyph the
 * code points of this string; the document's view then keeps the first it meets, as a fresh font would.
 */
function shape(face: Face, text: string, features: unknown): readonly ShapedGlyph[] {
  const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
  let run = face.runs.get(key);
  if (!run) {
    face.shaper._glyphs = {};
    const glyphs = face.shaper.layout(text, features as Parameters<Font['layout']>[1]).glyphs as unknown as { id: number; codePoints: number[]; advanceWidth: number }[];
    run = glyphs.map((g) => Object.freeze({ id: g.id, codePoints: Object.freeze([...g.codePoints]), advanceWidth: g.advanceWidth }));
    face.shaper._glyphs = {};
    if (face.runs.size >= MAX_RUNS) face.runs.clear();
    face.runs.set(key, run);
  }
  return run;
}

function glyphData(face: Face, id: number): GlyphData {
  let data = face.glyphData.get(id);
  if (!data) {
    const internals = face.font as unknown as FontInternals;
    // A view of its own so the shared font's glyph cache stays untouched.
    const scratch = Object.create(face.font) as FontInternals;
    scratch._glyphs = {};
    const glyph = scratch.getGlyph(id);
    const glyf = glyph._decode();
    const table = internals.directory.tables.glyf!;
    const start = internals.loca.offsets[id]!;
    const end = internals.loca.offsets[id + 1]!;
    const file = (face.font as unknown as { stream: { buffer: Uint8Array } }).stream.buffer;
    data = {
      bytes: file.subarray(table.offset + start, table.offset + end),
      components: glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : [],
      advance: glyph.advanceWidth,
      bearing: glyph._getMetrics().leftBearing,
    };
    face.glyphData.set(id, data);
  }
  return data;
}

/**
 * A TrueType subset that encodes exactly what fontkit's TTFSubset encodes (same tables, order, offsets and
 * bytes), from glyph data read once per process, and hands its bytes over without fontkit's timer-based
 * stream. Glyph 0 first, then glyphs in the order the document includes them, components appended as met.
 */
class TrueTypeSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly face: Face, private readonly tables: SubsetTables) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let sid = this.mapping.get(id);
    if (sid === undefined) {
      this.glyphs.push(id);
      sid = this.glyphs.length - 1;
      this.mapping.set(id, sid);
    }
    return sid;
  }

  encodeStream(): { on(event: string, callback: (value?: unknown) => void): unknown } {
    const handlers = new Map<string, (value?: unknown) => void>();
    const stream = {
      on(event: string, callback: (value?: unknown) => void) {
        handlers.set(event, callback);
        return stream;
      },
    };
    queueMicrotask(() => {
      let bytes: Uint8Array;
      try {
        bytes = this.encode();
      } catch (error) {
        handlers.get('error')?.(error);
        return;
      }
      handlers.get('data')?.(bytes);
      handlers.get('end')?.();
    });
    return stream;
  }

  encode(): Uint8Array {
    const glyphs: Uint8Array[] = [];
    const metrics: GlyphData[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const data = glyphData(this.face, this.glyphs[i]!);
      let bytes = data.bytes;
      if (data.components.length > 0) {
        bytes = Uint8Array.from(bytes);
        for (const c of data.components) {
          const sid = this.includeGlyph(c.glyphID);
          bytes[c.pos] = (sid >> 8) & 0xff;
          bytes[c.pos + 1] = sid & 0xff;
        }
      }
      glyphs.push(bytes);
      metrics.push(data);
      offsets.push(offset);
      offset += bytes.length;
    }
    offsets.push(offset);
    const longLoca = offsets[offsets.length - 1]! > 0xffff;

    const head = Uint8Array.from(this.tables.head);
    new DataView(head.buffer).setInt16(50, longLoca ? 1 : 0);
    const hhea = Uint8Array.from(this.tables.hhea);
    new DataView(hhea.buffer).setUint16(34, metrics.length);
    const maxp = Uint8Array.from(this.tables.maxp);
    new DataView(maxp.buffer).setUint16(4, glyphs.length);
    const loca = new Uint8Array(offsets.length * (longLoca ? 4 : 2));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((o, i) => (longLoca ? locaView.setUint32(i * 4, o) : locaView.setUint16(i * 2, o >>> 1)));
    const hmtx = new Uint8Array(metrics.length * 4);
    const hmtxView = new DataView(hmtx.buffer);
    metrics.forEach((m, i) => {
      hmtxView.setUint16(i * 4, m.advance);
      hmtxView.setInt16(i * 4 + 2, m.bearing);
    });
    const glyf = concat(glyphs);

    // The order fontkit's TTFSubset writes them in; tables the font lacks are left out.
    const tables: [string, Uint8Array | null][] = [
      ['head', head], ['hhea', hhea], ['loca', loca], ['maxp', maxp], ['cvt ', this.tables.cvt],
      ['prep', this.tables.prep], ['glyf', glyf], ['hmtx', hmtx], ['fpgm', this.tables.fpgm],
    ];
    const present = tables.filter((t): t is [string, Uint8Array] => t[1] !== null);
    const n = present.length;
    const directory = new Uint8Array(12 + 16 * n);
    const dir = new DataView(directory.buffer);
    const power = 2 ** Math.floor(Math.log2(n));
    writeTag(directory, 0, 'true');
    dir.setUint16(4, n);
    dir.setUint16(6, power * 16);
    dir.setUint16(8, Math.log2(power));
    dir.setUint16(10, n * 16 - power * 16);
    let at = directory.length;
    present.forEach(([tag, bytes], i) => {
      writeTag(directory, 12 + 16 * i, tag);
      dir.setUint32(12 + 16 * i + 4, 0); // checkSum: fontkit writes 0
      dir.setUint32(12 + 16 * i + 8, at);
      dir.setUint32(12 + 16 * i + 12, bytes.length);
      at += bytes.length;
    });
    return concat([directory, ...present.map((t) => t[1])]);
  }
}

function writeTag(target: Uint8Array, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) target[at + i] = tag.charCodeAt(i);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The font pdf-lib embeds into one document: a view of the face parsed once per process whose layout returns
 * the cached shaping with glyph objects of this document, and whose subset is the fast one above.
 *
 * The glyph objects are the document's own (`documentGlyphs`): the first string that meets a glyph gives it its
 * code points, as with a freshly parsed font. A glyph object shared across documents would leak: fontkit's
 * subsetter meets the components of composite glyphs (G inside Ģ) with no code points, and a later document
 * using G would lose it from its ToUnicode map, so text extraction would drop the letter. The tests that
 * render several documents in one process guard this.
 */
function documentFont(face: Face): Font {
  const font = view(face.font);
  // Own properties of the view, in front of the shared font's methods (pdf-lib reads `glyphs` of a layout only).
  const own = font as unknown as { layout: unknown; createSubset: unknown };
  const documentGlyphs = new Map<number, ShapedGlyph>();
  own.layout = (text: string, features?: unknown) => {
    const run = shape(face, text, features);
    const glyphs = new Array<ShapedGlyph>(run.length);
    for (let i = 0; i < run.length; i++) {
      const g = run[i]!;
      let glyph = documentGlyphs.get(g.id);
      if (!glyph) documentGlyphs.set(g.id, (glyph = { id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth }));
      glyphs[i] = glyph;
    }
    return { glyphs };
  };
  const tables = face.subsetTables;
  if (tables) own.createSubset = () => new TrueTypeSubset(face, tables);
  return font;
}

/** What pdf-lib calls to parse a font it embeds: instead of parsing the bytes again, a document view of the face. */
const sharedFontkit: Fontkit = {
  create(bytes) {
    const face = faces.get(bytes) ?? createFace(bytes);
    return documentFont(face);
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
 * `font.widthOfTextAtSize(text, size)`, to the last bit, measuring each string once per document (wrapping and
 * shrink-to-fit measure the same strings many times). The shaping behind it is cached per process; this cache
 * is per document because the first layout of a string in a document also gives its glyphs their code points
 * in this document's view, in the order a fresh font would, which keeps the ToUnicode map unchanged.
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

/** The glyphs (id, code points, advance in font units) a document gets for `text` in face `name`: what its layouts return. */
export function shapedGlyphs(name: FontName, text: string, fontDir = defaultFontDir()): readonly ShapedGlyph[] {
  return shape(faces.get(fontFile(join(fontDir, FONT_FILES[name])))!, text, undefined);
}

/** The TrueType subset of face `name` holding `glyphIds` in that order, as embedded in a PDF (before deflating). */
export function subsetFontFile(name: FontName, glyphIds: readonly number[], fontDir = defaultFontDir()): Uint8Array {
  const face = faces.get(fontFile(join(fontDir, FONT_FILES[name])))!;
  if (!face.subsetTables) throw new Error(`${FONT_FILES[name]} is not a plain TrueType font`);
  const subset = new TrueTypeSubset(face, face.subsetTables);
  for (const id of glyphIds) subset.includeGlyph(id);
  return subset.encode();
}
