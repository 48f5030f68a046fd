// A young person's data export: GET /v1/me/export answers one zip with the profile, every entry with its decisions,
// the certificates and their PDFs, the guardian consent, the youth-house sign-ups and the move requests, and nothing
// of anyone else.
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { aPaperConsent } from '../support/consent.js';
import { issueCertificates } from '../support/issued-certificates.js';
import { anOpportunityInput } from '../support/youth-house-builders.js';
import { baseUrl, call, tokenFor } from '../support/http.js';

async function download(token: string) {
  const res = await fetch(`${baseUrl()}/v1/me/export`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('GET /v1/me/export', () => {
  it('gives a holder one archive with profile, entries and decisions, certificates and their PDFs, and no one else\'s data', async () => {
    const id = `exp-${randomUUID().slice(0, 8)}`;
    const other = `exp-${randomUUID().slice(0, 8)}`;
    const { codes } = await issueCertificates('LV-059', 2024, [
      { id, name: 'Elza Eksporte', minutes: [1800, 1800, 600] },
      { id: other, name: 'Cits Jaunietis', minutes: [3600] },
    ]);
    const token = await tokenFor({ role: 'youth', sub: id, municipality: 'LV-059' });
    const coordinator = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: 'LV-059' });
    // a consent on paper, a sign-up cancelled and one standing, a move asked and taken back
    expect((await aPaperConsent(call, tokenFor, 'LV-059', id, { name: 'Ilga Eksporte', relation: 'parent', date: '2024-01-10' }, coordinator)).status).toBe(200);
    const o = await call('POST', '/v1/municipalities/LV-059/opportunities', { token: coordinator, body: anOpportunityInput() });
    expect(o.status, o.text).toBe(201);
    expect((await call('PUT', `/v1/opportunities/${o.json.id}/status`, { token: coordinator, body: { status: 'published' } })).status).toBe(200);
    expect((await call('POST', `/v1/opportunities/${o.json.id}/shifts/0/sign-ups`, { token })).status).toBe(201);
    expect((await call('POST', '/v1/volunteers/me/municipality-move', { token, body: { to: 'LV-042', note: 'Studijas Jēkabpilī' } })).status).toBe(201);
    expect((await call('DELETE', '/v1/volunteers/me/municipality-move', { token })).status).toBe(200);

    const res = await download(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="mani-dati-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = unzipSync(res.bytes);
    const code = codes.get(id)!;
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'certificates.json', `certificates/${code}.pdf`, 'entries.json', 'profile.json', 'guardian-consent.json', 'sign-ups.json', 'moves.json'].sort());
    const consent = JSON.parse(strFromU8(files['guardian-consent.json']!));
    expect(consent.current).toMatchObject({ volunteerId: id, status: 'given', via: 'paper', guardian: { name: 'Ilga Eksporte', relation: 'parent' } });
    expect(consent.current).not.toHaveProperty('linkNonce');
    expect(consent.current.paper).not.toHaveProperty('scanKey');
    expect(consent.history.map((r: { status: string }) => r.status)).toEqual(['given']);
    const signUps = JSON.parse(strFromU8(files['sign-ups.json']!));
    expect(signUps).toEqual([expect.objectContaining({ opportunityId: o.json.id, shift: 0, youthId: id, state: 'registered' })]);
    const moves = JSON.parse(strFromU8(files['moves.json']!));
    expect(moves).toEqual([expect.objectContaining({ volunteerId: id, from: 'LV-059', to: 'LV-042', status: 'withdrawn', note: 'Studijas Jēkabpilī' })]);

    const profile = JSON.parse(strFromU8(files['profile.json']!));
    expect(profile).toMatchObject({ id, name: 'Elza Eksporte', email: `${id}@example.lv`, municipality: 'LV-059', account: { sub: id, role: 'youth' } });
    const entries = JSON.parse(strFromU8(files['entries.json']!)) as { volunteerId: string; minutes: number; decisions: { to: string; by: string }[] }[];
    expect(entries.map((e) => e.minutes).sort()).toEqual([1440, 1440, 600].sort());
    for (const e of entries) {
      expect(e.volunteerId).toBe(id);
      expect(e.decisions).toEqual([expect.objectContaining({ to: 'approved', by: 's' })]);
    }
    const certificates = JSON.parse(strFromU8(files['certificates.json']!)) as Record<string, unknown>[];
    expect(certificates).toEqual([expect.objectContaining({ code, holderName: 'Elza Eksporte', year: 2024, status: 'valid', credential: expect.any(String) })]);
    expect(certificates[0]).not.toHaveProperty('pdfKey');
    expect(strFromU8(files[`certificates/${code}.pdf`]!.slice(0, 5))).toBe('%PDF-');
    expect(strFromU8(files['README.txt']!)).toContain('jūsu dati');

    const everything = Object.values(files).map((b) => Buffer.from(b).toString('latin1')).join('\n');
    expect(everything).not.toContain(other);
    expect(everything).not.toContain(codes.get(other)!);
  });

  it('answers 404 problem+json for a youth without a profile and 403 for staff', async () => {
    const none = await call('GET', '/v1/me/export', { token: await tokenFor({ role: 'youth', sub: `nobody-${randomUUID().slice(0, 6)}`, municipality: 'LV-042' }) });
    expect(none.status).toBe(404);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    const staff = await call('GET', '/v1/me/export', { token: await tokenFor({ role: 'coordinator', sub: 'c-exp', municipality: 'LV-042' }) });
    expect(staff.status).toBe(403);
  });
});
