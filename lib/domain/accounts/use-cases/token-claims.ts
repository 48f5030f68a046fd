// The claims the pre-token-generation trigger adds to a Cognito ID token: whether a staff account has TOTP turned on.
import { MFA_CLAIM, requiresMfa, ROLES, type Role } from '../../identity/types.js';
import type { MfaDirectory } from '../ports.js';

/**
 * 1. when the user's groups are known and none of them needs MFA (youth, supervisor), nothing is added and the
 *    directory is not asked (one admin call fewer per young person's sign-in)
 * 2. otherwise (a staff group, or groups not given, as cognito-local sends them) the directory says whether TOTP is
 *    on, and the claim says "true" or "false". A failed lookup throws: Cognito then refuses the sign-in rather than
 *    issue a token without the fact, and the boundary refuses a staff token without the claim anyway.
 */
export async function tokenClaims(deps: { mfa: MfaDirectory }, user: { username: string; groups: readonly string[] | undefined }): Promise<Record<string, string>> {
  if (user.groups !== undefined) {
    const roles = user.groups.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
    if (!roles.some(requiresMfa)) return {};
  }
  return { [MFA_CLAIM]: String(await deps.mfa.totpEnabled(user.username)) };
}
