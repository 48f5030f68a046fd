import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { call, tokenFor } from '../support/http.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/headcounts', name), 'utf8');
const doc = createDocumentClient(localClient(inject('e2eDynamoEndpoint')));

/** How many items of one entity type the e2e table holds (to prove a refusal stored nothing). */
async function countOf(entityType: string): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({
      TableName: inject('e2eTableName'), FilterExpression: 'entityType = :t', ExpressionAttributeValues: { ':t': entityType }, ExclusiveStartKey: start,
    }));
    n += page.Items?.length ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return n;
}

describe('Recovery Fund allocation over HTTP', () => {
  let agency: string;
  let coordinator: string;
  let datasetId: string;
  let runId: string;
  let otherRunId: string;

  beforeAll(async () => {
    agency = await tokenFor({ role: 'agency', sub: 'jspa-1' });
    coordinator = await tokenFor({ role: 'coordinator', sub: 'c-042', municipality: 'LV-042' });
  });
  afterAll(() => doc.destroy());

  it('imports IRD041 JSON-stat 2.0 and keeps its provenance with the file hash', async () => {
    const content = fixture('ird041-2025.json');
    const res = await call('POST', '/v1/headcounts', { token: agency, body: { format: 'json-stat2', content, retrievedOn: '2026-01-05' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ referenceYear: 2025, referenceDate: '2025-01-01', municipalities: 43 });
    datasetId = res.json.id;
    const got = await call('GET', `/v1/headcounts/${datasetId}`, { token: agency });
    expect(got.status).toBe(200);
    expect(got.json.provenance).toMatchObject({
      sourceTable: 'IRD041', referenceYear: 2025, retrievedOn: '2026-01-05', format: 'json-stat2', importedBy: 'jspa-1',
      fileSha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(got.json.lines.find((l: { code: string }) => l.code === 'LV-042')).toMatchObject({ sourceCode: 'LV0031000', name: 'Jēkabpils novads' });
  });

  it('refuses a bad file with 400 listing row-numbered errors, and stores nothing', async () => {
    const before = await countOf('HeadcountDataset');
    const content = 'code,name,youth\nLV-042,Jēkabpils novads,-5\nLV-999,Nekurienes novads,10\n';
    const res = await call('POST', '/v1/headcounts', { token: agency, body: { format: 'csv-simple', referenceYear: 2025, content, retrievedOn: '2026-01-05' }, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'content.row.2', rule: 'headcounts.negative-count' }),
      expect.objectContaining({ field: 'content.row.3', rule: 'headcounts.unknown-code' }),
    ]));
    expect(await countOf('HeadcountDataset')).toBe(before);
  });

  it('lets only the agency import or read head-counts', async () => {
    const body = { format: 'json-stat2', content: '{}', retrievedOn: '2026-01-05' };
    expect((await call('POST', '/v1/headcounts', { body })).status).toBe(401);
    expect((await call('POST', '/v1/headcounts', { token: coordinator, body })).status).toBe(403);
    expect((await call('GET', `/v1/headcounts/${datasetId}`, { token: coordinator })).status).toBe(403);
  });

  it('computes a draft run summing exactly to budget − reserve, with explanations', async () => {
    const res = await call('POST', '/v1/allocations', { token: agency, body: { datasetId, reserveCents: 9_000_000, baseCents: 2_000_000, cohort1: ['LV-042'] } });
    expect(res.status).toBe(201);
    runId = res.json.id;
    expect(res.json).toMatchObject({ status: 'draft', distributableCents: 350_000_000, parameters: { budgetCents: 359_000_000, reserveCents: 9_000_000, baseCents: 2_000_000, floorCents: null, capCents: null } });
    expect(res.json.lines).toHaveLength(43);
    expect(res.json.lines.reduce((s: number, l: { amountCents: number }) => s + l.amountCents, 0)).toBe(350_000_000);
    expect(res.json.lines.find((l: { code: string }) => l.code === 'LV-042')).toMatchObject({ cohort: 1, explanation: { baseCents: 2_000_000 } });
    expect((await call('GET', `/v1/allocations/${runId}`, { token: agency })).json).toEqual(res.json);
  });

  it('refuses impossible parameters with 422 and a reason, storing nothing', async () => {
    const before = await countOf('AllocationRun');
    const res = await call('POST', '/v1/allocations', { token: agency, body: { datasetId, baseCents: 9_000_000 }, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ rule: 'allocation.base-exceeds-budget', errors: [{ field: 'body.baseCents' }] });
    expect(res.json.detail).toMatch(/exceeds budget/);
    const floorCap = await call('POST', '/v1/allocations', { token: agency, body: { datasetId, floorCents: 5_000_000, capCents: 4_000_000 } });
    expect(floorCap.status).toBe(422);
    expect(await countOf('AllocationRun')).toBe(before);
  });

  it('answers 400 for malformed parameters and 404 for an unknown dataset', async () => {
    const bad = await call('POST', '/v1/allocations', { token: agency, body: { datasetId, budgetCents: 12.5, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.budgetCents', 'body.extra']);
    const missing = await call('POST', '/v1/allocations', { token: agency, body: { datasetId: '00000000-0000-4000-8000-000000000000' } });
    expect(missing.status).toBe(404);
  });

  it('compares two runs line by line', async () => {
    const other = await call('POST', '/v1/allocations', { token: agency, body: { datasetId, floorCents: 5_000_000 } });
    expect(other.status).toBe(201);
    otherRunId = other.json.id;
    const res = await call('GET', `/v1/allocations/${runId}/compare/${otherRunId}`, { token: agency });
    expect(res.status).toBe(200);
    expect(res.json.lines).toHaveLength(43);
    expect(res.json.totalCents).toEqual({ run: 350_000_000, other: 359_000_000, difference: 9_000_000 });
    const line = res.json.lines.find((l: { code: string }) => l.code === 'LV-RIX');
    expect(line.differenceCents).toBe(line.amountCents.other - line.amountCents.run);
  });

  it('exports CSV and a self-contained Latvian HTML report with SVG charts', async () => {
    const csv = await call('GET', `/v1/allocations/${runId}/export.csv`, { token: agency });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csv.text.trim().split('\r\n');
    expect(rows).toHaveLength(44);
    expect(rows[0]).toBe('code,name,cohort,youth,base_eur,proportional_share_cents,adjustment,adjustment_cents,rounding_cent,amount_cents,amount_eur,eur_per_youth');
    // the file itself starts with a UTF-8 byte-order mark (fetch's text() drops it), so spreadsheets keep ā č ē …
    const raw = await fetch(`${inject('baseUrl')}/v1/allocations/${runId}/export.csv`, { headers: { authorization: `Bearer ${agency}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const html = await call('GET', `/v1/allocations/${runId}/report.html`, { token: agency });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('<html lang="lv">');
    expect(html.text.match(/<svg /g)).toHaveLength(2);
    expect(html.text).toContain('Eiro uz vienu jaunieti');
    expect(html.text).not.toMatch(/<script|<link|src="http/);
    expect((await call('GET', `/v1/allocations/${runId}/report.html`, { token: coordinator })).status).toBe(403);
  });

  it('publishes a draft once: it becomes the current allocation and stays immutable', async () => {
    const res = await call('POST', `/v1/allocations/${runId}/publish`, { token: agency });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'published', publishedBy: 'jspa-1' });
    const again = await call('POST', `/v1/allocations/${runId}/publish`, { token: agency });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    const current = await call('GET', '/v1/allocations/current', { token: agency });
    expect(current.json.runId).toBe(runId);
    expect(current.json.items).toHaveLength(43);
    expect(current.json.items.reduce((s: number, l: { amountCents: number }) => s + l.amountCents, 0)).toBe(350_000_000);
  });

  it('shows a coordinator only their own line, and refuses others', async () => {
    const own = await call('GET', '/v1/allocations/current', { token: coordinator });
    expect(own.status).toBe(200);
    expect(own.json.items).toEqual([expect.objectContaining({ code: 'LV-042', runId })]);
    const run = (await call('GET', `/v1/allocations/${runId}`, { token: agency })).json;
    expect(own.json.items[0].amountCents).toBe(run.lines.find((l: { code: string }) => l.code === 'LV-042').amountCents);
    expect((await call('GET', '/v1/allocations/current?municipality=LV-RIX', { token: coordinator })).status).toBe(403);
    const unknown = await call('GET', '/v1/allocations/current?municipality=LV-999', { token: agency });
    expect(unknown.status).toBe(404);
    expect(unknown.json.status).toBe(404);
    const youth = await tokenFor({ role: 'youth', sub: 'y-1', municipality: 'LV-042' });
    expect((await call('GET', '/v1/allocations/current', { token: youth })).status).toBe(403);
    expect((await call('GET', `/v1/allocations/${runId}`, { token: coordinator })).status).toBe(403);
    expect((await call('POST', `/v1/allocations/${otherRunId}/publish`, { token: coordinator })).status).toBe(403);
  });

  it('lists runs and datasets, newest first, for the agency only', async () => {
    const runs = await call('GET', '/v1/allocations?limit=2', { token: agency });
    expect(runs.status).toBe(200);
    expect(runs.json.items.map((r: { id: string }) => r.id)).toEqual([otherRunId, runId]);
    expect(runs.json.items[1]).toMatchObject({ status: 'published', municipalities: 43, parameters: { baseCents: 2_000_000 } });
    const datasets = await call('GET', '/v1/headcounts', { token: agency });
    expect(datasets.json.items.map((d: { id: string }) => d.id)).toContain(datasetId);
    expect((await call('GET', '/v1/allocations', { token: coordinator })).status).toBe(403);
    expect((await call('GET', '/v1/allocations?limit=0', { token: agency })).status).toBe(400);
  });

  it('answers 404 for an unknown run and 400 for a malformed id', async () => {
    expect((await call('GET', '/v1/allocations/00000000-0000-4000-8000-000000000000', { token: agency })).status).toBe(404);
    expect((await call('GET', '/v1/allocations/nope', { token: agency })).status).toBe(400);
  });
});
