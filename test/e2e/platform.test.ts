import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { routeList } from '../../lib/http/routes.js';
import { baseUrl, call, tokenFor } from '../support/http.js';

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
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers an unsupported method on a known path with 405 problem+json whose status is 405, and its Allow header', async () => {
    const res = await call('PUT', '/v1/allocations/run-1', { body: {}, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(res.json).toMatchObject({ type: '/problems/method-not-allowed', status: 405, title: 'Method not allowed' });
    expect(res.json.detail).toContain('PUT');
    const lv = await call('DELETE', '/v1/allocations');
    expect(lv.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect(lv.json).toMatchObject({ status: 405, title: 'Metode nav atļauta' });
  });

  it('answers OPTIONS on a known path with 204 and the methods it serves', async () => {
    const res = await call('OPTIONS', '/v1/municipalities/LV-042/youth-contact');
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('OPTIONS, PUT');
    expect(res.text).toBe('');
    expect((await call('OPTIONS', '/v1/nothing-here')).status).toBe(404);
  });

  it.each([
    ['/v1/certificates/%ZZ', 'path.code'],
    ['/v1/municipalities/%E0%A4%A', 'path.code'],
    ['/v1/applications/%C0%AF', 'path.id'],
  ])('answers a malformed percent-encoding in %s with 400 problem+json naming the field', async (path, field) => {
    const token = await tokenFor({ role: 'agency', sub: 'jspa-encoding' });
    const res = await call('GET', path, { token, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 400, errors: [{ field, rule: 'percent-encoding' }] });
  });

  it('answers a malformed percent-encoding in a local file-store link with 400, not 500', async () => {
    const res = await call('GET', '/_local/files/%ZZ');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/percent-encoding/);
  });

  it('answers a request target that is not a URL with 400 and keeps serving', async () => {
    const { port } = new URL(baseUrl());
    const raw = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      socket.on('data', (d) => { text += String(d); });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('"status":400');
    expect((await call('GET', '/health')).status).toBe(200);
  });
});
