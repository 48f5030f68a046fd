// The middy stack every HTTP handler shares: correlation id, logging, auth, JSON parsing, zod validation, errors.
import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { ForbiddenError, ValidationError, type FieldIssue } from '../domain/errors.js';
import type { User } from '../domain/identity/types.js';
import { errorResponse } from './error-map.js';
import { userFromClaims } from './identity.js';
import { pickLanguage, type Lang } from './language.js';
import { logger } from './logger.js';
import type { RouteDef } from './route.js';
import { fieldIssues } from './zod-issues.js';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HttpRequest<R extends RouteDef> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  /** The headers the route declared, validated; `headers` below has them all, raw. */
  header: Out<R['headers']>;
  user: R['auth'] extends 'public' ? User | null : User;
  lang: Lang;
  correlationId: string;
  headers: Record<string, string | undefined>;
}

/** A non-default response: another status, content type or extra headers. Plain return values are 200 JSON. */
export class HttpResponse {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    readonly isBase64Encoded = false,
  ) {}
}

interface State {
  correlationId: string;
  lang: Lang;
  user: User | null;
  params?: unknown;
  query?: unknown;
  body?: unknown;
  header?: unknown;
}

type Request = middy.Request<HttpEvent, HttpResult, Error, Context>;
/** Per-invocation state, keyed by the event object the middlewares and the handler share. */
const states = new WeakMap<HttpEvent, State>();
const state = (request: Request): State => {
  let s = states.get(request.event);
  if (!s) {
    s = { correlationId: request.context?.awsRequestId ?? 'unknown', lang: 'lv', user: null };
    states.set(request.event, s);
  }
  return s;
};

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's x-correlation-id when it is sane, else API Gateway's request id. */
function correlation(): MiddlewareObj<HttpEvent, HttpResult> {
  const addHeader = (request: Request) => {
    if (request.response) {
      request.response.headers = { ...request.response.headers, 'x-correlation-id': state(request).correlationId };
    }
  };
  return {
    before: (request) => {
      const r = request as Request;
      const given = r.event.headers?.['x-correlation-id'];
      const correlationId = given && CORRELATION_ID.test(given) ? given : r.event.requestContext?.requestId ?? crypto.randomUUID();
      Object.assign(state(r), { correlationId, lang: pickLanguage(r.event.headers?.['accept-language']), user: null });
      logger.appendKeys({ correlationId, route: r.event.routeKey });
    },
    after: (request) => addHeader(request as Request),
    onError: (request) => addHeader(request as Request),
  };
}

/** Every thrown error becomes problem+json; unknown ones are logged with their stack and answered with 500. */
function problems(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      const r = request as Request;
      const { correlationId = 'unknown', lang = 'lv' } = state(r);
      const response = errorResponse(r.error, lang, correlationId);
      if (response.statusCode >= 500) logger.error('unhandled error', r.error as Error);
      else logger.info('request refused', { status: response.statusCode, error: (r.error as Error)?.message });
      r.response = response;
    },
  };
}

/**
 * Identity and role guard, before any handler: an ID token of a complete identity (401/403 otherwise, see
 * userFromClaims) whose role may call the route. Municipality checks belong to the use case, which knows the
 * resource. Public routes take the identity when there is a complete one and never refuse.
 */
function authorize(route: RouteDef): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const r = request as Request;
      const claims = r.event.requestContext?.authorizer?.jwt?.claims;
      if (route.auth === 'public') {
        // Most public calls carry no token: skip building (and throwing) an error for them.
        if (!claims) {
          state(r).user = null;
          return;
        }
        try {
          state(r).user = userFromClaims(claims);
        } catch {
          state(r).user = null;
        }
        return;
      }
      const user = userFromClaims(claims);
      state(r).user = user;
      if (!route.auth.includes(user.role)) {
        throw new ForbiddenError(`the ${user.role} role cannot use ${route.method} ${route.path}`);
      }
      logger.appendKeys({ sub: user.sub, role: user.role });
    },
  };
}

/** Parses the JSON body and validates path, query and body against the route's schemas, reporting every issue. */
function validate(route: RouteDef): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const r = request as Request;
      const s = state(r);
      const issues: FieldIssue[] = [];
      const check = (part: 'params' | 'query' | 'body' | 'header', schema: z.ZodType | undefined, value: unknown) => {
        if (!schema) return;
        const parsed = schema.safeParse(value);
        if (parsed.success) s[part] = parsed.data;
        else issues.push(...fieldIssues(part === 'params' ? 'path' : part, parsed.error, s.lang));
      };
      check('header', route.headers, r.event.headers ?? {});
      check('params', route.params, r.event.pathParameters ?? {});
      check('query', route.query, r.event.queryStringParameters ?? {});
      if (route.body) {
        const body = parseJsonBody(r.event, s.lang);
        if ('issue' in body) issues.push(body.issue);
        else check('body', route.body, body.value);
      }
      if (issues.length > 0) throw new ValidationError(issues);
    },
  };
}

function parseJsonBody(event: HttpEvent, lang: Lang): { value: unknown } | { issue: FieldIssue } {
  const type = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return { issue: { field: 'body', rule: 'content-type', message: lang === 'lv' ? 'Saturam jābūt application/json' : 'The body must be application/json' } };
  }
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  try {
    return { value: JSON.parse(raw) };
  } catch {
    return { issue: { field: 'body', rule: 'json', message: lang === 'lv' ? 'Saturs nav derīgs JSON' : 'The body is not valid JSON' } };
  }
}

function toResult(route: RouteDef, value: unknown, lang: Lang): HttpResult {
  const base = { 'content-language': lang, 'cache-control': route.auth === 'public' ? 'public, max-age=60' : 'no-store' };
  if (value instanceof HttpResponse) {
    const isText = typeof value.body === 'string';
    return {
      statusCode: value.statusCode,
      headers: { ...base, ...(isText ? {} : { 'content-type': 'application/json' }), ...value.headers },
      body: value.body === undefined ? '' : isText ? (value.body as string) : JSON.stringify(value.body),
      isBase64Encoded: value.isBase64Encoded,
    };
  }
  return {
    statusCode: route.successStatus ?? 200,
    headers: { ...base, 'content-type': 'application/json' },
    body: JSON.stringify(value),
  };
}

/**
 * Wraps a route's business function into a Lambda handler: `fn` sees parsed, validated input and the
 * authenticated user, and returns a JSON body (or an HttpResponse); it never builds error responses.
 */
export function httpRoute<R extends RouteDef>(route: R, fn: (req: HttpRequest<R>) => unknown) {
  return middy<HttpEvent, HttpResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlation())
    .use(problems())
    .use(authorize(route))
    .use(validate(route))
    .handler(async (event) => {
      const s = states.get(event);
      if (!s) throw new Error('middleware state missing');
      const value = await fn({
        params: s.params, query: s.query, body: s.body, header: s.header, user: s.user, lang: s.lang,
        correlationId: s.correlationId, headers: event.headers ?? {},
      } as HttpRequest<R>);
      return toResult(route, value, s.lang);
    });
}
