// VC-JWT: an OpenBadgeCredential signed with the municipality's Ed25519 key, and its verification against a JWKS.
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JSONWebKeySet } from 'jose';
import * as z from 'zod';
import type { IssuerSigningKey } from './key-store.js';
import { municipalityOfKid } from './key-store.js';
import { hashIdentity, issuerProfileId, OB_CONTEXT, type OpenBadgeCredential } from './open-badge.js';

/**
 * Serialisation follows OB 3.0 §8.2 (JSON Web Token Proof Format) for VCDM 2.0: the JWT payload *is* the
 * credential (no `vc` wrapper), with the registered claims that mirror it — `iss` = issuer.id, `jti` = id,
 * `nbf` = validFrom (and `exp` = validUntil when present). Header (§8.2.3): `alg` EdDSA, `kid`, `typ` "JWT" and
 * nothing else — OB 3.0 allows no additional JOSE headers, and its `typ`, if present, MUST be "JWT".
 */
export const VC_JWT_TYP = 'JWT';
/**
 * Certificates issued before the header followed §8.2.3 carry `typ: vc+jwt` (VC-JOSE-COSE) and `cty: vc`; they
 * stay verifiable. §8.2.3 makes `typ` optional, so a token without one is accepted too.
 */
const ACCEPTED_TYPS: readonly (string | undefined)[] = [VC_JWT_TYP, undefined, 'vc+jwt'];

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export async function signCredential(credential: OpenBadgeCredential, key: IssuerSigningKey): Promise<string> {
  if (municipalityOfKid(key.kid) !== key.municipality) throw new RangeError(`key ${key.kid} does not belong to ${key.municipality}`);
  const payload = {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: VC_JWT_TYP })
    .sign(key.privateKey);
}

export type CredentialStatusResult = { revoked: false } | { revoked: true; reason: string; revokedAt?: string };

/** Looks up the status of a credential (the revocation list of its municipality, or the certificate store). */
export type StatusLookup = (credentialId: string, status: OpenBadgeCredential['credentialStatus']) => Promise<CredentialStatusResult>;

export type InvalidReason =
  | 'malformed'
  | 'unknown-key'
  | 'signature'
  | 'issuer-mismatch'
  | 'claims-mismatch'
  | 'not-yet-valid'
  | 'expired'
  | 'subject-mismatch'
  | 'status-unavailable';

export type VerificationResult =
  | { status: 'valid'; credential: OpenBadgeCredential; kid: string }
  | { status: 'revoked'; reason: string; revokedAt?: string; credential: OpenBadgeCredential; kid: string }
  | { status: 'invalid'; reason: InvalidReason; detail: string };

export interface VerifyOptions {
  jwks: JSONWebKeySet;
  /** Public API origin the issuer profile ids are built from. */
  baseUrl: string;
  now: Date;
  status: StatusLookup;
  /** When given, the credential must name this holder (exact name, and/or the hashed volunteer id). */
  expectedHolder?: { name?: string; volunteerId?: string };
}

const identity = z.object({ type: z.literal('IdentityObject'), identityType: z.string(), hashed: z.boolean(), identityHash: z.string(), salt: z.string().optional() });
const payloadSchema = z.looseObject({
  '@context': z.array(z.string()).refine((c) => c[0] === OB_CONTEXT[0] && c[1] === OB_CONTEXT[1], 'must start with the VC 2.0 and OB 3.0 contexts'),
  id: z.string(),
  type: z.array(z.string()).refine((t) => t.includes('VerifiableCredential') && t.includes('OpenBadgeCredential'), 'must be an OpenBadgeCredential'),
  issuer: z.looseObject({ id: z.string(), type: z.array(z.string()), name: z.string() }),
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }).optional(),
  name: z.string(),
  credentialSubject: z.looseObject({
    type: z.array(z.string()).refine((t) => t.includes('AchievementSubject'), 'must be an AchievementSubject'),
    identifier: z.array(identity),
    achievement: z.looseObject({ id: z.string(), type: z.array(z.string()), name: z.string(), criteria: z.looseObject({ narrative: z.string() }) }),
  }),
  credentialStatus: z.object({ id: z.string(), type: z.string() }).optional(),
  iss: z.string(),
  jti: z.string(),
  nbf: z.number(),
  exp: z.number().optional(),
});

/** Imported public keys per JWK object: a served JWKS is reused across many verifications. */
const imported = new WeakMap<object, Promise<Awaited<ReturnType<typeof importJWK>>>>();
function publicKeyOf(jwk: JSONWebKeySet['keys'][number]) {
  let key = imported.get(jwk);
  if (!key) {
    key = importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA');
    imported.set(jwk, key);
    key.catch(() => imported.delete(jwk));
  }
  return key;
}

const invalid = (reason: InvalidReason, detail: string): VerificationResult => ({ status: 'invalid', reason, detail });

/**
 * 1. read the header: EdDSA, typ JWT (or none, or the legacy vc+jwt), a kid published in the JWKS  2. verify the signature with that key
 * 3. check the payload is an OpenBadgeCredential whose JWT claims mirror it  4. the issuer must be the
 * municipality that owns the key  5. validity dates against `now`  6. the holder, when expected
 * 7. the status (revoked with reason). Never throws for a bad token: it reports why.
 */
export async function verifyCredential(jwt: string, options: VerifyOptions): Promise<VerificationResult> {
  let header;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return invalid('malformed', 'not a compact JWS');
  }
  if (header.alg !== 'EdDSA' || !ACCEPTED_TYPS.includes(header.typ)) return invalid('malformed', `unexpected header alg=${header.alg} typ=${header.typ}`);
  const kid = header.kid;
  const jwk = kid === undefined ? undefined : options.jwks.keys.find((k) => k.kid === kid);
  if (kid === undefined || jwk === undefined) return invalid('unknown-key', `kid ${kid ?? '(none)'} is not published`);

  let payloadBytes: Uint8Array;
  try {
    const key = await publicKeyOf(jwk);
    ({ payload: payloadBytes } = await compactVerify(jwt, key, { algorithms: ['EdDSA'] }));
  } catch (e) {
    return invalid('signature', e instanceof Error ? e.message : 'signature verification failed');
  }

  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch {
    return invalid('malformed', 'payload is not JSON');
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return invalid('malformed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const p = parsed.data;
  if (p.iss !== p.issuer.id || p.jti !== p.id || p.nbf !== seconds(p.validFrom) || (p.exp ?? null) !== (p.validUntil ? seconds(p.validUntil) : null)) {
    return invalid('claims-mismatch', 'JWT claims do not mirror the credential');
  }

  const owner = municipalityOfKid(kid);
  if (owner === null || p.issuer.id !== issuerProfileId(options.baseUrl, owner)) {
    return invalid('issuer-mismatch', `issuer ${p.issuer.id} does not own key ${kid}`);
  }

  const now = options.now.getTime();
  if (now < Date.parse(p.validFrom)) return invalid('not-yet-valid', `valid from ${p.validFrom}`);
  if (p.validUntil !== undefined && now > Date.parse(p.validUntil)) return invalid('expired', `valid until ${p.validUntil}`);

  const ids = p.credentialSubject.identifier;
  const expected = options.expectedHolder;
  if (expected?.name !== undefined && !ids.some((i) => i.identityType === 'name' && !i.hashed && i.identityHash.normalize('NFC') === expected.name!.normalize('NFC'))) {
    return invalid('subject-mismatch', 'the credential names another holder');
  }
  if (
    expected?.volunteerId !== undefined &&
    !ids.some((i) => i.identityType === 'systemId' && (i.hashed ? i.salt !== undefined && i.identityHash === hashIdentity(expected.volunteerId!, i.salt) : i.identityHash === expected.volunteerId))
  ) {
    return invalid('subject-mismatch', 'the credential was issued to another volunteer');
  }

  const { iss: _iss, jti: _jti, nbf: _nbf, exp: _exp, ...rest } = raw as Record<string, unknown>;
  const credential = rest as unknown as OpenBadgeCredential;
  if (p.credentialStatus === undefined) return { status: 'valid', credential, kid };
  let status: CredentialStatusResult;
  try {
    status = await options.status(p.id, credential.credentialStatus);
  } catch (e) {
    return invalid('status-unavailable', e instanceof Error ? e.message : 'status lookup failed');
  }
  return status.revoked
    ? { status: 'revoked', reason: status.reason, ...(status.revokedAt ? { revokedAt: status.revokedAt } : {}), credential, kid }
    : { status: 'valid', credential, kid };
}
