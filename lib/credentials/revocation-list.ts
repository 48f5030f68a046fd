// A StatusLookup reading the municipality's revocation list (the document itself is built in the domain).
export { buildRevocationList, type Revocation, type RevocationList } from '../domain/certificates/credentials.js';
import { REVOCATION_LIST_TYPE, type RevocationList } from '../domain/certificates/credentials.js';
import type { OpenBadgeCredential } from './open-badge.js';
import type { StatusLookup } from './vc-jwt.js';

/**
 * A StatusLookup over fetched revocation lists: `fetchList(url)` returns the list at a credentialStatus id.
 * A status entry of another type, or a list that is not the one the credential points to, is an error
 * (the verifier reports status-unavailable rather than guessing "valid").
 */
export function revocationListLookup(fetchList: (url: string) => Promise<RevocationList>): StatusLookup {
  return async (credentialId: string, status: OpenBadgeCredential['credentialStatus']) => {
    if (status.type !== REVOCATION_LIST_TYPE) throw new Error(`unsupported status type ${status.type}`);
    const list = await fetchList(status.id);
    if (list.id !== status.id) throw new Error(`revocation list ${list.id} is not ${status.id}`);
    const hit = list.revokedCredentials.find((r) => r.id === credentialId);
    return hit ? { revoked: true, reason: hit.revocationReason, revokedAt: hit.revokedAt } : { revoked: false };
  };
}
