import { describe, expect, it } from 'vitest';
import { pathPattern, tableAccessOf } from '../../../lib/http/route.js';
import { routeList, routesByContext } from '../../../lib/http/routes.js';

describe('pathPattern', () => {
  it('captures path parameters by name and matches whole paths only', () => {
    const p = pathPattern('/v1/municipalities/{code}');
    expect(p.exec('/v1/municipalities/LV-042')?.groups).toEqual({ code: 'LV-042' });
    expect(p.test('/v1/municipalities')).toBe(false);
    expect(p.test('/v1/municipalities/LV-042/extra')).toBe(false);
  });

  it('escapes dots so /openapi.json does not match /openapiXjson', () => {
    expect(pathPattern('/openapi.json').test('/openapiXjson')).toBe(false);
  });
});

describe('the route table', () => {
  it('has unique ids and unique method + path pairs', () => {
    expect(new Set(routeList.map((r) => r.id)).size).toBe(routeList.length);
    expect(new Set(routeList.map((r) => `${r.method} ${r.path}`)).size).toBe(routeList.length);
  });

  it('puts every route in exactly one bounded context, and every function entry in one context only', () => {
    const byContext = Object.entries(routesByContext).flatMap(([context, list]) => Object.values(list).map((r) => [context, r] as const));
    expect(byContext.map(([, r]) => r.id).sort()).toEqual(routeList.map((r) => r.id).sort());
    const contextOfEntry = new Map<string, string>();
    for (const [context, route] of byContext) {
      expect(contextOfEntry.get(route.entry) ?? context, route.entry).toBe(context);
      contextOfEntry.set(route.entry, context);
    }
  });

  it('declares a schema for every path parameter', () => {
    for (const route of routeList) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      if (names.length > 0) expect(route.params, route.id).toBeDefined();
    }
  });

  it('points every route at a handler under functions/', () => {
    for (const route of routeList) expect(route.entry).toMatch(/^functions\/http\/[a-z-]+\/[a-z-]+\.ts$/);
  });
});

describe('tableAccessOf', () => {
  const r = (method: 'GET' | 'POST', table?: 'none' | 'read' | 'readWrite') =>
    ({ id: 'x', method, path: '/x', summary: '', tag: '', auth: 'public', entry: 'functions/http/x/x.ts', ...(table ? { table } : {}) }) as const;
  it.each([
    [[r('GET')], 'read'],
    [[r('POST')], 'readWrite'],
    [[r('GET'), r('POST')], 'readWrite'],
    [[r('GET', 'none')], 'none'],
    [[r('GET', 'none'), r('GET')], 'read'],
    [[r('POST', 'read')], 'read'],
  ])('grants the least access serving every route: %j → %s', (group, expected) => {
    expect(tableAccessOf(group)).toBe(expected);
  });
});
