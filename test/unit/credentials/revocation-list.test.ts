import { describe, expect, it } from 'vitest';
import { buildJwks } from '../../../lib/credentials/jwks.js';
import { InMemoryKeyStore } from '../../../lib/credentials/key-store.js';
import { buildOpenBadgeCredential, issuerProfileId, revocationListUrl, verificationUrl } from '../../../lib/credentials/open-badge.js';
import { buildRevocationList, revocationListLookup, type RevocationList } from '../../../lib/credentials/revocation-list.js';
import { signCredential, verifyCredential } from '../../../lib/credentials/vc-jwt.js';

const BASE = 'https://api.jaunatne.test';
const LIST = revocationListUrl(BASE, 'LV-042');
const ISSUER = issuerProfileId(BASE, 'LV-042');

describe('the revocation list', () => {
  it('lists revoked credentials with reason and date, sorted by id', () => {
    const list = buildRevocationList(LIST, ISSUER, [
      { credentialId: verificationUrl(BASE, 'LV042-2025-ZZZZ-ZZZ1'), reason: 'Stundas atsauktas', revokedAt: '2026-02-01T10:00:00Z' },
      { credentialId: verificationUrl(BASE, 'LV042-2025-AAAA-AAA1'), reason: 'Kļūda datos', revokedAt: '2026-02-02T10:00:00Z' },
    ]);
    expect(list).toEqual({
      id: LIST,
      issuer: ISSUER,
      revokedCredentials: [
        { id: verificationUrl(BASE, 'LV042-2025-AAAA-AAA1'), revocationReason: 'Kļūda datos', revokedAt: '2026-02-02T10:00:00Z' },
        { id: verificationUrl(BASE, 'LV042-2025-ZZZZ-ZZZ1'), revocationReason: 'Stundas atsauktas', revokedAt: '2026-02-01T10:00:00Z' },
      ],
    });
  });

  it('makes the verifier report revoked for a listed credential and valid for the others', async () => {
    const store = new InMemoryKeyStore();
    await store.rotate('LV-042', '2025-01', '2025-01-01T00:00:00Z');
    const key = await store.signingKey('LV-042');
    const input = (code: string) => ({
      baseUrl: BASE,
      code,
      language: 'lv' as const,
      municipality: { code: 'LV-042', name: { lv: 'Jēkabpils novads', en: 'Jēkabpils Municipality' } },
      issuerName: { lv: 'Jēkabpils novada pašvaldība', en: 'Jēkabpils Municipality' },
      programme: { id: 'p', name: { lv: 'Programma', en: 'Programme' } },
      year: 2025,
      holder: { name: 'Ģirts Ķēniņš-Šņore', volunteerId: 'v1' },
      holderSalt: 's',
      totalMinutes: 3600,
      thresholdMinutes: 3600,
      tier: null,
      issuedAt: '2026-01-15T08:00:00Z',
    });
    const revokedJwt = await signCredential(buildOpenBadgeCredential(input('LV042-2025-AAAA-AAA1')), key);
    const keptJwt = await signCredential(buildOpenBadgeCredential(input('LV042-2025-BBBB-BBB1')), key);
    const lists: Record<string, RevocationList> = {
      [LIST]: buildRevocationList(LIST, ISSUER, [{ credentialId: verificationUrl(BASE, 'LV042-2025-AAAA-AAA1'), reason: 'Stundas atsauktas', revokedAt: '2026-02-01T10:00:00Z' }]),
    };
    const options = { jwks: buildJwks(await store.publicKeys()), baseUrl: BASE, now: new Date('2026-03-01T00:00:00Z'), status: revocationListLookup(async (url) => lists[url]!) };
    expect(await verifyCredential(revokedJwt, options)).toMatchObject({ status: 'revoked', reason: 'Stundas atsauktas', revokedAt: '2026-02-01T10:00:00Z' });
    expect(await verifyCredential(keptJwt, options)).toMatchObject({ status: 'valid' });
  });

  it.each([
    ['an unknown status type', { id: LIST, type: 'BitstringStatusListEntry' }, /unsupported status type/],
    ['a list served under another id', { id: LIST, type: '1EdTechRevocationList' }, /is not/],
  ])('refuses %s', async (_label, status, message) => {
    const lookup = revocationListLookup(async () => buildRevocationList(`${LIST}-other`, ISSUER, []));
    await expect(lookup('x', status as never)).rejects.toThrow(message);
  });
});
