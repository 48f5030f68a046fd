// The JSON Web Key Set served at /.well-known/jwks.json: public issuer keys of every municipality.
import type { JSONWebKeySet, JWK } from 'jose';
import type { PublishedKey } from './key-store.js';

/**
 * Publishes active and retired keys (old credentials keep verifying after a rotation) and leaves out
 * withdrawn ones. Only the public members are copied, so a private `d` can never leak even if a store
 * hands one over. Sorted by kid so the document is stable for caching (ETag).
 */
export function buildJwks(keys: readonly PublishedKey[]): JSONWebKeySet {
  const published = keys
    .filter((k) => k.status !== 'withdrawn')
    .map((k): JWK => {
      if (k.jwk.kty !== 'OKP' || k.jwk.crv !== 'Ed25519' || typeof k.jwk.x !== 'string') {
        throw new RangeError(`issuer key ${k.kid} is not an Ed25519 public key`);
      }
      return { kty: 'OKP', crv: 'Ed25519', x: k.jwk.x, kid: k.kid, alg: 'EdDSA', use: 'sig' };
    })
    .sort((a, b) => (a.kid! < b.kid! ? -1 : a.kid! > b.kid! ? 1 : 0));
  return { keys: published };
}
