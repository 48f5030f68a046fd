import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_ALPHABET, generate, municipalityPart, normalise, validate } from '../../../lib/domain/certificates/code.js';
import { seededRandom as seeded } from '../../support/seeded-random.js';

const MUNICIPALITIES = ['LV-042', 'LV-RIX', 'LV-DGV', 'LV-JEL', 'LV-JUR', 'LV-LPX', 'LV-002', 'LV-113'];
const arbCode = fc
  .tuple(fc.integer(), fc.constantFrom(...MUNICIPALITIES), fc.integer({ min: 2000, max: 2099 }))
  .map(([seed, m, y]) => generate(seeded(seed), m, y));
const CANONICAL_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('certificate code generation', () => {
  it('builds LV042-2025-XXXX-XXXX from the municipality, the year and the random source', () => {
    const code = generate(seeded(1), 'LV-042', 2025);
    expect(code).toMatch(/^LV042-2025-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(generate(seeded(1), 'LV-042', 2025)).toBe(code);
    expect(generate(seeded(2), 'LV-042', 2025)).not.toBe(code);
  });

  it.each([
    ['LV-042', 'LV042'],
    ['LV-RIX', 'LVRIX'],
    ['LV-113', 'LV113'],
  ])('turns %s into the prefix %s', (iso, prefix) => {
    expect(municipalityPart(iso)).toBe(prefix);
    expect(generate(seeded(7), iso, 2026).startsWith(`${prefix}-2026-`)).toBe(true);
  });

  it.each([['LV042'], ['lv-042'], ['EE-042'], ['LV-04']])('refuses the municipality %s', (iso) => {
    expect(() => generate(seeded(1), iso, 2025)).toThrow(RangeError);
  });

  it.each([[1999], [2100], [2025.5]])('refuses the year %s', (year) => {
    expect(() => generate(seeded(1), 'LV-042', year)).toThrow(RangeError);
  });

  it('only ever produces valid codes whose body avoids I, L, O and U', () => {
    fc.assert(
      fc.property(arbCode, (code) => {
        const v = validate(code);
        expect(v.ok).toBe(true);
        expect(code.slice(11).replace('-', '')).toMatch(new RegExp(`^[${BODY_ALPHABET}]{8}$`));
      }),
      { numRuns: 2000 },
    );
  });

  it('draws different codes for 10,000 volunteers of the same municipality and year', () => {
    const random = seeded(42);
    const codes = new Set(Array.from({ length: 10_000 }, () => generate(random, 'LV-042', 2025)));
    expect(codes.size).toBe(10_000);
  });
});

describe('certificate code normalisation', () => {
  it.each([
    ['lv042-2025-7k3q-m9x3', 'LV042-2025-7K3Q-M9X3'],
    ['  LV042 2025 7K3Q M9X3 ', 'LV042-2025-7K3Q-M9X3'],
    ['LV04220257K3QM9X3', 'LV042-2025-7K3Q-M9X3'],
    ['LV042–2025—7K3Q_M9X3', 'LV042-2025-7K3Q-M9X3'],
    ['LVO42-2O25-7K3Q-M9X3', 'LV042-2025-7K3Q-M9X3'],
    ['LV042-2025-7K3Q-MOXI', 'LV042-2025-7K3Q-M0X1'],
    ['LV042-2025-7K3Q-MLXo', 'LV042-2025-7K3Q-M1X0'],
    ['lvrix-2025-abcd-efgh', 'LVRIX-2025-ABCD-EFGH'],
    ['LVRIX-2O25-ABCD-EFGH', 'LVRIX-2025-ABCD-EFGH'],
    ['LV-RIX-2025-ABCD-EFGH', 'LVRIX-2025-ABCD-EFGH'],
    ['LV042-2025', 'LV0422025'],
  ])('spells %j as %j', (typed, canonical) => {
    expect(normalise(typed)).toBe(canonical);
  });

  it('accepts what a person typed sloppily as the issued code', () => {
    fc.assert(
      fc.property(arbCode, fc.boolean(), (code, spaces) => {
        const sloppy = (spaces ? code.replaceAll('-', ' ') : code.replaceAll('-', '')).toLowerCase();
        const v = validate(` ${sloppy} `);
        expect(v).toMatchObject({ ok: true, code });
      }),
    );
  });
});

describe('certificate code validation', () => {
  const issued = generate(seeded(3), 'LV-042', 2025);

  it('returns the canonical code, municipality and year of a valid code', () => {
    expect(validate(issued)).toEqual({ ok: true, code: issued, municipality: 'LV-042', year: 2025 });
    const riga = generate(seeded(3), 'LV-RIX', 2024);
    expect(validate(riga)).toEqual({ ok: true, code: riga, municipality: 'LV-RIX', year: 2024 });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['LV042-2025-7K3Q', 'format'],
    ['LV042-2025-7K3Q-M9XD-1', 'format'],
    ['LV042-2025-7K3Q-M9X!', 'format'],
    ['EE042-2025-7K3Q-M9XD', 'municipality'],
    ['LVR1X-2025-7K3Q-M9XD', 'municipality'],
    ['LV042-1999-7K3Q-M9XD', 'year'],
    ['LV042-20A5-7K3Q-M9XD', 'year'],
    ['LV042-2025-7K3Q-M9XU', 'alphabet'],
  ])('rejects %j because of its %s', (typed, reason) => {
    const v = validate(typed);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reason).toBe(reason);
      expect(v.message.lv).not.toBe('');
      expect(v.message.en).not.toBe('');
    }
  });

  it('rejects a code whose check character does not match', () => {
    const last = issued.at(-1)!;
    const other = BODY_ALPHABET[(BODY_ALPHABET.indexOf(last) + 1) % BODY_ALPHABET.length]!;
    expect(validate(issued.slice(0, -1) + other)).toMatchObject({ ok: false, reason: 'check' });
  });

  it('catches every single-character substitution anywhere in the code', () => {
    fc.assert(
      fc.property(arbCode, fc.nat(), fc.constantFrom(...CANONICAL_CHARS), (code, at, ch) => {
        const chars = code.replaceAll('-', '');
        const i = at % chars.length;
        fc.pre(chars[i] !== ch);
        const mutated = chars.slice(0, i) + ch + chars.slice(i + 1);
        // Typing a confusable (O for 0, L for 1) is forgiven on purpose: it normalises to the same code.
        fc.pre(normalise(mutated) !== code);
        expect(validate(mutated).ok).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('catches every transposition of two adjacent different characters, across the hyphens too', () => {
    fc.assert(
      fc.property(arbCode, fc.nat(), (code, at) => {
        const chars = code.replaceAll('-', '');
        const i = at % (chars.length - 1);
        fc.pre(chars[i] !== chars[i + 1]);
        const swapped = chars.slice(0, i) + chars[i + 1] + chars[i] + chars.slice(i + 2);
        expect(validate(swapped).ok).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('also catches jump transpositions (abc → cba)', () => {
    fc.assert(
      fc.property(arbCode, fc.nat(), (code, at) => {
        const chars = code.replaceAll('-', '');
        const i = at % (chars.length - 2);
        fc.pre(chars[i] !== chars[i + 2]);
        const swapped = chars.slice(0, i) + chars[i + 2] + chars[i + 1] + chars[i] + chars.slice(i + 3);
        expect(validate(swapped).ok).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });

  it('catches every single substitution and adjacent transposition exhaustively for one code', () => {
    const chars = issued.replaceAll('-', '');
    let tried = 0;
    for (let i = 0; i < chars.length; i++) {
      for (const ch of CANONICAL_CHARS) {
        const mutated = chars.slice(0, i) + ch + chars.slice(i + 1);
        if (ch === chars[i] || normalise(mutated) === issued) continue;
        tried++;
        expect(validate(mutated).ok, mutated).toBe(false);
      }
      if (i + 1 < chars.length && chars[i] !== chars[i + 1]) {
        expect(validate(chars.slice(0, i) + chars[i + 1] + chars[i] + chars.slice(i + 2)).ok).toBe(false);
      }
    }
    expect(tried).toBeGreaterThan(500);
  });
});
