import { describe, expect, it } from 'vitest';
import { call, tokenFor } from '../support/http.js';

describe('GET /v1/municipalities', () => {
  it('lists the 43 municipalities with codes, names and validity', async () => {
    const res = await call('GET', '/v1/municipalities');
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(43);
    expect(res.json.items[0]).toEqual({ code: 'LV-002', name: 'Aizkraukles novads', nameEn: 'Aizkraukle Municipality', kind: 'municipality', validFrom: '2021-07-01', validTo: null, mergedInto: null });
  });

  it('keeps only the 42 municipalities that exist after the Varakļāni–Madona merger', async () => {
    const res = await call('GET', '/v1/municipalities?validOn=2026-01-01');
    expect(res.json.items).toHaveLength(42);
    expect(res.json.items.map((m: { code: string }) => m.code)).not.toContain('LV-102');
  });

  it('refuses a malformed date with 400 naming the query field', async () => {
    const res = await call('GET', '/v1/municipalities?validOn=2026-13-01');
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'query.validOn', rule: 'invalid_format' })]);
  });
});

describe('GET /v1/municipalities/{code}', () => {
  it('returns one municipality with Latvian diacritics intact', async () => {
    const res = await call('GET', '/v1/municipalities/LV-052');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ code: 'LV-052', name: 'Ķekavas novads' });
  });

  it('answers 404 problem+json for a well-formed but unknown code, 400 for a malformed one', async () => {
    const missing = await call('GET', '/v1/municipalities/LV-999');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ type: '/problems/not-found', title: 'Nav atrasts', status: 404 });
    const malformed = await call('GET', '/v1/municipalities/Jekabpils', { headers: { 'accept-language': 'en' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ title: 'The request is not valid', errors: [{ field: 'path.code', rule: 'invalid_format' }] });
  });
});

describe('PUT /v1/municipalities/{code}/youth-contact', () => {
  const contact = { name: 'Anna Ozola', email: 'anna.ozola@jekabpils.lv', phone: '+371 26123456' };

  it('lets the coordinator of the municipality set it, and shows it publicly without the editor', async () => {
    const token = await tokenFor({ role: 'coordinator', sub: 'c-042', municipality: 'LV-042' });
    const put = await call('PUT', '/v1/municipalities/LV-042/youth-contact', { token, body: contact });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ ...contact, updatedBy: 'c-042' });
    const get = await call('GET', '/v1/municipalities/LV-042');
    expect(get.json.youthContact).toMatchObject(contact);
    expect(get.json.youthContact.updatedBy).toBeUndefined();
  });

  it('lets the agency set it for any municipality', async () => {
    const token = await tokenFor({ role: 'agency', sub: 'jspa-1' });
    expect((await call('PUT', '/v1/municipalities/LV-RIX/youth-contact', { token, body: contact })).status).toBe(200);
  });

  it('answers 401 without a token and 403 for a youth or a coordinator of another municipality, writing nothing', async () => {
    expect((await call('PUT', '/v1/municipalities/LV-068/youth-contact', { body: contact })).status).toBe(401);
    const youth = await tokenFor({ role: 'youth', sub: 'y-1', municipality: 'LV-068' });
    expect((await call('PUT', '/v1/municipalities/LV-068/youth-contact', { token: youth, body: contact })).status).toBe(403);
    const other = await tokenFor({ role: 'coordinator', sub: 'c-rix', municipality: 'LV-RIX' });
    const res = await call('PUT', '/v1/municipalities/LV-068/youth-contact', { token: other, body: contact });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await call('GET', '/v1/municipalities/LV-068')).json.youthContact).toBeNull();
  });

  it('answers 400 listing every bad field, and writes nothing', async () => {
    const token = await tokenFor({ role: 'coordinator', sub: 'c-091', municipality: 'LV-091' });
    const res = await call('PUT', '/v1/municipalities/LV-091/youth-contact', { token, body: { name: 'A', email: 'not-an-email', phone: '12345', role: 'x' } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.email', 'body.name', 'body.phone', 'body.role']);
    expect((await call('GET', '/v1/municipalities/LV-091')).json.youthContact).toBeNull();
    const notJson = await call('PUT', '/v1/municipalities/LV-091/youth-contact', { token, rawBody: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.json.errors[0]).toMatchObject({ field: 'body', rule: 'json' });
  });

  it('answers 404 for an unknown municipality', async () => {
    const token = await tokenFor({ role: 'agency', sub: 'jspa-1' });
    expect((await call('PUT', '/v1/municipalities/LV-999/youth-contact', { token, body: contact })).status).toBe(404);
  });
});
