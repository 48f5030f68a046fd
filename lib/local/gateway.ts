// The local HTTP gateway: turns HTTP requests into API Gateway HTTP API (payload 2.0) events and invokes the
// same Lambda handlers CDK deploys, emulating the JWT authorizer with the local identity provider.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { UnauthenticatedError, NotFoundError, ValidationError } from '../domain/errors.js';
import { errorResponse, methodNotAllowedResponse } from '../http/error-map.js';
import type { HttpEvent, HttpResult } from '../http/http-route.js';
import { pickLanguage } from '../http/language.js';
import { pathPattern, type RouteDef } from '../http/route.js';

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export interface GatewayOptions {
  routes: readonly RouteDef[];
  verify: (token: string) => Promise<JWTPayload>;
  /** Project root the route entries are relative to. */
  root: string;
  /** Local-only handlers served before the route table, by path prefix (e.g. the file store's pre-signed URLs). */
  extraHandlers?: readonly { prefix: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> }[];
  /** Called after every request (for logging). */
  onRequest?: (line: { method: string; path: string; status: number; ms: number; route?: string }) => void;
}

const MAX_BODY = 10 * 1024 * 1024; // API Gateway HTTP API payload limit

const TEXTUAL = /^(?:text\/|application\/(?:json|problem\+json|xml|x-www-form-urlencoded|javascript)|[^;]*\+json)/i;

/** API Gateway passes JWT claims as strings; arrays become "[a b]". */
function gatewayClaims(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    out[key] = Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

function lambdaContext(route: RouteDef, requestId: string): Context {
  const deadline = Date.now() + (route.timeoutSeconds ?? 29) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${route.id}`,
    memoryLimitInMB: String(route.memoryMb ?? 512),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/local-${route.id}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What `Allow` lists for a path: the methods of its routes, HEAD wherever GET is served, and OPTIONS. */
function allowedMethods(methods: readonly string[]): string {
  const allowed = new Set([...methods, 'OPTIONS']);
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort().join(', ');
}

const encodingIssue = (field: string) => ({
  field, rule: 'percent-encoding', message: 'The value is not valid percent-encoded UTF-8',
  localized: { lv: 'Vērtība nav derīgi procentkodēts UTF-8', en: 'The value is not valid percent-encoded UTF-8' },
});

/** Path parameters decoded like API Gateway passes them; a malformed percent-encoding is the client's 400, not a 500. */
function decodeParams(groups: Record<string, string>): Record<string, string> {
  const bad = Object.entries(groups).filter(([, v]) => {
    try {
      decodeURIComponent(v);
      return false;
    } catch {
      return true;
    }
  });
  if (bad.length > 0) throw new ValidationError(bad.map(([k]) => encodingIssue(`path.${k}`)));
  return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ValidationError([{ field: 'body', rule: 'max-size', message: 'The body exceeds 10 MB' }]);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createGateway(options: GatewayOptions): Server {
  const compiled = options.routes.map((route) => ({ route, pattern: pathPattern(route.path) }));
  const modules = new Map<string, Promise<Handler>>();
  const load = (entry: string) => {
    let handler = modules.get(entry);
    if (!handler) {
      handler = import(pathToFileURL(resolve(options.root, entry)).href).then((m: { handler: Handler }) => m.handler);
      modules.set(entry, handler);
    }
    return handler;
  };

  return createServer((req, res) => {
    const started = performance.now();
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const lang = pickLanguage(req.headers['accept-language']);
    // Node accepts absolute-form targets the URL parser refuses (e.g. `GET http://[`): a 400, never a thrown listener.
    const parsedUrl = URL.parse(req.url ?? '/', 'http://localhost');
    const url = parsedUrl ?? new URL('http://localhost/');
    let matched: RouteDef | undefined;

    const send = (result: { statusCode: number; headers?: Record<string, unknown>; body?: string; isBase64Encoded?: boolean; cookies?: string[] }) => {
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
      if (!headers['x-correlation-id']) headers['x-correlation-id'] = requestId;
      if (result.cookies?.length) headers['set-cookie'] = result.cookies;
      const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
      headers['content-length'] = String(body.length);
      res.writeHead(result.statusCode, headers);
      res.end(method === 'HEAD' ? undefined : body);
      options.onRequest?.({ method, path: url.pathname, status: result.statusCode, ms: performance.now() - started, route: matched?.id });
    };
    const fail = (error: unknown) => send(errorResponse(error, lang, requestId));
    if (!parsedUrl) {
      const localized = { lv: 'Pieprasījuma mērķis nav derīgs URL', en: 'The request target is not a valid URL' };
      return fail(new ValidationError([{ field: 'path', rule: 'url', message: localized.en, localized }]));
    }

    const extra = options.extraHandlers?.find((h) => url.pathname.startsWith(h.prefix));
    if (extra) {
      extra.handle(req, res).then(
        () => options.onRequest?.({ method, path: url.pathname, status: res.statusCode, ms: performance.now() - started }),
        (error: unknown) => {
          console.error('gateway: local handler failed', error);
          if (!res.headersSent) fail(error);
          else res.destroy();
        },
      );
      return;
    }

    void (async () => {
      const candidates = compiled.filter((c) => c.pattern.test(url.pathname));
      const hit = candidates.find((c) => c.route.method === method) ?? (method === 'HEAD' ? candidates.find((c) => c.route.method === 'GET') : undefined);
      if (!hit) {
        if (candidates.length > 0) {
          const allow = allowedMethods(candidates.map((c) => c.route.method));
          if (method === 'OPTIONS') return send({ statusCode: 204, headers: { allow } });
          return send(methodNotAllowedResponse(method, url.pathname, allow, lang, requestId));
        }
        fail(new NotFoundError('route', `${method} ${url.pathname}`));
        return;
      }
      matched = hit.route;
      const route = hit.route;

      // The JWT authorizer runs before the function: a route with roles needs a valid token.
      let claims: Record<string, string> | undefined;
      const authorization = req.headers.authorization;
      const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (route.auth !== 'public') {
        if (!bearer) return fail(new UnauthenticatedError('a bearer token is required'));
        try {
          claims = gatewayClaims(await options.verify(bearer));
        } catch (error) {
          return fail(new UnauthenticatedError(`the token was refused: ${(error as Error).message}`));
        }
      }

      let raw: Buffer;
      try {
        // A request without a body (no content-length, no chunked transfer) is read without a stream turn.
        const bodyless = req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined;
        raw = bodyless ? Buffer.alloc(0) : await readBody(req);
      } catch (error) {
        return send({ ...errorResponse(error, lang, requestId), statusCode: 413 });
      }
      const contentType = req.headers['content-type'] ?? '';
      const textual = raw.length === 0 || TEXTUAL.test(contentType);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
      const groups = hit.pattern.exec(url.pathname)?.groups ?? {};
      let pathParameters: Record<string, string>;
      try {
        pathParameters = decodeParams(groups);
      } catch (error) {
        return fail(error);
      }
      const now = new Date();
      const event: HttpEvent = {
        version: '2.0',
        routeKey: `${route.method} ${route.path}`,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        cookies: req.headers.cookie?.split(';').map((c) => c.trim()),
        headers,
        ...(url.search ? { queryStringParameters: query } : {}),
        ...(Object.keys(groups).length ? { pathParameters } : {}),
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: req.headers.host ?? 'localhost',
          domainPrefix: 'local',
          http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: req.headers['user-agent'] ?? '' },
          requestId,
          routeKey: `${route.method} ${route.path}`,
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
          authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
        },
        body: raw.length === 0 ? undefined : textual ? raw.toString('utf8') : raw.toString('base64'),
        isBase64Encoded: raw.length > 0 && !textual,
      };
      if (!claims) delete (event.requestContext as { authorizer?: unknown }).authorizer;
      const handler = await load(route.entry);
      const result = await handler(event, lambdaContext(route, requestId));
      send(typeof result === 'object' && result !== null && 'statusCode' in result
        ? result
        : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) });
    })().catch((error: unknown) => {
      // A handler that throws past its middleware is a bug; the gateway answers like API Gateway would (500).
      console.error('gateway: unhandled error', error);
      if (!res.headersSent) fail(error);
    });
  });
}

/** Listens on host:port; rejects with a clear message when the port is taken. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Port ${port} on ${host} is already in use. Stop the other process or choose another port: PORT=3001 npm start`)
        : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      const address = server.address();
      resolveListen(typeof address === 'object' && address ? address.port : port);
    });
  });
}
