// Claims → User: reads the JWT claims the HTTP API authorizer (or the local gateway) verified.
import { ROLES, userSchema, type Role, type User } from '../domain/identity/types.js';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/** API Gateway renders array claims as "[a b]"; a verified token (locally) keeps them as arrays. */
function groupsOf(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    const inner = trimmed.slice(1, -1).trim();
    if (inner.startsWith('"')) {
      try { return JSON.parse(trimmed) as string[]; } catch { return []; }
    }
    return inner.split(/[\s,]+/).filter(Boolean);
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

/** Precedence when a user sits in several groups: the narrowest role wins (least privilege). */
const PRECEDENCE: readonly Role[] = ['youth', 'supervisor', 'coordinator', 'agency'];

export function userFromClaims(claims: Claims | undefined): User | undefined {
  if (!claims || typeof claims.sub !== 'string') return undefined;
  const groups = groupsOf(claims['cognito:groups']);
  const role = PRECEDENCE.find((r) => groups.includes(r));
  if (!role || !ROLES.includes(role)) return undefined;
  const str = (v: Claims[string]) => (typeof v === 'string' && v.length > 0 ? v : null);
  const parsed = userSchema.safeParse({
    sub: claims.sub,
    role,
    municipality: str(claims['custom:municipality']),
    institution: str(claims['custom:institution']),
    email: str(claims.email),
    name: str(claims.name),
  });
  return parsed.success ? parsed.data : undefined;
}
