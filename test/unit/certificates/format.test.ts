import { describe, expect, it } from 'vitest';
import {
  formatHoursLong,
  formatHoursShort,
  formatIssueDate,
  formatNumericDate,
  municipalityLocativeLv,
} from '../../../lib/certificates/format.js';

describe('certificate wording', () => {
  it.each([
    [3750, '62 h 30 min', '62 stundas 30 minūtes', '62 hours 30 minutes'],
    [3600, '60 h', '60 stundas', '60 hours'],
    [3585, '59 h 45 min', '59 stundas 45 minūtes', '59 hours 45 minutes'],
    [1261, '21 h 1 min', '21 stunda 1 minūte', '21 hours 1 minute'],
    [671, '11 h 11 min', '11 stundas 11 minūtes', '11 hours 11 minutes'],
    [60, '1 h', '1 stunda', '1 hour'],
    [45, '0 h 45 min', '45 minūtes', '45 minutes'],
    [6660, '111 h', '111 stundas', '111 hours'],
    [7260, '121 h', '121 stunda', '121 hours'],
    [0, '0 h', '0 stundas', '0 hours'],
  ])('writes %i minutes as %j, %j and %j', (minutes, short, lv, en) => {
    expect(formatHoursShort(minutes)).toBe(short);
    expect(formatHoursLong(minutes, 'lv')).toBe(lv);
    expect(formatHoursLong(minutes, 'en')).toBe(en);
  });

  it.each([[-1], [1.5]])('refuses %d minutes', (minutes) => {
    expect(() => formatHoursShort(minutes)).toThrow(RangeError);
    expect(() => formatHoursLong(minutes, 'lv')).toThrow(RangeError);
  });

  it.each([
    ['2026-01-15', '2026. gada 15. janvārī', '15 January 2026', '15.01.2026.', '15/01/2026'],
    ['2025-03-01', '2025. gada 1. martā', '1 March 2025', '01.03.2025.', '01/03/2025'],
    ['2025-12-31', '2025. gada 31. decembrī', '31 December 2025', '31.12.2025.', '31/12/2025'],
    ['2025-06-23', '2025. gada 23. jūnijā', '23 June 2025', '23.06.2025.', '23/06/2025'],
  ])('writes %s as %j / %j / %j / %j', (iso, lv, en, lvNum, enNum) => {
    expect(formatIssueDate(iso, 'lv')).toBe(lv);
    expect(formatIssueDate(iso, 'en')).toBe(en);
    expect(formatNumericDate(iso, 'lv')).toBe(lvNum);
    expect(formatNumericDate(iso, 'en')).toBe(enNum);
  });

  it.each([['15.01.2026'], ['2026-13-01'], ['2026-1-5']])('refuses the date %j', (iso) => {
    expect(() => formatIssueDate(iso, 'lv')).toThrow(RangeError);
  });

  it.each([
    ['Jēkabpils novads', 'Jēkabpils novadā'],
    ['Rīgas valstspilsēta', 'Rīgas valstspilsētā'],
    ['Augšdaugavas novads', 'Augšdaugavas novadā'],
    ['Jēkabpils', 'Jēkabpils'],
  ])('puts %j in the locative: %j', (name, locative) => {
    expect(municipalityLocativeLv(name)).toBe(locative);
  });
});
