// A young person closes their account: POST /v1/me/closure disables sign-in (cognito-local) and pseudonymises the
// profile; the approved entries and the certificate stay, and the certificate still verifies with the name at issue.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ensureAccount, signIn } from '../../lib/local/accounts.js';
import { cognito, STRONG_PASSWORD } from '../support/accounts.js';
import { issueCertificates } from '../support/issued-certificates.js';
import { call, tokenFor } from '../support/http.js';

describe('POST /v1/me/closure', () => {
  it('disables sign-in, pseudonymises the profile, and keeps a certificate that verifies with the name at issue', async () => {
    const id = `close-${randomUUID().slice(0, 8)}`;
    const { codes, coordinator } = await issueCertificates('LV-059', 2023, [{ id, name: 'Klāvs Slēdzējs', minutes: [1440, 1440, 1440] }]);
    const code = codes.get(id)!;
    const client = cognito();
    const email = `${id}@example.lv`;
    // a real account with the holder's sub (cognito-local takes a sub on AdminCreateUser)
    await ensureAccount(client, inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'youth', municipality: 'LV-059', sub: id });
    const token = (await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD)).IdToken!;

    const unconfirmed = await call('POST', '/v1/me/closure', { token, body: {} });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json.errors).toEqual([expect.objectContaining({ field: 'body.confirm' })]);

    const closed = await call('POST', '/v1/me/closure', { token, body: { confirm: true } });
    expect(closed.status, closed.text).toBe(200);
    const year = Number(closed.json.closedAt.slice(0, 4));
    expect(closed.json.retainedUntil).toBe(`${year + 5}${closed.json.closedAt.slice(4, 10)}`);

    // sign-in is off
    const pooled = await client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: email }));
    expect(pooled.Enabled).toBe(false);
    await expect(signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD)).rejects.toThrow(/disabled/);

    // the profile no longer names the holder (read with a token minted for the same sub: the ID token lives up to an hour)
    const same = await tokenFor({ role: 'youth', sub: id, municipality: 'LV-059' });
    const profile = await call('GET', '/v1/volunteers/me', { token: same });
    expect(profile.json).toMatchObject({ id, name: 'Slēgts konts', email: `closed-${id}@closed.invalid`, municipality: 'LV-059', closedAt: closed.json.closedAt });
    expect(profile.text).not.toContain('Klāvs');

    // closing again answers the same closure
    const again = await call('POST', '/v1/me/closure', { token: same, body: { confirm: true } });
    expect(again.json).toEqual(closed.json);

    // the certificate stays and verifies with the name as given at issue
    const verified = await call('GET', `/v1/certificates/${code}`, {});
    expect(verified.status, verified.text).toBe(200);
    expect(verified.text).toContain('Klāvs Slēdzējs');
    const roster = await call('GET', '/v1/municipalities/LV-059/certificate-roster.csv?year=2023', { token: coordinator });
    expect(roster.text).toContain(code);
  });

  it('answers 404 for a youth without a profile and 403 for staff', async () => {
    const none = await call('POST', '/v1/me/closure', { token: await tokenFor({ role: 'youth', sub: `n-${randomUUID().slice(0, 6)}`, municipality: 'LV-042' }), body: { confirm: true } });
    expect(none.status).toBe(404);
    const staff = await call('POST', '/v1/me/closure', { token: await tokenFor({ role: 'agency', sub: 'a-close' }), body: { confirm: true } });
    expect(staff.status).toBe(403);
  });
});
