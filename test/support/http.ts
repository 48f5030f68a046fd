// Helpers for e2e tests: real tokens from the local identity provider, fetch against the local gateway.
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { inject } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, signToken, type TokenRequest } from '../../lib/local/identity-provider.js';

export const baseUrl = () => inject('baseUrl');

export function tokenFor(request: TokenRequest): Promise<string> {
  return signToken(inject('localKeys'), request);
}

/** A token signed by the local identity provider with exactly these claims (for shapes signToken never mints). */
export async function tokenWithClaims(sub: string, claims: JWTPayload): Promise<string> {
  const keys = inject('localKeys');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'JWT' })
    .setSubject(sub).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setIssuedAt().setExpirationTime('1h')
    .sign(await importJWK(keys.privateJwk, 'ES256'));
}

export async function call(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl()}${path}`, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, text, json: /json/.test(type) && text ? JSON.parse(text) : undefined };
}
