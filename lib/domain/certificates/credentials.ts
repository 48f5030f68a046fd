// The public documents around a credential, built from certificate data alone: the URLs credentials point at,
// the JWKS of the issuer keys and the municipality's revocation list. Signing and verifying are lib/credentials (jose).
import type { PublicJwk, PublishedKey } from './ports.js';

/** 1EdTech Revocation List status method (OB 3.0 §9.6): the list at `id` names revoked credential ids. */
export const REVOCATION_LIST_TYPE = '1EdTechRevocationList';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The issuer Profile id of a municipality: its public API resource. */
export function issuerProfileId(baseUrl: string, municipalityCode: string): string {
  return `${trimSlash(baseUrl)}/v1/municipalities/${municipalityCode}`;
}

/** The public verification URL of a certificate, also the credential's id and the QR code's target. */
export function verificationUrl(baseUrl: string, code: string): string {
  return `${trimSlash(baseUrl)}/v1/certificates/${code}`;
}

/** The municipality's revocation list (1EdTechRevocationList) URL. */
export function revocationListUrl(baseUrl: string, municipalityCode: string): string {
  return `${issuerProfileId(baseUrl, municipalityCode)}/credential-revocations`;
}

/** Hours as a decimal string with at most two decimals ("62.5", "60", "59.75"). */
export function decimalHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The JSON Web Key Set served at /.well-known/jwks.json. */
export interface Jwks {
  keys: (PublicJwk & { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: 'EdDSA'; use: 'sig' })[];
}

/**
 * Publishes active and retired keys (old credentials keep verifying after a rotation) and leaves out
 * withdrawn ones. Only the public members are copied, so a private `d` can never leak even if a store
 * hands one over. Sorted by kid so the document is stable for caching (ETag).
 */
export function buildJwks(keys: readonly PublishedKey[]): Jwks {
  const published = keys
    .filter((k) => k.status !== 'withdrawn')
    .map((k): Jwks['keys'][number] => {
      if (k.jwk.kty !== 'OKP' || k.jwk.crv !== 'Ed25519' || typeof k.jwk.x !== 'string') {
        throw new RangeError(`issuer key ${k.kid} is not an Ed25519 public key`);
      }
      return { kty: 'OKP', crv: 'Ed25519', x: k.jwk.x, kid: k.kid, alg: 'EdDSA', use: 'sig' };
    })
    .sort((a, b) => (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0));
  return { keys: published };
}

/**
 * Served at `credentialStatus.id` (`<base>/v1/municipalities/<code>/credential-revocations`). The member
 * names follow the OB 3.0 "1EdTech Revocation List Status Method" as we read it (revokedCredentials with
 * id and revocationReason); confirm against the 1EdTech conformance suite before certification.
 */
export interface RevocationList {
  id: string;
  issuer: string;
  revokedCredentials: { id: string; revocationReason: string; revokedAt: string }[];
}

export interface Revocation {
  credentialId: string;
  reason: string;
  revokedAt: string;
}

/** Builds the list document; sorted by credential id so the document is stable (ETag-able). */
export function buildRevocationList(listId: string, issuerId: string, revocations: readonly Revocation[]): RevocationList {
  return {
    id: listId,
    issuer: issuerId,
    revokedCredentials: [...revocations]
      .sort((a, b) => (a.credentialId < b.credentialId ? -1 : a.credentialId > b.credentialId ? 1 : 0))
      .map((r) => ({ id: r.credentialId, revocationReason: r.reason, revokedAt: r.revokedAt })),
  };
}
