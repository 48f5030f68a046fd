import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../lib/http/language.js';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'lv'],
    ['', 'lv'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['lv-LV,en;q=0.8', 'lv'],
    ['de, en;q=0.5', 'en'],
    ['de', 'lv'],
    ['en;q=0.4, lv;q=0.9', 'lv'],
    ['en;q=0', 'lv'],
  ])('picks %s → %s', (header, expected) => {
    expect(pickLanguage(header)).toBe(expected);
  });
});
