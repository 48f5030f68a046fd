import { describe, expect, it } from 'vitest';
import { checkRegistration } from '../../../../lib/domain/accounts/registration.js';
import { defaultProgramme } from '../../../../lib/domain/hours/types.js';
import { MUNICIPALITIES } from '../../../../lib/domain/municipalities/registry.js';

const programme = defaultProgramme('LV-RIX'); // 13..25
const check = (birthDate: string | undefined, municipality: string | undefined, today = '2026-12-02') =>
  checkRegistration({ birthDate, municipality }, today, MUNICIPALITIES, programme)?.ruleId;

describe('checkRegistration', () => {
  it('admits a 13-year-old on the 13th birthday and a 25-year-old on the day before the 26th', () => {
    expect(check('2013-12-02', 'LV-RIX')).toBeUndefined();
    expect(check('2000-12-03', 'LV-RIX')).toBeUndefined();
  });

  it('refuses one day short of 13 and on the 26th birthday', () => {
    expect(check('2013-12-03', 'LV-RIX')).toBe('accounts.age-below-minimum');
    expect(check('2000-12-02', 'LV-RIX')).toBe('accounts.age-above-maximum');
  });

  it('uses the programme of the municipality (its own age range)', () => {
    const strict = { ...programme, minAge: 15 };
    expect(checkRegistration({ birthDate: '2012-01-01', municipality: 'LV-RIX' }, '2026-12-02', MUNICIPALITIES, strict)?.ruleId).toBe('accounts.age-below-minimum');
  });

  it('refuses an unknown code, a merged municipality after its last day (but not before), a missing or future birth date', () => {
    expect(check('2010-01-01', 'LV-999')).toBe('accounts.unknown-municipality');
    expect(check('2010-01-01', undefined)).toBe('accounts.unknown-municipality');
    expect(check('2010-01-01', 'LV-102')).toBe('accounts.unknown-municipality');
    expect(check('2010-01-01', 'LV-102', '2025-06-30')).toBeUndefined();
    expect(check(undefined, 'LV-RIX')).toBe('accounts.birth-date');
    expect(check('2010-02-30x', 'LV-RIX')).toBe('accounts.birth-date');
    expect(check('2027-01-01', 'LV-RIX')).toBe('accounts.birth-date');
  });
});
