import { base64url, CompactSign, decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildJwks } from '../../../lib/credentials/jwks.js';
import { InMemoryKeyStore, issuerKid, municipalityOfKid } from '../../../lib/credentials/key-store.js';
import {
  buildOpenBadgeCredential,
  decimalHours,
  hashIdentity,
  OB_CONTEXT,
  type CertificateCredentialInput,
} from '../../../lib/credentials/open-badge.js';
import { signCredential, verifyCredential, type CredentialStatusResult, type StatusLookup } from '../../../lib/credentials/vc-jwt.js';
import { NotFoundError } from '../../../lib/domain/errors.js';

const BASE = 'https://api.jaunatne.test';
const aCertificate = (over: Partial<CertificateCredentialInput> = {}): CertificateCredentialInput => ({
  baseUrl: BASE,
  code: 'LV042-2025-7K3Q-M9XD',
  language: 'lv',
  municipality: { code: 'LV-042', name: { lv: 'Jēkabpils novads', en: 'Jēkabpils Municipality' } },
  issuerName: { lv: 'Jēkabpils novada pašvaldība', en: 'Jēkabpils Municipality' },
  programme: { id: 'brivpratigie-2025', name: { lv: 'Jauniešu brīvprātīgais darbs', en: 'Youth volunteering' } },
  year: 2025,
  holder: { name: 'Ģirts Ķēniņš-Šņore', volunteerId: 'vol-0001' },
  holderSalt: 'c2FsdC0x',
  totalMinutes: 62 * 60 + 30,
  thresholdMinutes: 60 * 60,
  tier: null,
  issuedAt: '2026-01-15T08:00:00.000Z',
  ...over,
});

/** Status store double: revoked credential ids with their reasons. */
function statusOf(revoked: Record<string, string> = {}): StatusLookup {
  return async (id) => (id in revoked ? { revoked: true, reason: revoked[id]! } : { revoked: false });
}

const NOW = new Date('2026-02-01T12:00:00Z');

describe('the OpenBadgeCredential', () => {
  it('has the OB 3.0 shape: contexts, types, issuer Profile, validFrom, subject with achievement and status', () => {
    const vc = buildOpenBadgeCredential(aCertificate());
    expect(vc).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `${BASE}/v1/certificates/LV042-2025-7K3Q-M9XD`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `${BASE}/v1/municipalities/LV-042`, type: ['Profile'], name: 'Jēkabpils novada pašvaldība' },
      validFrom: '2026-01-15T08:00:00Z',
      name: 'Apliecinājums par veikto brīvprātīgo darbu 2025',
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: `${BASE}/v1/municipalities/LV-042/programmes/brivpratigie-2025/achievements/2025`,
          type: ['Achievement'],
          name: 'Brīvprātīgais darbs 2025',
          criteria: { narrative: expect.stringContaining('Vismaz 60 h apstiprināta brīvprātīgā darba 2025. kalendārajā gadā') },
        },
        result: [{ type: ['Result'], value: '62.5' }],
      },
      credentialStatus: { id: `${BASE}/v1/municipalities/LV-042/credential-revocations`, type: '1EdTechRevocationList' },
    });
    expect(vc.credentialSubject.result[0]!.resultDescription).toBe(vc.credentialSubject.achievement.resultDescription[0]!.id);
  });

  it('names the holder in clear and hides the volunteer id behind a salted hash', () => {
    const vc = buildOpenBadgeCredential(aCertificate());
    expect(vc.credentialSubject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Ģirts Ķēniņš-Šņore' },
      { type: 'IdentityObject', identityType: 'systemId', hashed: true, identityHash: hashIdentity('vol-0001', 'c2FsdC0x'), salt: 'c2FsdC0x' },
    ]);
    expect(JSON.stringify(vc)).not.toContain('vol-0001');
  });

  it('speaks English on request and names the tier in the achievement', () => {
    const vc = buildOpenBadgeCredential(aCertificate({ language: 'en', tier: { id: 'gold', name: { lv: 'Zelts', en: 'Gold' } } }));
    expect(vc.name).toBe('Certificate of volunteer work 2025');
    expect(vc.credentialSubject.achievement).toMatchObject({ name: 'Volunteer work 2025 — Gold', inLanguage: 'en' });
    expect(vc.credentialSubject.achievement.id.endsWith('/achievements/2025/gold')).toBe(true);
    expect(vc.credentialSubject.achievement.criteria.narrative).toContain('Level reached: Gold.');
  });

  it.each([
    [3750, '62.5'],
    [3600, '60'],
    [3585, '59.75'],
    [100, '1.67'],
  ])('writes %i minutes as %s hours', (minutes, hours) => {
    expect(decimalHours(minutes)).toBe(hours);
  });
});

describe('issuer keys and the JWKS', () => {
  let store: InMemoryKeyStore;
  beforeEach(async () => {
    store = new InMemoryKeyStore();
    await store.rotate('LV-042', '2025-01', '2025-01-01T00:00:00Z');
    await store.rotate('LV-RIX', '2025-01', '2025-01-01T00:00:00Z');
  });

  it('names key ids after their municipality', () => {
    expect(issuerKid('LV-042', '2026-01')).toBe('LV-042#2026-01');
    expect(municipalityOfKid('LV-042#2026-01')).toBe('LV-042');
    expect(municipalityOfKid('some-other-kid')).toBeNull();
    expect(() => issuerKid('LV42', 'x')).toThrow(RangeError);
  });

  it('publishes only public Ed25519 members of every municipality’s keys, sorted by kid', async () => {
    const jwks = buildJwks(await store.publicKeys());
    expect(jwks.keys.map((k) => k.kid)).toEqual(['LV-042#2025-01', 'LV-RIX#2025-01']);
    for (const k of jwks.keys) {
      expect(Object.keys(k).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    }
  });

  it('never publishes a private member even if a store hands one over', async () => {
    const [key] = await store.publicKeys();
    const jwks = buildJwks([{ ...key!, jwk: { ...key!.jwk, d: 'c2VjcmV0' } }]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it('keeps a rotated key published as retired and signs with the new one', async () => {
    await store.rotate('LV-042', '2026-01', '2026-01-01T00:00:00Z');
    const keys = await store.publicKeys();
    expect(keys.filter((k) => k.municipality === 'LV-042').map((k) => [k.kid, k.status])).toEqual([
      ['LV-042#2025-01', 'retired'],
      ['LV-042#2026-01', 'active'],
    ]);
    expect((await store.signingKey('LV-042')).kid).toBe('LV-042#2026-01');
    expect(buildJwks(keys).keys.map((k) => k.kid)).toContain('LV-042#2025-01');
  });

  it('has no signing key for a municipality without one', async () => {
    await expect(store.signingKey('LV-113')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('signing and verifying a VC-JWT', () => {
  let store: InMemoryKeyStore;
  let signed: string;
  beforeEach(async () => {
    store = new InMemoryKeyStore();
    await store.rotate('LV-042', '2025-01', '2025-01-01T00:00:00Z');
    await store.rotate('LV-RIX', '2025-01', '2025-01-01T00:00:00Z');
    signed = await signCredential(buildOpenBadgeCredential(aCertificate()), await store.signingKey('LV-042'));
  });
  const verify = async (jwt: string, over: Partial<Parameters<typeof verifyCredential>[1]> = {}) =>
    verifyCredential(jwt, { jwks: buildJwks(await store.publicKeys()), baseUrl: BASE, now: NOW, status: statusOf(), ...over });

  it('carries the credential as the payload with a JOSE header of alg EdDSA, kid and typ JWT only', () => {
    // Open Badges 3.0 (1EdTech), §8.2.3 "Create the JOSE Header": "The JOSE Header is a JSON object with the following
    // properties (also called JOSE Headers). Additional JOSE Headers are NOT allowed." and, for `typ`: "If present,
    // MUST be set to "JWT"." (alg: "MUST be "RS256" as a minimum … Support for other algorithms is permitted".)
    expect(decodeProtectedHeader(signed)).toEqual({ alg: 'EdDSA', kid: 'LV-042#2025-01', typ: 'JWT' });
    const payload = decodeJwt(signed);
    expect(payload).toMatchObject({
      '@context': [...OB_CONTEXT],
      iss: `${BASE}/v1/municipalities/LV-042`,
      jti: `${BASE}/v1/certificates/LV042-2025-7K3Q-M9XD`,
      nbf: Date.parse('2026-01-15T08:00:00Z') / 1000,
    });
    expect(payload).not.toHaveProperty('vc');
  });

  it('verifies with the published JWKS and returns the credential', async () => {
    const result = await verify(signed);
    expect(result).toMatchObject({ status: 'valid', kid: 'LV-042#2025-01' });
    if (result.status === 'valid') expect(result.credential).toEqual(buildOpenBadgeCredential(aCertificate()));
  });

  it('still verifies a credential signed with a key that has since been rotated', async () => {
    await store.rotate('LV-042', '2026-01', '2026-01-20T00:00:00Z');
    expect(await verify(signed)).toMatchObject({ status: 'valid', kid: 'LV-042#2025-01' });
  });

  it('fails once the signing key is withdrawn as compromised', async () => {
    store.withdraw('LV-042#2025-01');
    expect(await verify(signed)).toMatchObject({ status: 'invalid', reason: 'unknown-key' });
  });

  it('reports a revoked credential with the reason', async () => {
    const result = await verify(signed, { status: statusOf({ [`${BASE}/v1/certificates/LV042-2025-7K3Q-M9XD`]: 'Stundas atsauktas' }) });
    expect(result).toMatchObject({ status: 'revoked', reason: 'Stundas atsauktas' });
  });

  it('passes the credential id and its status entry to the lookup', async () => {
    const seen: unknown[] = [];
    await verify(signed, { status: async (id, status): Promise<CredentialStatusResult> => (seen.push([id, status]), { revoked: false }) });
    expect(seen).toEqual([[`${BASE}/v1/certificates/LV042-2025-7K3Q-M9XD`, { id: `${BASE}/v1/municipalities/LV-042/credential-revocations`, type: '1EdTechRevocationList' }]]);
  });

  it('reports status-unavailable rather than valid when the status cannot be read', async () => {
    const result = await verify(signed, { status: async () => { throw new Error('store down'); } });
    expect(result).toMatchObject({ status: 'invalid', reason: 'status-unavailable' });
  });

  const tamper = (jwt: string, change: (payload: Record<string, unknown>) => void) => {
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p)));
    change(payload);
    return `${h}.${base64url.encode(JSON.stringify(payload))}.${s}`;
  };

  it.each([
    ['more hours', (p: any) => (p.credentialSubject.result[0].value = '162.5')],
    ['another holder', (p: any) => (p.credentialSubject.identifier[0].identityHash = 'Jānis Bērziņš')],
    ['an earlier validFrom', (p: any) => (p.validFrom = '2025-01-01T00:00:00Z')],
    ['no status', (p: any) => delete p.credentialStatus],
  ])('rejects a tampered payload with %s', async (_label, change) => {
    expect(await verify(tamper(signed, change))).toMatchObject({ status: 'invalid', reason: 'signature' });
  });

  it('rejects a tampered signature byte', async () => {
    const [h, p, s] = signed.split('.') as [string, string, string];
    const sig = base64url.decode(s);
    sig[0] = sig[0]! ^ 0x01;
    expect(await verify(`${h}.${p}.${base64url.encode(sig)}`)).toMatchObject({ status: 'invalid', reason: 'signature' });
  });

  it('rejects a credential signed with another key under the right kid', async () => {
    const forger = new InMemoryKeyStore();
    await forger.rotate('LV-042', '2025-01', '2025-01-01T00:00:00Z');
    const forged = await signCredential(buildOpenBadgeCredential(aCertificate()), await forger.signingKey('LV-042'));
    expect(await verify(forged)).toMatchObject({ status: 'invalid', reason: 'signature' });
  });

  it('rejects a kid that is not published', async () => {
    const other = new InMemoryKeyStore();
    await other.rotate('LV-042', '2099-01', '2025-01-01T00:00:00Z');
    const jwt = await signCredential(buildOpenBadgeCredential(aCertificate()), await other.signingKey('LV-042'));
    expect(await verify(jwt)).toMatchObject({ status: 'invalid', reason: 'unknown-key' });
  });

  it('rejects Rīga’s key vouching for a Jēkabpils certificate', async () => {
    const riga = await store.signingKey('LV-RIX');
    const jwt = await signCredential(buildOpenBadgeCredential(aCertificate()), { ...riga, municipality: 'LV-RIX' });
    expect(await verify(jwt)).toMatchObject({ status: 'invalid', reason: 'issuer-mismatch' });
    await expect(signCredential(buildOpenBadgeCredential(aCertificate()), { ...riga, municipality: 'LV-042' })).rejects.toThrow(RangeError);
  });

  it.each([
    ['jti', { jti: 'urn:other' }],
    ['iss', { iss: `${BASE}/v1/municipalities/LV-RIX` }],
    ['nbf', { nbf: 0 }],
  ])('rejects a correctly signed token whose %s claim contradicts the credential', async (_claim, claims) => {
    const key = await store.signingKey('LV-042');
    const vc = buildOpenBadgeCredential(aCertificate());
    const payload = { ...vc, iss: vc.issuer.id, jti: vc.id, nbf: Date.parse(vc.validFrom) / 1000, ...claims };
    const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt' })
      .sign(key.privateKey);
    expect(await verify(jwt)).toMatchObject({ status: 'invalid', reason: 'claims-mismatch' });
  });

  const signWithHeader = async (header: Record<string, unknown>) => {
    const key = await store.signingKey('LV-042');
    const vc = buildOpenBadgeCredential(aCertificate());
    const payload = { ...vc, iss: vc.issuer.id, jti: vc.id, nbf: Date.parse(vc.validFrom) / 1000 };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, ...header }).sign(key.privateKey);
  };

  it.each([
    ['the legacy vc+jwt header of certificates issued before (typ vc+jwt, cty vc)', { typ: 'vc+jwt', cty: 'vc' }],
    ['no typ (optional in §8.2.3)', {}],
  ])('still verifies a credential with %s', async (_label, header) => {
    expect(await verify(await signWithHeader(header))).toMatchObject({ status: 'valid', kid: 'LV-042#2025-01' });
  });

  it('reports a typ other than JWT as malformed', async () => {
    expect(await verify(await signWithHeader({ typ: 'at+jwt' }))).toMatchObject({ status: 'invalid', reason: 'malformed' });
  });

  it.each([
    ['not a JWT at all', 'hello'],
    ['an unsigned token', 'eyJhbGciOiJub25lIn0.eyJmb28iOjF9.'],
  ])('reports %s as malformed', async (_label, jwt) => {
    expect(await verify(jwt)).toMatchObject({ status: 'invalid', reason: 'malformed' });
  });

  it('is not valid before its validFrom', async () => {
    expect(await verify(signed, { now: new Date('2026-01-15T07:59:59Z') })).toMatchObject({ status: 'invalid', reason: 'not-yet-valid' });
    expect(await verify(signed, { now: new Date('2026-01-15T08:00:00Z') })).toMatchObject({ status: 'valid' });
  });

  it('expires after a validUntil when the credential has one', async () => {
    const vc = { ...buildOpenBadgeCredential(aCertificate()), validUntil: '2026-12-31T21:59:59Z' };
    const jwt = await signCredential(vc, await store.signingKey('LV-042'));
    expect(await verify(jwt, { now: new Date('2026-12-31T21:59:59Z') })).toMatchObject({ status: 'valid' });
    expect(await verify(jwt, { now: new Date('2026-12-31T22:00:00Z') })).toMatchObject({ status: 'invalid', reason: 'expired' });
  });

  it.each([
    [{ name: 'Ģirts Ķēniņš-Šņore' }, 'valid'],
    [{ name: 'Ģirts Ķēniņš-Šņore'.normalize('NFD') }, 'valid'],
    [{ volunteerId: 'vol-0001' }, 'valid'],
    [{ name: 'Ģirts Ķēniņš-Šņore', volunteerId: 'vol-0001' }, 'valid'],
    [{ name: 'Girts Kenins-Snore' }, 'invalid'],
    [{ volunteerId: 'vol-0002' }, 'invalid'],
  ])('checks the holder %j → %s', async (expectedHolder, status) => {
    const result = await verify(signed, { expectedHolder });
    expect(result.status).toBe(status);
    if (result.status === 'invalid') expect(result.reason).toBe('subject-mismatch');
  });
});
