// The per-process font caches against fontkit itself: the cached, position-free shaping gives the glyphs a fresh
// fontkit font's full layout gives, and the subset encoder writes the bytes fontkit's TrueType subsetter writes.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFontDir, FONT_FILES, shapedGlyphs, subsetFontFile, type FontName } from '../../../lib/pdf/fonts.js';

const FACES = Object.keys(FONT_FILES) as FontName[];
const LETTERS = 'āčēģīķļņšūž';

const STRINGS = [
  'Ģirts Ķēniņš-Šņore',
  `${LETTERS} ${LETTERS.toLocaleUpperCase('lv-LV')}`,
  'Ģirts Ķēniņš-Šņore'.normalize('NFD'),
  'APLIECINĀJUMS par veikto brīvprātīgo darbu',
  '2025. gadā Jēkabpils novadā veica brīvprātīgo darbu programmā „Jauniešu brīvprātīgais darbs”.',
  'Pārbaudīt: https://api.jaunatne.example/v1/certificates/LV042-2025-7K3Q-M9XD',
  'office finance ffi ﬁ ﬂ — “quotes” … 01.03.2025.–20.12.2025.',
  'A\u00a0B soft\u00adhyphen zero\u200bwidth join\u200der',
  'Иван Петров, Zoë Ångström-Müller, Œuvre Ōto',
  'שלום עולם',
  'مرحبا بالعالم',
  'Ņina 😀 Ķ',
  'ﬀ AV To Wa 62 h 30 min',
  '',
];

/** A fresh fontkit font per face: its full layout (GSUB and GPOS) with an empty glyph cache for every string. */
const fresh = new Map<FontName, ReturnType<typeof fontkit.create>>();
function freshFont(name: FontName) {
  let font = fresh.get(name);
  if (!font) fresh.set(name, (font = fontkit.create(readFileSync(join(defaultFontDir(), FONT_FILES[name])))));
  (font as unknown as { _glyphs: object })._glyphs = {};
  return font;
}

describe('the glyphs a string shapes to (cached per process, laid out without positioning)', () => {
  it.each(FACES)('are those of a full fontkit layout on a fresh font: %s', (name) => {
    for (const text of STRINGS) {
      const expected = freshFont(name).layout(text).glyphs.map((g) => ({ id: g.id, codePoints: [...g.codePoints], advanceWidth: (g as unknown as { advanceWidth: number }).advanceWidth }));
      const shaped = shapedGlyphs(name, text).map((g) => ({ id: g.id, codePoints: [...g.codePoints], advanceWidth: g.advanceWidth }));
      expect(shaped, `${name}: ${text}`).toEqual(expected);
      // and again, from the cache
      expect(shapedGlyphs(name, text).map((g) => g.id)).toEqual(expected.map((g) => g.id));
    }
  });
});

/** fontkit's own TrueType subset of `ids`, in that order. */
async function fontkitSubset(name: FontName, ids: readonly number[]): Promise<Uint8Array> {
  const subset = freshFont(name).createSubset();
  for (const id of ids) subset.includeGlyph(id);
  const parts: Uint8Array[] = [];
  await new Promise<void>((resolve) => subset.encodeStream().on('data', (b) => parts.push(b)).on('end', () => resolve()));
  return Buffer.concat(parts);
}

/** A deterministic spread of glyph ids (a small LCG), so the subsets cover glyphs no string above reaches. */
function spread(count: number, max: number, seed: number): number[] {
  const ids: number[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    ids.push(1 + (x % (max - 1)));
  }
  return ids;
}

describe('the TrueType subset a PDF embeds', () => {
  it.each(FACES)('is byte for byte what fontkit encodes, composite glyphs and all: %s', async (name) => {
    const numGlyphs = (freshFont(name) as unknown as { numGlyphs: number }).numGlyphs;
    const textIds = STRINGS.flatMap((t) => shapedGlyphs(name, t).map((g) => g.id));
    const sets = [
      [] as number[],
      textIds,
      [...textIds].reverse(),
      spread(60, numGlyphs, 7),
      spread(1500, numGlyphs, 11), // over 64 KiB of outlines: the long (32-bit) loca format
    ];
    for (const ids of sets) {
      const ours = subsetFontFile(name, ids);
      expect(Buffer.from(ours).equals(Buffer.from(await fontkitSubset(name, ids))), `${name}: ${ids.length} glyphs`).toBe(true);
      fontkit.create(Buffer.from(ours)); // and it parses as a font
    }
  });
});
