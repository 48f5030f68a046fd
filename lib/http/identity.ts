// Claims → User: reads the JWT claims the HTTP API authorizer (or the local gateway) verified, refusing incomplete identities.
import { UnauthenticatedError } from '../domain/errors.js';
import { identityGap, identityRefused, MFA_CLAIM, requiresMfa, ROLES, type Role, type User } from '../domain/identity/types.js';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

const isRole = (name: unknown): name is Role => typeof name === 'string' && (ROLES as readonly string[]).includes(name);

/**
 * `cognito:groups` as it arrives: an array (a token verified locally), a JSON-array string, API Gateway's
 * "[a b]" rendering of an array, or one space-separated string. Cognito group names cannot hold whitespace
 * but can hold commas, so nothing is ever split on commas; only the four role names count, others are ignored.
 */
function rolesOf(value: Claims[string]): Role[] {
  let names: unknown[] = [];
  if (Array.isArray(value)) names = value;
  else if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      const inner = trimmed.slice(1, -1).trim();
      if (inner.startsWith('"')) {
        try {
          const parsed: unknown = JSON.parse(trimmed);
          names = Array.isArray(parsed) ? parsed : [];
        } catch {
          names = [];
        }
      } else names = inner.split(/\s+/);
    } else names = trimmed.split(/\s+/);
  }
  return names.filter(isRole);
}

/** Precedence when a user sits in several groups: the narrowest role wins (least privilege). */
const PRECEDENCE: readonly Role[] = ['youth', 'supervisor', 'coordinator', 'agency'];

/**
 * The caller, from the claims of a verified token. 401 unless it is a Cognito ID token (`token_use: "id"`)
 * with a subject: access tokens pass the HTTP API's JWT authorizer too (their client_id matches the
 * audience) but carry none of the custom attributes. 403 with an `identity.*` rule when the identity lacks
 * a role, a known municipality (everyone but the agency) or an institution (a supervisor), and 403
 * `identity.mfa-required` for a coordinator or agency token whose `mfa_enabled` claim (added by the
 * pre-token-generation trigger) is not "true" — on every route: TOTP is set up with Cognito's own API
 * (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference with the access token), not ours.
 */
export function userFromClaims(claims: Claims | undefined): User {
  if (!claims || typeof claims.sub !== 'string' || claims.sub.length === 0) {
    throw new UnauthenticatedError('a valid bearer token is required');
  }
  if (claims.token_use !== 'id') throw new UnauthenticatedError('only Cognito ID tokens are accepted (token_use "id")');
  const roles = rolesOf(claims['cognito:groups']);
  const role = PRECEDENCE.find((r) => roles.includes(r));
  if (!role) throw identityRefused('role');
  const str = (v: Claims[string]) => (typeof v === 'string' && v.length > 0 ? v : null);
  const user: User = {
    sub: claims.sub,
    role,
    municipality: str(claims['custom:municipality']),
    institution: str(claims['custom:institution']),
    email: str(claims.email),
    name: str(claims.name),
  };
  const gap = identityGap(user);
  if (gap) throw identityRefused(gap);
  const mfa = claims[MFA_CLAIM];
  if (requiresMfa(role) && mfa !== 'true' && mfa !== true) throw identityRefused('mfa');
  return user;
}
