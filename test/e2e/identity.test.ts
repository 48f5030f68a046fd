import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../lib/local/identity-provider.js';
import { call, tokenFor } from '../support/http.js';

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
