// Check-in without the app, through the local gateway: the supervisor's venue display shows the code and the QR of the
// check-in page; the young person opens it, signs in with the account's password (cognito-local) and is checked in
// through the same use case as the API. Wrong passwords, staff, cross-site posts and tampered links change nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { linkKeyFile } from '../../lib/credentials/link-key.js';
import { venueDisplayPath } from '../../lib/domain/youth-house/check-in-code.js';
import { ensureAccount } from '../../lib/local/accounts.js';
import { aStartedShift, registered } from '../support/attendance-arrange.js';
import { cognito, STRONG_PASSWORD } from '../support/accounts.js';
import { aWorld, aYouth, expectStatus, type World } from '../support/hours-api.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { decodeSvgQr } from '../support/qr.js';
import { anOpportunityInput, inDays } from '../support/youth-house-builders.js';

const M = 'LV-042';
let world: World;
beforeAll(async () => { world = await aWorld(call, tokenFor, M); });

const shiftPath = (o: { id: string }) => `/v1/opportunities/${o.id}/shifts/0`;
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  ({ rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), ...headers } });
const entriesOf = async (token: string) => (await expectStatus(call('GET', '/v1/volunteers/me/hour-entries', { token }), 200)).json.items as { state: string; minutes: number }[];

/** A young person with a profile and a cognito-local account (email and password) under the same sub. */
async function aYouthWithPassword() {
  const email = `check-in-${randomUUID().slice(0, 8)}@example.lv`;
  const youth = await aYouth(call, tokenFor, M, { email });
  await ensureAccount(cognito(), inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'youth', municipality: M, sub: youth.sub });
  return { ...youth, email };
}

describe('the venue display and the check-in page', () => {
  it('the display shows the code and the QR of the check-in page; signing in there checks the young person in once', async () => {
    const youth = await aYouthWithPassword();
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId, creditedMinutesPerShift: 60 });
    await registered(o, [youth.sub]);

    const shown = await expectStatus(call('GET', `${shiftPath(o)}/check-in-code`, { token: world.supervisor }), 200);
    expect(shown.json.qrText).toBe(`${baseUrl()}/check-in/${o.id}/0?code=${shown.json.code}`);
    const display = await call('GET', new URL(shown.json.displayUrl).pathname);
    expect(display.status).toBe(200);
    expect(display.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(display.text).toContain('Noskenējiet kodu ar tālruni');
    expect(display.text).toContain(`data-code>${shown.json.code}<`);
    expect(display.text).toMatch(/<meta http-equiv="refresh" content="([1-9][0-9]*)">/);
    const refresh = Number(/<meta http-equiv="refresh" content="([0-9]+)">/.exec(display.text)![1]);
    expect(refresh).toBeLessThanOrEqual(121);
    const qr = decodeSvgQr(/<svg[\s\S]*?<\/svg>/.exec(display.text)![0]);
    expect(qr).toBe(shown.json.qrText);

    // what the phone opens: the shift and the form, the code prefilled; GET changes nothing
    const page = await call('GET', new URL(qr!).pathname + new URL(qr!).search);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Reģistrēt ierašanos');
    expect(page.text).toContain(`value="${shown.json.code}"`);
    expect((await call('GET', `/check-in/${o.id}/0?lang=en`)).text).toContain('Sign in with your account');
    expect(await entriesOf(youth.token)).toEqual([]);

    const post = (fields: Record<string, string>, headers?: Record<string, string>) => call('POST', `/check-in/${o.id}/0`, form(fields, headers));
    const wrong = await post({ code: shown.json.code, email: youth.email, password: 'Nepareiza-parole-1!' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('E-pasts vai parole nav pareiza');
    expect(wrong.text).toContain(`value="${youth.email}"`);
    expect(wrong.text).not.toContain('Nepareiza-parole');
    expect((await post({ code: shown.json.code, email: youth.email, password: STRONG_PASSWORD }, { origin: 'https://evil.example' })).status).toBe(404);
    expect((await post({ code: '', email: youth.email, password: STRONG_PASSWORD })).status).toBe(422);
    const badCode = String((Number(shown.json.code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await post({ code: badCode, email: youth.email, password: STRONG_PASSWORD });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Kods nav derīgs');
    expect(await entriesOf(youth.token)).toEqual([]);

    const done = await post({ code: shown.json.code, email: youth.email, password: STRONG_PASSWORD });
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain('Ierašanās reģistrēta');
    expect(done.text).toContain('ierakstīts laiks 1 h; tas gaida vadītāja apstiprinājumu');
    expect(await entriesOf(youth.token)).toMatchObject([{ state: 'pending', minutes: 60 }]);
    const roster = await expectStatus(call('GET', `${shiftPath(o)}/sign-ups`, { token: world.supervisor }), 200);
    expect(roster.json.items).toMatchObject([{ youthId: youth.sub, state: 'attended', attendance: { via: 'check-in' } }]);
    const again = await post({ code: shown.json.code, email: youth.email, password: STRONG_PASSWORD });
    expect(again.text).toContain('Jūsu ierašanās jau bija reģistrēta');
    expect(await entriesOf(youth.token)).toHaveLength(1);
  });

  it('refuses a supervisor signing in and a youth without a sign-up on the form; tampered and ended links say so', async () => {
    const [youth, stranger] = await Promise.all([aYouthWithPassword(), aYouthWithPassword()]);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId });
    await registered(o, [youth.sub]);
    const { json } = await expectStatus(call('GET', `${shiftPath(o)}/check-in-code`, { token: world.coordinator }), 200);
    const staffEmail = `sup-${randomUUID().slice(0, 8)}@example.lv`;
    await ensureAccount(cognito(), inject('userPoolId'), { email: staffEmail, password: STRONG_PASSWORD, role: 'supervisor', municipality: M, institution: world.institutionId, sub: randomUUID() });
    const post = (email: string) => call('POST', `/check-in/${o.id}/0`, form({ code: json.code, email, password: STRONG_PASSWORD }));

    const staff = await post(staffEmail);
    expect(staff.status).toBe(422);
    expect(staff.text).toContain('Ierašanos reģistrē jaunietis ar savu kontu');
    const notSignedUp = await post(stranger.email);
    expect(notSignedUp.status).toBe(422);
    expect(notSignedUp.text).toContain('Jums nav pieteikuma šai maiņai');
    expect(await entriesOf(stranger.token)).toEqual([]);

    const path = new URL(json.displayUrl).pathname;
    expect((await call('GET', `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);
    expect((await call('GET', `/check-in/${randomUUID()}/0`)).status).toBe(404);
    // the display link of a shift that ended days ago
    const over = await aStartedShift(M, 'seed', { institutionId: world.institutionId, shifts: [{ start: new Date(Date.now() - 3 * 86_400_000).toISOString(), durationMinutes: 60, places: 5 }] }, new Date(Date.now() - 3 * 86_400_000).toISOString());
    const ended = await call('GET', venueDisplayPath(linkKeyFile(inject('e2eDataDir')), over.id, 0, new Date(Date.now() + 3_600_000)));
    expect(ended.status).toBe(410);
    expect(ended.text).toContain('Reģistrācija ir beigusies');
    expect(ended.text).not.toContain('http-equiv="refresh"');
  });

  it('gives the display link ahead: before check-in opens the display and the check-in page say when; after the end no link', async () => {
    const created = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, {
      token: world.coordinator, body: anOpportunityInput({ institutionId: world.institutionId, signUpDeadline: inDays(2), shifts: [{ start: inDays(3), durationMinutes: 60, places: 5 }] }),
    }), 201);
    await expectStatus(call('PUT', `/v1/opportunities/${created.json.id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
    const o = { id: created.json.id as string };
    // the code itself only while check-in is open
    expect((await call('GET', `${shiftPath(o)}/check-in-code`, { token: world.supervisor })).json.rule).toBe('youth-house.check-in-closed');
    const link = await expectStatus(call('GET', `${shiftPath(o)}/venue-display`, { token: world.supervisor }), 200);
    expect(Date.parse(link.json.opensAt)).toBe(Date.parse(inDays(3)) - 30 * 60_000);
    const youth = await aYouth(call, tokenFor, M);
    await expectStatus(call('GET', `${shiftPath(o)}/venue-display`, { token: youth.token }), 403);

    const display = await call('GET', new URL(link.json.displayUrl).pathname);
    expect(display.status).toBe(200);
    expect(display.text).toContain('Reģistrācija vēl nav sākusies');
    expect(display.text).toMatch(/Ierašanos var reģistrēt no [0-9]{2}\.[0-9]{2}\.[0-9]{4}\. plkst\. [0-9]{2}:[0-9]{2}\./);
    expect(display.text).toContain('<meta http-equiv="refresh" content="600">');
    expect(display.text).not.toContain('data-code');
    const early = await call('GET', `/check-in/${o.id}/0?code=123456`);
    expect(early.status).toBe(200);
    expect(early.text).toContain('Reģistrācija vēl nav sākusies');
    expect(early.text).not.toContain('type="password"');

    const over = await aStartedShift(M, 'seed', { institutionId: world.institutionId, shifts: [{ start: new Date(Date.now() - 3 * 86_400_000).toISOString(), durationMinutes: 60, places: 5 }] }, new Date(Date.now() - 3 * 86_400_000).toISOString());
    expect((await expectStatus(call('GET', `${shiftPath(over)}/venue-display`, { token: world.coordinator }), 422)).json.rule).toBe('youth-house.check-in-closed');
    const late = await call('GET', `/check-in/${over.id}/0`);
    expect(late.status).toBe(410);
    expect(late.text).toContain('Reģistrācija ir beigusies');
  });
});
