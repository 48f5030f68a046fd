// Issuer keys (the KeyStore port is the domain's): each municipality signs with its own Ed25519 key; rotated keys stay published.
import { exportJWK, generateKeyPair } from 'jose';
import type { IssuerSigningKey, KeyStatus, KeyStore, PublicJwk, PublishedKey } from '../domain/certificates/ports.js';
import { NotFoundError } from '../domain/errors.js';

export type { IssuerSigningKey, KeyStatus, KeyStore, PublicJwk, PublishedKey };

/**
 * Key ids name their owner: `<ISO municipality code>#<label>` (e.g. `LV-042#2026-01`), so a verifier
 * can refuse a credential whose issuer is not the municipality that owns the signing key.
 */
export function issuerKid(municipality: string, label: string): string {
  if (!/^LV-(?:[0-9]{3}|[A-Z]{3})$/.test(municipality)) throw new RangeError(`not an ISO 3166-2:LV code: ${municipality}`);
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(label)) throw new RangeError(`key label must be 1–40 of A-Z a-z 0-9 . _ -: ${label}`);
  return `${municipality}#${label}`;
}

/** The municipality that owns a key id, or null when the kid is not one of ours. */
export function municipalityOfKid(kid: string): string | null {
  const m = /^(LV-(?:[0-9]{3}|[A-Z]{3}))#[A-Za-z0-9._-]{1,40}$/.exec(kid);
  return m ? m[1]! : null;
}

interface Entry {
  published: PublishedKey;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
}

/** In-memory KeyStore for tests, the bench and the local stack. */
export class InMemoryKeyStore implements KeyStore {
  private readonly entries: Entry[] = [];

  /** Generates a new Ed25519 key for the municipality, makes it active and retires the previous one. */
  async rotate(municipality: string, label: string, createdAt: string): Promise<PublishedKey> {
    const kid = issuerKid(municipality, label);
    if (this.entries.some((e) => e.published.kid === kid)) throw new RangeError(`key ${kid} exists`);
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(publicKey);
    for (const e of this.entries) if (e.published.municipality === municipality && e.published.status === 'active') e.published.status = 'retired';
    const published: PublishedKey = { kid, municipality, status: 'active', createdAt, jwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' } };
    this.entries.push({ published, privateKey });
    return { ...published };
  }

  /** Marks a key compromised: it neither signs nor verifies any more. */
  withdraw(kid: string): void {
    const entry = this.entries.find((e) => e.published.kid === kid);
    if (!entry) throw new NotFoundError('issuer key', kid);
    entry.published.status = 'withdrawn';
  }

  async signingKey(municipality: string): Promise<IssuerSigningKey> {
    const entry = this.entries.find((e) => e.published.municipality === municipality && e.published.status === 'active');
    if (!entry) throw new NotFoundError('issuer key of municipality', municipality);
    return { kid: entry.published.kid, municipality, privateKey: entry.privateKey };
  }

  async publicKeys(): Promise<PublishedKey[]> {
    return this.entries.map((e) => ({ ...e.published, jwk: { ...e.published.jwk } }));
  }
}
