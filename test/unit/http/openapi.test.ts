import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../lib/http/openapi.js';
import { routeList } from '../../../lib/http/routes.js';

type Op = { operationId: string; security: unknown[]; responses: Record<string, { content: Record<string, unknown> }>; parameters: { name: string; in: string }[]; requestBody?: unknown };

describe('the OpenAPI document', () => {
  const doc = buildOpenApi() as { openapi: string; paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, unknown> } };

  it('is OpenAPI 3.1 with every route of the route table', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const route of routeList) {
      expect(doc.paths[route.path]?.[route.method.toLowerCase()]?.operationId, `${route.method} ${route.path}`).toBe(route.id);
    }
  });

  it('tells applicants how to recompute a receipt\'s SHA-256 on the routes that return one', () => {
    for (const path of ['/v1/applications/{id}/submit', '/v1/applications/{id}/resubmit']) {
      const schema = doc.paths[path]!.post!.responses['200']!.content['application/json'] as { schema: { properties: { sha256: { description: string } } } };
      expect(schema.schema.properties.sha256.description).toMatch(/SHA-256 of the UTF-8 bytes of the RFC 8785 \(JCS\) canonical JSON of the whole `frozen`/);
    }
  });

  it('marks protected routes with bearer security and 401/403 problems, public ones with none', () => {
    for (const route of routeList) {
      const op = doc.paths[route.path]![route.method.toLowerCase()]!;
      if (route.auth === 'public') {
        expect(op.security).toEqual([]);
        expect(op.responses['401']).toBeUndefined();
      } else {
        expect(op.security).toEqual([{ bearer: [] }]);
        expect(op.responses['401']!.content['application/problem+json']).toBeDefined();
        expect(op.responses['403']).toBeDefined();
      }
    }
  });

  it('documents path parameters, request bodies and the shared problem schema', () => {
    const get = doc.paths['/v1/municipalities/{code}']!.get!;
    expect(get.parameters).toContainEqual(expect.objectContaining({ name: 'code', in: 'path' }));
    expect(get.responses['404']!.content['application/problem+json']).toEqual({ schema: { $ref: '#/components/schemas/Problem' } });
    expect(doc.paths['/v1/municipalities/{code}/youth-contact']!.put!.requestBody).toBeDefined();
    expect(doc.components.schemas.Problem).toMatchObject({ type: 'object', required: expect.arrayContaining(['type', 'title', 'status']) });
  });
});

describe('declared request headers', () => {
  it('documents the Idempotency-Key header of hour submissions as an optional header parameter', () => {
    const op = (buildOpenApi() as { paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean }[] }>> })
      .paths['/v1/hour-entries']!.post!;
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header', required: false }));
  });
});
