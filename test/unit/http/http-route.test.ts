import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError, NotFoundError, RuleViolation, ValidationError } from '../../../lib/domain/errors.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { defineRoute } from '../../../lib/http/route.js';
import { aLambdaContext, anHttpEvent, claimsOf } from '../../support/events.js';

const route = defineRoute({
  id: 'testRoute', method: 'POST', path: '/v1/things/{id}', tag: 't', summary: 's', entry: 'functions/http/t/t.ts',
  auth: ['coordinator'],
  params: z.object({ id: z.string().regex(/^t-\d+$/) }),
  query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
  body: z.object({ name: z.string().min(2), minutes: z.number().int().multipleOf(15) }).strict(),
});

const call = async (handler: ReturnType<typeof httpRoute>, event = anHttpEvent()) => {
  const res = await handler(event, aLambdaContext());
  return { ...res, json: res.body ? JSON.parse(res.body as string) : undefined };
};

const good = (extra: Partial<Parameters<typeof anHttpEvent>[0]> = {}) => anHttpEvent({
  method: 'POST', path: '/v1/things/t-1', pathParameters: { id: 't-1' }, claims: claimsOf('coordinator', 'LV-042'),
  headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ok', minutes: 45 }), ...extra,
});

describe('httpRoute', () => {
  it('hands parsed input and the user to the function and answers 200 JSON', async () => {
    const handler = httpRoute(route, ({ params, body, user }) => ({ id: params.id, name: body.name, by: user.sub }));
    const res = await call(handler, good());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toEqual({ id: 't-1', name: 'Ok', by: 'u-1' });
  });

  it('lists every failing field of path, query and body at once, with the rule broken', async () => {
    let called = false;
    const handler = httpRoute(route, () => { called = true; });
    const res = await call(handler, good({
      pathParameters: { id: 'nope' }, query: { dryRun: 'maybe' },
      body: JSON.stringify({ name: 'x', minutes: 20, extra: 1 }),
    }));
    expect(called).toBe(false);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    const fields = res.json.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`).sort();
    expect(fields).toEqual(['body.extra:unrecognized_keys', 'body.minutes:not_multiple_of', 'body.name:too_small', 'path.id:invalid_format', 'query.dryRun:invalid_value']);
    expect(res.json.title).toBe('Pieprasījuma dati nav derīgi');
  });

  it('refuses a body that is not JSON, and one sent with another content type', async () => {
    const handler = httpRoute(route, () => 'never');
    const bad = await call(handler, good({ body: '{"name":' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: 'body', rule: 'json' })]);
    const form = await call(handler, good({ headers: { 'content-type': 'text/plain' } }));
    expect(form.json.errors).toEqual([expect.objectContaining({ field: 'body', rule: 'content-type' })]);
  });

  it('answers 401 without claims and 403 for a role the route does not allow, before reading input', async () => {
    const handler = httpRoute(route, () => 'never');
    const anonymous = await call(handler, good({ claims: {}, body: 'garbage' }));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    const youth = await call(handler, good({ claims: claimsOf('youth', 'LV-042'), body: 'garbage' }));
    expect(youth.statusCode).toBe(403);
    expect(youth.json.type).toBe('/problems/forbidden');
  });

  it.each([
    [new NotFoundError('thing', 't-1'), 404, '/problems/not-found'],
    [new ConflictError('stale version'), 409, '/problems/conflict'],
    [new RuleViolation('hours.minor-daily-cap', { lv: 'Nepilngadīgie ne vairāk kā 4 h dienā', en: 'Minors at most 4 h a day' }, 'body.minutes'), 422, '/problems/rule-violation'],
  ])('maps %o to its status and problem type', async (error, status, type) => {
    const handler = httpRoute(route, () => { throw error; });
    const res = await call(handler, good());
    expect(res.statusCode).toBe(status);
    expect(res.json.type).toBe(type);
  });

  it('names the rule id of a violation and words it in the requested language', async () => {
    const handler = httpRoute(route, () => {
      throw new RuleViolation('hours.minor-daily-cap', { lv: 'Nepilngadīgie ne vairāk kā 4 h dienā', en: 'Minors at most 4 h a day' }, 'body.minutes');
    });
    const lv = await call(handler, good());
    expect(lv.json).toMatchObject({ status: 422, rule: 'hours.minor-daily-cap', detail: 'Nepilngadīgie ne vairāk kā 4 h dienā' });
    const en = await call(handler, good({ headers: { 'content-type': 'application/json', 'accept-language': 'en' } }));
    expect(en.json).toMatchObject({ title: 'Rule violated', detail: 'Minors at most 4 h a day', errors: [{ field: 'body.minutes', rule: 'hours.minor-daily-cap' }] });
    expect(en.headers['content-language']).toBe('en');
  });

  it('turns an unexpected error into a 500 with a fixed message and no stack or internal detail', async () => {
    const handler = httpRoute(route, () => { throw new Error('connection string postgres://secret'); });
    const res = await call(handler, good());
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('at ');
    expect(res.json.type).toBe('/problems/internal');
  });

  it('echoes a sane x-correlation-id and replaces an unsafe one with the request id', async () => {
    const handler = httpRoute(route, () => ({}));
    const sane = await call(handler, good({ headers: { 'content-type': 'application/json', 'x-correlation-id': 'abc-123' } }));
    expect(sane.headers['x-correlation-id']).toBe('abc-123');
    const unsafe = await call(handler, good({ headers: { 'content-type': 'application/json', 'x-correlation-id': 'a\nb<script>' } }));
    expect(unsafe.headers['x-correlation-id']).toBe('req-1');
    const failed = await call(httpRoute(route, () => { throw new NotFoundError('x', 'y'); }), good({ headers: { 'content-type': 'application/json', 'x-correlation-id': 'c-9' } }));
    expect(failed.headers['x-correlation-id']).toBe('c-9');
    expect(failed.json.correlationId).toBe('c-9');
  });

  it('passes an HttpResponse through with its status, type and headers', async () => {
    const handler = httpRoute(route, () => new HttpResponse(201, 'a,b\n', { 'content-type': 'text/csv' }));
    const res = await handler(good(), aLambdaContext());
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('text/csv');
    expect(res.body).toBe('a,b\n');
  });
});

describe('httpRoute with declared headers', () => {
  const withHeader = defineRoute({
    id: 'h', method: 'GET', path: '/h', tag: 't', summary: 's', entry: 'functions/http/t/t.ts', auth: 'public',
    headers: z.object({ 'idempotency-key': z.string().regex(/^[a-z0-9-]{8,}$/).optional() }),
  });

  it('hands the validated header to the function and refuses a malformed one as header.<name>', async () => {
    const handler = httpRoute(withHeader, ({ header }) => ({ key: header['idempotency-key'] ?? null }));
    const ok = await call(handler, anHttpEvent({ path: '/h', headers: { 'idempotency-key': 'abcd-1234' } }));
    expect(ok.json).toEqual({ key: 'abcd-1234' });
    const none = await call(handler, anHttpEvent({ path: '/h' }));
    expect(none.json).toEqual({ key: null });
    const bad = await call(handler, anHttpEvent({ path: '/h', headers: { 'idempotency-key': 'x' } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: 'header.idempotency-key', rule: 'invalid_format' })]);
  });
});

describe('field issues the domain words in both languages', () => {
  it('answers each in the language of the request and never leaks both', async () => {
    const handler = httpRoute(route, () => {
      throw new ValidationError([{ field: 'path.code', rule: 'certificate-code.check', message: 'Wrong code', localized: { lv: 'Nepareizs kods', en: 'Wrong code' } }]);
    });
    const lv = await call(handler, good());
    expect(lv.json.errors).toEqual([{ field: 'path.code', rule: 'certificate-code.check', message: 'Nepareizs kods' }]);
    const en = await call(handler, good({ headers: { 'content-type': 'application/json', 'accept-language': 'en' } }));
    expect(en.json.errors).toEqual([{ field: 'path.code', rule: 'certificate-code.check', message: 'Wrong code' }]);
  });
});
