// MFA for staff end to end: real cognito-local accounts, the pre-token-generation trigger (through the gateway's Lambda
// endpoint) and the boundary's 403 identity.mfa-required; TOTP is turned on with Cognito's own API, not a route of ours.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { routeList } from '../../lib/http/routes.js';
import { ensureAccount, signIn, turnOnTotp } from '../../lib/local/accounts.js';
import { cognito, STRONG_PASSWORD } from '../support/accounts.js';
import { call, tokenFor } from '../support/http.js';

const address = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.lv`;
const pathOf = (path: string) => path.replace(/\{[^}]+\}/g, (p) => (p === '{code}' ? 'LV-042' : 'x-1'));
const staffRoutes = (role: 'coordinator' | 'agency') => routeList.filter((r) => r.auth !== 'public' && r.auth.includes(role));

describe('MFA for coordinators and agency staff', () => {
  it('refuses a coordinator without TOTP on every route they could otherwise call, then admits them once TOTP is on', async () => {
    const client = cognito();
    const email = address('koordinators');
    await ensureAccount(client, inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'coordinator', municipality: 'LV-042', name: 'Anna Ozola' });

    const before = await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD);
    expect(decodeJwt(before.IdToken!)).toMatchObject({ mfa_enabled: 'false', 'cognito:groups': ['coordinator'] });
    const refusals = await Promise.all(staffRoutes('coordinator').map(async (r) => {
      const res = await call(r.method, pathOf(r.path), { token: before.IdToken!, ...(r.method === 'GET' ? {} : { body: {} }) });
      return { route: `${r.method} ${r.path}`, status: res.status, rule: res.json?.rule, type: res.headers.get('content-type') };
    }));
    expect(refusals.length).toBeGreaterThan(10);
    for (const refusal of refusals) expect(refusal).toEqual({ route: refusal.route, status: 403, rule: 'identity.mfa-required', type: 'application/problem+json' });
    const me = await call('GET', '/v1/me', { token: before.IdToken!, headers: { 'accept-language': 'en' } });
    expect(me.json).toMatchObject({ type: '/problems/forbidden', status: 403, rule: 'identity.mfa-required', detail: expect.stringContaining('multi-factor') });

    // the app's TOTP set-up: Cognito's own API with the access token (no route of ours, so nothing to exempt)
    const secret = await turnOnTotp(client, before.AccessToken!);
    // a password alone no longer signs in: Cognito asks for the code
    const challenged = await client.send(new InitiateAuthCommand({
      ClientId: inject('userPoolClientId'), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: STRONG_PASSWORD },
    }));
    expect(challenged.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const after = await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD, secret);
    expect(decodeJwt(after.IdToken!)).toMatchObject({ mfa_enabled: 'true' });
    const admitted = await call('GET', '/v1/me', { token: after.IdToken! });
    expect(admitted.status).toBe(200);
    expect(admitted.json).toMatchObject({ role: 'coordinator', municipality: { code: 'LV-042' }, email });

    // the claim follows the account's setting on every token, so a refresh after the set-up also carries it
    const refreshed = await client.send(new InitiateAuthCommand({
      ClientId: inject('userPoolClientId'), AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: before.RefreshToken! },
    }));
    expect(decodeJwt(refreshed.AuthenticationResult!.IdToken!)).toMatchObject({ mfa_enabled: 'true' });
  });

  it('refuses an agency account without TOTP and admits it with TOTP', async () => {
    const client = cognito();
    const email = address('jspa');
    await ensureAccount(client, inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'agency' });
    const before = await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD);
    const refused = await call('GET', '/v1/reports/applications/municipalities', { token: before.IdToken! });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ rule: 'identity.mfa-required', title: 'Piekļuve liegta', detail: expect.stringContaining('divpakāpju') });
    const secret = await turnOnTotp(client, before.AccessToken!);
    const after = await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD, secret);
    expect((await call('GET', '/v1/reports/applications/municipalities', { token: after.IdToken! })).status).toBe(200);
  });

  it.each([
    ['a youth', { role: 'youth', municipality: 'LV-042' }],
    ['a supervisor', { role: 'supervisor', municipality: 'LV-042', institution: 'i-mfa' }],
  ] as const)('does not ask %s for a second factor (no claim in the token)', async (_, spec) => {
    const client = cognito();
    const email = address(spec.role);
    await ensureAccount(client, inject('userPoolId'), { email, password: STRONG_PASSWORD, ...spec });
    const auth = await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD);
    const me = await call('GET', '/v1/me', { token: auth.IdToken! });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ role: spec.role });
  });

  it.each(['coordinator', 'agency'] as const)('npm run token mints a %s token with MFA on by default, and one without on request', async (role) => {
    const request = { role, sub: `t-${role}`, ...(role === 'coordinator' ? { municipality: 'LV-042' } : {}) };
    expect((await call('GET', '/v1/me', { token: await tokenFor(request) })).status).toBe(200);
    const without = await call('GET', '/v1/me', { token: await tokenFor({ ...request, mfa: false }) });
    expect(without.status).toBe(403);
    expect(without.json.rule).toBe('identity.mfa-required');
  });
});
