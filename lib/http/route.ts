// What a route is: the seam shared by the handlers, the CDK API, the local gateway and the OpenAPI document.
import type * as z from 'zod';
import type { Role } from '../domain/identity/types.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef {
  /** Stable operation id; also the Lambda's logical name. */
  readonly id: string;
  readonly method: Method;
  /** API Gateway syntax: /v1/municipalities/{code}. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** 'public' needs no token; otherwise the roles allowed (checked before any input is read). */
  readonly auth: 'public' | readonly Role[];
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Request headers the route reads, by lower-case name (e.g. idempotency-key); other headers pass untouched. */
  readonly headers?: z.ZodType;
  /** The 2xx body, for the OpenAPI document. */
  readonly response?: z.ZodType;
  readonly successStatus?: number;
  /** Non-JSON success content (e.g. text/html, text/csv). */
  readonly produces?: string;
  /** The problem statuses the route can answer besides 400/401/403/500 implied by its definition. */
  readonly problems?: readonly number[];
  /** Lambda entry point, relative to the project root; routes may share one. */
  readonly entry: string;
  /** Table access the handler needs: default `read` for GET and `readWrite` otherwise; `none` binds no table. */
  readonly table?: 'none' | 'read' | 'readWrite';
  /**
   * Other resources the handler reaches: the attachments bucket (read = HEAD/GET, readWrite adds PUT), mail (SES),
   * domain events (EventBridge) and the DejaVu fonts for PDFs (copied into the bundle).
   */
  readonly uses?: {
    readonly files?: 'read' | 'readWrite';
    /** Which objects of the bucket `files` reaches (default `applications`). */
    readonly filesPrefix?: 'applications' | 'certificates' | 'news' | 'consents';
    readonly mail?: true;
    readonly events?: true;
    readonly fonts?: true;
    /** Sends certificate batches to their queue (CERTIFICATE_QUEUE_URL). */
    readonly certificateQueue?: true;
    /** Signs or checks decision links with the links' HMAC key (LINK_KEY_PARAMETER). */
    readonly linkKey?: true;
    /** Exactly these Cognito admin actions on the user pool (USER_POOL_ID), e.g. `cognito-idp:AdminDisableUser`, `cognito-idp:ListUsersInGroup`. */
    readonly userPool?: readonly (`cognito-idp:Admin${string}` | 'cognito-idp:ListUsersInGroup')[];
    /** Signs people in with their password on a page, through the pages' app client (PAGES_CLIENT_ID; no IAM grant). */
    readonly signIn?: true;
  };
  /** A tighter limit than the stage's for this route in AWS (requests per second), e.g. public lookups by code. */
  readonly throttle?: { readonly rate: number; readonly burst: number };
  /** Optional per-function tuning. */
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
}

export function defineRoute<const R extends RouteDef>(route: R): R {
  return route;
}

/** The least table access that serves every route of one function (routes may share an entry). */
export function tableAccessOf(group: readonly RouteDef[]): 'none' | 'read' | 'readWrite' {
  const needs = group.map((r) => r.table ?? (r.method === 'GET' ? 'read' : 'readWrite'));
  if (needs.includes('readWrite')) return 'readWrite';
  return needs.includes('read') ? 'read' : 'none';
}

/** What the routes of one function use besides the table: the widest files access and whether any sends mail. */
export interface Uses {
  files?: 'read' | 'readWrite';
  filesPrefix: 'applications' | 'certificates' | 'news' | 'consents';
  mail: boolean;
  events: boolean;
  fonts: boolean;
  certificateQueue: boolean;
  linkKey: boolean;
  /** The Cognito admin actions the routes of one function need on the pool, sorted; empty for none. */
  userPool: string[];
  signIn: boolean;
}

export function usesOf(group: readonly RouteDef[]): Uses {
  const files = group.map((r) => r.uses?.files).filter((f) => f !== undefined);
  return {
    ...(files.length > 0 ? { files: files.includes('readWrite') ? 'readWrite' as const : 'read' as const } : {}),
    filesPrefix: group.find((r) => r.uses?.filesPrefix)?.uses?.filesPrefix ?? 'applications',
    certificateQueue: group.some((r) => r.uses?.certificateQueue === true),
    linkKey: group.some((r) => r.uses?.linkKey === true),
    mail: group.some((r) => r.uses?.mail === true),
    events: group.some((r) => r.uses?.events === true),
    fonts: group.some((r) => r.uses?.fonts === true),
    userPool: [...new Set(group.flatMap((r) => r.uses?.userPool ?? []))].sort(),
    signIn: group.some((r) => r.uses?.signIn === true),
  };
}

/** Converts /v1/a/{b} to a regular expression with named groups, for the local gateway. */
export function pathPattern(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([A-Za-z0-9_]+)\+?\\?\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}
