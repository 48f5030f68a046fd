// The municipality's revocation list (credentialStatus type 1EdTechRevocationList) and a StatusLookup reading it.
import type { OpenBadgeCredential } from './open-badge.js';
import { REVOCATION_LIST_TYPE } from './open-badge.js';
import type { StatusLookup } from './vc-jwt.js';

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
