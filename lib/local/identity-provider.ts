// The local identity provider: an ES256 key kept in .local/, tokens with the same claim shape as Cognito ID tokens.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { MFA_CLAIM, requiresMfa, type Role } from '../domain/identity/types.js';

export const LOCAL_ISSUER = 'urn:jaunatne:local-idp';
export const LOCAL_AUDIENCE = 'jaunatne-local';
const ALG = 'ES256';

export interface LocalKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Loads the signing key from `file`, generating it on first use. */
export async function loadOrCreateKeys(file: string): Promise<LocalKeys> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeys;
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const keys: LocalKeys = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

export interface TokenRequest {
  role: Role;
  sub: string;
  municipality?: string;
  institution?: string;
  email?: string;
  name?: string;
  /** For coordinators and agency staff: whether the account has TOTP on (default true; false mints a token the API refuses with identity.mfa-required). */
  mfa?: boolean;
  /** Lifetime in seconds (default one hour); negative values make an already expired token, for tests. */
  expiresIn?: number;
}

/** Signs a token shaped like a Cognito ID token: cognito:groups, custom:municipality, custom:institution, and for staff mfa_enabled as the pre-token-generation trigger adds it. */
export async function signToken(keys: LocalKeys, request: TokenRequest): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    'cognito:groups': [request.role],
    token_use: 'id',
    ...(request.municipality ? { 'custom:municipality': request.municipality } : {}),
    ...(request.institution ? { 'custom:institution': request.institution } : {}),
    ...(request.email ? { email: request.email } : {}),
    ...(request.name ? { name: request.name } : {}),
    ...(requiresMfa(request.role) ? { [MFA_CLAIM]: String(request.mfa ?? true) } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid: keys.kid, typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (request.expiresIn ?? 3600))
    .sign(await importJWK(keys.privateJwk, ALG));
}

/** Verifies signature, issuer, audience and expiry the way the HTTP API JWT authorizer does. */
export function tokenVerifier(keys: LocalKeys) {
  const key = importJWK(keys.publicJwk, ALG);
  return async (token: string): Promise<JWTPayload> => {
    const { payload } = await jwtVerify(token, await key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: [ALG] });
    return payload;
  };
}
