import { describe, expect, it } from 'vitest';
import { consentText, consentTextSha256, projection, type ConsentFacts, type ConsentRecord } from '../../../../lib/domain/hours/consent.js';

const facts: ConsentFacts = { volunteerName: 'Ģirts Ķēniņš', birthDate: '2012-05-01', guardianName: 'Inga Ķēniņa', municipalityName: { lv: 'Jēkabpils novads', en: 'Jēkabpils Municipality' }, consentUpToAge: 16 };

const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  volunteerId: 'y-1', volunteerName: 'Ģirts Ķēniņš', municipality: 'LV-042', status: 'given',
  guardian: { name: 'Inga Ķēniņa', email: 'inga@example.lv', relation: 'parent' }, via: 'email-link', linkNonce: 'n',
  requestedAt: null, linkExpiresAt: null, givenAt: '2026-03-01T10:00:00.000Z', evidence: null, paper: null,
  withdrawnAt: null, withdrawal: null, updatedAt: '2026-03-01T10:00:00.000Z', version: 2, ...over,
});

describe('the consent text', () => {
  it("names the law's conditions in both languages", () => {
    expect(consentText(facts, 'lv').join(' ')).toMatch(/ārpus mācību laika.*drošībai, veselībai.*rakstisku līgumu/);
    expect(consentText(facts, 'en').join(' ')).toMatch(/outside study time.*safety, health.*written agreement/);
  });

  it('hashes what is shown: stable for the same facts, different per language and per person', () => {
    expect(consentTextSha256(facts, 'lv')).toMatch(/^[0-9a-f]{64}$/);
    expect(consentTextSha256(facts, 'lv')).toBe(consentTextSha256({ ...facts }, 'lv'));
    expect(consentTextSha256(facts, 'lv')).not.toBe(consentTextSha256(facts, 'en'));
    expect(consentTextSha256(facts, 'lv')).not.toBe(consentTextSha256({ ...facts, guardianName: 'Jānis Ķēniņš' }, 'lv'));
  });
});

describe("the volunteer's projection of the record", () => {
  it.each([
    ['nothing while only requested', record({ status: 'requested', givenAt: null }), null],
    ['the consent once given', record(), { name: 'Inga Ķēniņa', relation: 'parent', date: '2026-03-01', via: 'email-link', withdrawnAt: null }],
    ['the withdrawal once withdrawn', record({ status: 'withdrawn', withdrawnAt: '2026-04-01T08:00:00.000Z' }), expect.objectContaining({ withdrawnAt: '2026-04-01T08:00:00.000Z' })],
  ])('%s', (_, r, expected) => {
    expect(projection(r, '2026-03-01')).toEqual(expected);
  });
});
