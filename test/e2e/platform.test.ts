import { describe, expect, it } from 'vitest';
import { routeList } from '../../lib/http/routes.js';
import { call } from '../support/http.js';

describe('platform routes through the local gateway', () => {
  it('reports health with a database round trip and a correlation id', async () => {
    const res = await call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', database: 'ok' });
    expect(res.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an OpenAPI 3.1 document with every route of the route table', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    for (const route of routeList) expect(res.json.paths[route.path][route.method.toLowerCase()].operationId).toBe(route.id);
  });

  it('serves the API reference page and its assets from the npm package', async () => {
    const page = await call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('docs/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    const bundle = await call('GET', '/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.text).toContain('SwaggerUIBundle');
    expect((await call('GET', '/docs/swagger-ui.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await call('GET', '/docs/secrets.txt')).status).toBe(400);
  });

  it('answers unknown routes with 404 and wrong methods with 405, both problem+json', async () => {
    const missing = await call('GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const wrong = await call('DELETE', '/v1/municipalities');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});
