import fc from 'fast-check';
import type * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../lib/http/route.js';
import { hoursRoutes } from '../../lib/http/hours-routes.js';
import { aWorld, aYouth, anEntry, daysAgo, expectStatus } from '../support/hours-api.js';
import { tokenFor } from '../support/http.js';
import { ownGateway } from '../support/own-gateway.js';

const M = 'LV-080';
let gw: Awaited<ReturnType<typeof ownGateway>>;
let validTokens: string[];
let ids: Record<string, string>;

beforeAll(async () => {
  gw = await ownGateway('hours-fuzz');
  const world = await aWorld(gw.call, tokenFor, M);
  const youth = await aYouth(gw.call, tokenFor, M);
  const pending = await anEntry(gw.call, youth.token, world.institutionId, { date: daysAgo(2) });
  const approved = await anEntry(gw.call, youth.token, world.institutionId, { date: daysAgo(3) });
  await expectStatus(gw.call('POST', `/v1/hour-entries/${approved.id}/decision`, { token: world.supervisor, body: { decision: 'approve' } }), 200);
  ids = { entryId: pending.id, approvedId: approved.id, institutionId: world.institutionId, supervisorId: world.supervisorIds[0]!, code: M };
  validTokens = [youth.token, world.supervisor, world.coordinator, await tokenFor({ role: 'agency', sub: 'a-fuzz' })];
}, 60_000);
afterAll(async () => gw.stop());

const routes = Object.values(hoursRoutes) as RouteDef[];
const rejects = (schema: z.ZodType | undefined, value: unknown) => schema !== undefined && !schema.safeParse(value).success;
const paramNames = (route: RouteDef) => [...route.path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
const fill = (route: RouteDef, params: Record<string, string>) => route.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
const validParams = (route: RouteDef) => Object.fromEntries(paramNames(route).map((n) => [n, ids[n] ?? ids.entryId!]));

/** Anything a client could send as a JSON value, a string or a near-miss of a real field. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '2026-02-30', '25:00', '-15', '1e400', 'null', '../../etc', '%00', 'LV-999', 'DROP TABLE', '💥', 'ā'.repeat(300)),
  fc.integer(), fc.double(),
);

/** A request that is wrong in at least one way its route must notice before touching the table. */
const badRequest = fc.constantFrom(...routes).chain((route) => {
  const kinds: fc.Arbitrary<{ kind: string; token?: string; auth?: string; path: string; rawBody?: string; contentType?: string; query?: string }>[] = [];
  const base = { path: fill(route, validParams(route)) };
  kinds.push(fc.constantFrom('', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer abc.def.ghi', 'Bearer eyJhbGciOiJub25lIn0.e30.').map((auth) => ({ kind: 'auth', auth, ...base })));
  kinds.push(fc.tuple(fc.constantFrom(...[0, 1, 2, 3]), fc.integer({ min: 10, max: 60 })).map(([i, cut]) => ({ kind: 'tampered-token', auth: `Bearer ${validTokens[i]!.slice(0, -cut)}${'A'.repeat(cut)}`, ...base })));
  const names = paramNames(route);
  if (names.length > 0) {
    kinds.push(fc.record(Object.fromEntries(names.map((n) => [n, fc.string({ minLength: 1, maxLength: 60 })]))).filter((p) => rejects(route.params, p))
      .chain((params) => fc.constantFrom(...validTokens).map((token) => ({ kind: 'path', token, path: fill(route, params as Record<string, string>) }))));
  }
  if (route.query) {
    kinds.push(fc.tuple(fc.constantFrom('year', 'limit'), fc.string({ minLength: 1, maxLength: 20 })).filter(([k, v]) => rejects(route.query, { [k]: v }))
      .chain(([k, v]) => fc.constantFrom(...validTokens).map((token) => ({ kind: 'query', token, ...base, query: `${k}=${encodeURIComponent(v)}` }))));
  }
  if (route.body) {
    kinds.push(fc.tuple(junk, fc.constantFrom(...validTokens)).filter(([body]) => rejects(route.body, body))
      .map(([body, token]) => ({ kind: 'body', token, ...base, rawBody: JSON.stringify(body) })));
    kinds.push(fc.tuple(fc.string({ maxLength: 60 }), fc.constantFrom(...validTokens)).filter(([raw]) => { try { JSON.parse(raw); return false; } catch { return true; } })
      .map(([rawBody, token]) => ({ kind: 'not-json', token, ...base, rawBody })));
    kinds.push(fc.constantFrom(...validTokens).map((token) => ({ kind: 'content-type', token, ...base, rawBody: '{}', contentType: 'text/plain' })));
  }
  return fc.oneof(...kinds).map((r) => ({ route, ...r }));
});

describe('malformed requests to every hours route', () => {
  it('answer only 4xx and leave the table unchanged', async () => {
    const before = await gw.scan();
    const seen = new Map<string, number>();
    await fc.assert(fc.asyncProperty(badRequest, async (r) => {
      const headers: Record<string, string> = {};
      if (r.auth !== undefined) headers.authorization = r.auth;
      if (r.rawBody !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
      const res = await gw.call(r.route.method, `${r.path}${r.query ? `?${r.query}` : ''}`, { token: r.token, headers, rawBody: r.rawBody });
      seen.set(r.kind, (seen.get(r.kind) ?? 0) + 1);
      expect(res.status, `${r.route.method} ${r.path} (${r.kind}) → ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }), { numRuns: 2500, seed: 20261123 });
    expect(await gw.scan()).toEqual(before);
    expect([...seen.keys()].sort()).toEqual(['auth', 'body', 'content-type', 'not-json', 'path', 'query', 'tampered-token']);
  }, 120_000);

  it('answers 404 for unknown paths under the hours prefixes', async () => {
    const before = await gw.scan();
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('/v1/hour-entries/', '/v1/volunteers/me/', '/v1/institutions/', '/v1/supervisors/'),
      fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { minLength: 2, maxLength: 4 }),
      fc.constantFrom(...validTokens),
      async (prefix, segments, token) => {
        const res = await gw.call('GET', `${prefix}${segments.join('/')}`, { token });
        expect([404, 405]).toContain(res.status);
      },
    ), { numRuns: 300, seed: 7 });
    expect(await gw.scan()).toEqual(before);
  }, 60_000);
});
