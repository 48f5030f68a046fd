import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { DynamoCertificateRepository } from '../../lib/data/certificate-repository.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../lib/local/identity-provider.js';
import { call, tokenFor, tokenWithClaims } from '../support/http.js';

describe('GET /v1/me', () => {
  it('returns the identity, role and municipality from a valid token', async () => {
    const token = await tokenFor({ role: 'supervisor', sub: 'u-123', municipality: 'LV-042', institution: 'i-1', name: 'Līga Bērziņa' });
    const res = await call('GET', '/v1/me', { token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      sub: 'u-123', role: 'supervisor', institution: 'i-1', email: null, name: 'Līga Bērziņa',
      municipality: { code: 'LV-042', name: 'Jēkabpils novads', nameEn: 'Jēkabpils Municipality' },
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 401 problem+json without a token', async () => {
    const res = await call('GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.json).toMatchObject({ type: '/problems/unauthenticated', status: 401 });
  });

  it('answers 401 for an expired token', async () => {
    const token = await tokenFor({ role: 'youth', sub: 'y', municipality: 'LV-042', expiresIn: -60 });
    const res = await call('GET', '/v1/me', { token });
    expect(res.status).toBe(401);
    expect(res.json.detail).toMatch(/exp/);
  });

  it('answers 401 for a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ 'cognito:groups': ['agency'] })
      .setProtectedHeader({ alg: 'ES256' }).setSubject('mallory').setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE)
      .setIssuedAt().setExpirationTime('1h').sign(privateKey);
    expect((await call('GET', '/v1/me', { token: forged })).status).toBe(401);
  });

  it('answers 401 for a malformed header or a token with another audience', async () => {
    expect((await call('GET', '/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
    expect((await call('GET', '/v1/me', { token: 'not.a.jwt' })).status).toBe(401);
  });

  it('answers 401 for a token whose payload was tampered with', async () => {
    const token = await tokenFor({ role: 'youth', sub: 'y', municipality: 'LV-042' });
    const [h, , s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ sub: 'y', 'cognito:groups': ['admins'] })).toString('base64url')}.${s}`;
    expect((await call('GET', '/v1/me', { token: tampered })).status).toBe(401);
  });
});

describe('the identity boundary', () => {
  const client = localClient(inject('e2eDynamoEndpoint'));
  const certificates = new DynamoCertificateRepository(createDocumentClient(client), inject('e2eTableName'));
  afterAll(() => client.destroy());

  it('answers 401 for a signed access token: it carries groups but none of the custom attributes', async () => {
    const token = await tokenWithClaims('c-access', { token_use: 'access', 'cognito:groups': ['coordinator'], client_id: LOCAL_AUDIENCE, scope: 'aws.cognito.signin.user.admin' });
    const res = await call('GET', '/v1/me', { token });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ type: '/problems/unauthenticated', status: 401 });
    expect(res.json.detail).toMatch(/token_use/);
  });

  it('answers 401 for a signed token without token_use', async () => {
    const token = await tokenWithClaims('a-none', { 'cognito:groups': ['agency'] });
    expect((await call('GET', '/v1/me', { token })).status).toBe(401);
  });

  it('answers 403 identity.role-missing for a group whose name merely contains a role after a comma', async () => {
    const token = await tokenWithClaims('mallory', { token_use: 'id', 'cognito:groups': ['readers,agency'] });
    const res = await call('GET', '/v1/reports/applications/municipalities', { token });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ type: '/problems/forbidden', status: 403, rule: 'identity.role-missing' });
  });

  it('refuses a coordinator without custom:municipality a nationwide certificate run (403, in Latvian and English) and starts nothing', async () => {
    const year = 2019;
    const token = await tokenFor({ role: 'coordinator', sub: 'c-nowhere' });
    const res = await call('POST', '/v1/certificate-runs', { token, body: { year } });
    expect(res.status, res.text).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ type: '/problems/forbidden', status: 403, title: 'Piekļuve liegta', rule: 'identity.municipality-missing' });
    expect(res.json.detail).toMatch(/pašvaldība/);
    const en = await call('POST', '/v1/certificate-runs', { token, body: { year }, headers: { 'accept-language': 'en' } });
    expect(en.json).toMatchObject({ status: 403, title: 'Access denied', rule: 'identity.municipality-missing' });
    expect(en.json.detail).toMatch(/no municipality/);
    expect(await certificates.latestRun(null, year)).toBeUndefined();
  });

  it.each([
    ['a youth without custom:municipality', { role: 'youth' as const, sub: 'y-nowhere' }, 'identity.municipality-missing'],
    ['a coordinator of a code not in the registry', { role: 'coordinator' as const, sub: 'c-999', municipality: 'LV-999' }, 'identity.municipality-unknown'],
    ['a supervisor without custom:institution', { role: 'supervisor' as const, sub: 's-noinst', municipality: 'LV-042' }, 'identity.institution-missing'],
  ])('answers 403 on GET /v1/me for %s', async (_, request, rule) => {
    const res = await call('GET', '/v1/me', { token: await tokenFor(request) });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ status: 403, rule });
  });

  it('lets the agency act without a municipality', async () => {
    const res = await call('GET', '/v1/me', { token: await tokenFor({ role: 'agency', sub: 'a-national' }) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ role: 'agency', municipality: null });
  });

  it('leaves public routes open whatever token comes along', async () => {
    const token = await tokenWithClaims('c-access', { token_use: 'access', 'cognito:groups': ['coordinator'] });
    expect((await call('GET', '/v1/municipalities/LV-042', { token })).status).toBe(200);
  });
});
