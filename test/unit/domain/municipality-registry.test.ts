import { describe, expect, it } from 'vitest';
import { validOn } from '../../../lib/domain/municipalities/queries.js';
import { MUNICIPALITIES } from '../../../lib/domain/municipalities/registry.js';
import { isValidOn, municipalitySchema } from '../../../lib/domain/municipalities/types.js';

describe('the municipality registry', () => {
  it('holds 43 municipalities: 7 state cities and 36 novadi, each code once', () => {
    expect(MUNICIPALITIES).toHaveLength(43);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(43);
    expect(MUNICIPALITIES.filter((m) => m.kind === 'state-city')).toHaveLength(7);
    expect(MUNICIPALITIES.filter((m) => m.kind === 'municipality')).toHaveLength(36);
  });

  it('has only entries that pass the public schema', () => {
    for (const m of MUNICIPALITIES) expect(municipalitySchema.parse(m)).toEqual(m);
  });

  it('names state cities and novadi in Latvian with their endings', () => {
    for (const m of MUNICIPALITIES) {
      expect(m.name).toMatch(m.kind === 'state-city' ? / valstspilsēta$/ : / novads$/);
    }
    expect(MUNICIPALITIES.find((m) => m.code === 'LV-042')?.name).toBe('Jēkabpils novads');
    expect(MUNICIPALITIES.find((m) => m.code === 'LV-RIX')?.name).toBe('Rīgas valstspilsēta');
  });

  it('counts 43 municipalities before the Varakļāni–Madona merger and 42 after it', () => {
    expect(validOn(MUNICIPALITIES, '2025-06-30')).toHaveLength(43);
    expect(validOn(MUNICIPALITIES, '2025-07-01')).toHaveLength(42);
    expect(validOn(MUNICIPALITIES, '2021-06-30')).toHaveLength(0);
  });

  it('sends Varakļānu novads into Madonas novads, which stays valid', () => {
    const varaklani = MUNICIPALITIES.find((m) => m.code === 'LV-102')!;
    expect(varaklani.mergedInto).toBe('LV-059');
    expect(isValidOn(MUNICIPALITIES.find((m) => m.code === 'LV-059')!, '2026-04-30')).toBe(true);
    expect(MUNICIPALITIES.filter((m) => m.mergedInto !== null).map((m) => m.code)).toEqual(['LV-102']);
  });

  it.each([
    ['2021-07-01', true],
    ['2025-06-30', true],
    ['2025-07-01', false],
  ])('treats Varakļāni as valid on %s: %s', (date, expected) => {
    expect(isValidOn(MUNICIPALITIES.find((m) => m.code === 'LV-102')!, date)).toBe(expected);
  });
});
