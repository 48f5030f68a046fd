// Builders for API Gateway HTTP API (payload 2.0) events and Lambda contexts, for unit tests of handlers.
import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../lib/http/http-route.js';

export function anHttpEvent(overrides: {
  method?: string; path?: string; routeKey?: string; headers?: Record<string, string>; body?: string;
  pathParameters?: Record<string, string>; query?: Record<string, string>; claims?: Record<string, string>;
} = {}): HttpEvent {
  const method = overrides.method ?? 'GET';
  const path = overrides.path ?? '/test';
  return {
    version: '2.0',
    routeKey: overrides.routeKey ?? `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: overrides.headers ?? {},
    ...(overrides.query ? { queryStringParameters: overrides.query } : {}),
    ...(overrides.pathParameters ? { pathParameters: overrides.pathParameters } : {}),
    requestContext: {
      accountId: '1', apiId: 'api', domainName: 'x', domainPrefix: 'x', requestId: 'req-1', routeKey: `${method} ${path}`,
      stage: '$default', time: '', timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: overrides.claims ?? {}, scopes: [] } },
    },
    body: overrides.body,
    isBase64Encoded: false,
  };
}

export function aLambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false, functionName: 'test', functionVersion: '1', invokedFunctionArn: 'arn',
    memoryLimitInMB: '128', awsRequestId: 'aws-req-1', logGroupName: 'g', logStreamName: 's',
    getRemainingTimeInMillis: () => 10_000, done: () => undefined, fail: () => undefined, succeed: () => undefined,
  };
}

/** Claims of a verified ID token; coordinators and agency staff carry `mfa_enabled: "true"` as the trigger adds it. */
export const claimsOf = (role: string, municipality?: string, sub = 'u-1') => ({
  sub, token_use: 'id', 'cognito:groups': `[${role}]`, ...(municipality ? { 'custom:municipality': municipality } : {}),
  ...(role === 'coordinator' || role === 'agency' ? { mfa_enabled: 'true' } : {}),
});
