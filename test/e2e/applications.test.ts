import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { keys } from '../../lib/data/keys.js';
import { sha256Hex } from '../../lib/domain/applications/canonical.js';
import { aCompleteContent, publishAllocation } from '../support/applications.js';
import { call, tokenFor } from '../support/http.js';

let doc: DynamoDBDocumentClient;
const publish = (code: string, cents: number) => publishAllocation(doc, inject('e2eTableName'), code, cents, 'run-e2e');

beforeAll(() => { doc = createDocumentClient(localClient(inject('e2eDynamoEndpoint'))); });
afterAll(() => doc.destroy());

/**
 * The README's recipe for a receipt's hash, written apart from lib/ as an applicant would: RFC 8785 canonical JSON
 * (keys sorted by UTF-16 code units, ECMAScript strings and numbers, no whitespace), SHA-256 of its UTF-8 bytes, hex.
 */
const rfc8785 = (v: unknown): string => (v === null || typeof v !== 'object' ? JSON.stringify(v)
  : Array.isArray(v) ? `[${v.map(rfc8785).join(',')}]`
  : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${rfc8785((v as Record<string, unknown>)[k])}`).join(',')}}`);
const receiptHash = (frozen: unknown) => createHash('sha256').update(Buffer.from(rfc8785(frozen), 'utf8')).digest('hex');

const coordinatorOf = (municipality: string) => tokenFor({ role: 'coordinator', sub: `c-${municipality}`, municipality });
const agencyToken = () => tokenFor({ role: 'agency', sub: 'jspa-reviewer' });

async function aDraft(token: string, content: unknown = aCompleteContent(), cohort = 1) {
  const res = await call('POST', '/v1/applications', { token, body: { cohort, content } });
  expect(res.status).toBe(201);
  return res.json as { id: string; revision: number };
}

describe('a project application from draft to approved grant, through the gateway', () => {
  it('submits, reviews, returns, resubmits, diffs, approves and publishes the grant', async () => {
    await publish('LV-056', 2_000_000);
    const coord = await coordinatorOf('LV-056');
    const agency = await agencyToken();

    const draft = await aDraft(coord, { title: 'Līvānu digitālais jaunatnes darbs' });
    expect(draft).toMatchObject({ revision: 1 });

    // incomplete: every failing field at once, with stable rule ids; nothing changes
    const refused = await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 1 }, headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.json.rule).toBe('application.not-submittable');
    expect(refused.json.errors.map((e: { field: string; rule: string }) => `${e.field} ${e.rule}`)).toEqual(expect.arrayContaining([
      'summary application.required', 'team application.team-size', 'councilDecision application.council-decision-missing', 'requestedTotalCents application.required',
    ]));
    expect(refused.json.errors.length).toBeGreaterThanOrEqual(9);

    const saved = await call('PUT', `/v1/applications/${draft.id}/draft`, { token: coord, body: { expectedRevision: 1, content: aCompleteContent({ title: 'Līvānu digitālais jaunatnes darbs' }) } });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(2);

    const submitted = await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 2 } });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toMatchObject({ applicationId: draft.id, version: 1, emailed: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const v1 = await call('GET', `/v1/applications/${draft.id}/versions/1`, { token: coord });
    expect(sha256Hex(v1.json.frozen)).toBe(submitted.json.sha256);
    // an applicant recomputes the receipt's hash from the published version by the documented recipe
    expect(Object.keys(v1.json.frozen).sort()).toEqual(['applicationId', 'attachments', 'cohort', 'content', 'municipality', 'version']);
    expect(receiptHash(v1.json.frozen)).toBe(submitted.json.sha256);
    // the receipt went to the contact person as an .eml in the local outbox, naming the hash
    const outbox = join(inject('e2eDataDir'), 'outbox');
    const receipts = (existsSync(outbox) ? readdirSync(outbox) : []).map((f) => readFileSync(join(outbox, f), 'utf8'))
      .filter((eml) => Buffer.from(eml.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8').includes(submitted.json.sha256));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toContain('To: anna.ozola@jekabpils.lv');
    expect(receipts[0]).toMatch(/^Subject: =\?UTF-8\?B\?/m);

    const queue = await call('GET', '/v1/review/applications?status=submitted&cohort=1', { token: agency });
    expect(queue.json.items.map((a: { id: string }) => a.id)).toContain(draft.id);

    expect((await call('POST', `/v1/applications/${draft.id}/review`, { token: agency })).json.status).toBe('under_review');
    const returned = await call('POST', `/v1/applications/${draft.id}/return`, { token: agency, body: { comments: [{ field: 'budgetLines.1', comment: 'Pamatojiet planšetdatoru skaitu' }] } });
    expect(returned.status).toBe(200);
    expect(returned.json.reviewRounds[0].comments).toEqual([{ field: 'budgetLines.1', comment: 'Pamatojiet planšetdatoru skaitu' }]);

    const coordView = await call('GET', `/v1/applications/${draft.id}`, { token: coord });
    const edited = await call('PUT', `/v1/applications/${draft.id}/draft`, {
      token: coord,
      body: { expectedRevision: coordView.json.revision, content: aCompleteContent({ title: 'Līvānu digitālais jaunatnes darbs', budgetLines: [{ category: 'training', description: 'Mācību materiāli', amountCents: 500_000 }, { category: 'digital-equipment', description: 'Planšetdatori (8)', amountCents: 700_000 }], requestedTotalCents: 1_200_000 }) },
    });
    expect(edited.json.status).toBe('returned');
    const resubmitted = await call('POST', `/v1/applications/${draft.id}/resubmit`, { token: coord, body: { expectedRevision: edited.json.revision } });
    expect(resubmitted.json).toMatchObject({ version: 2 });

    const versions = await call('GET', `/v1/applications/${draft.id}/versions`, { token: agency });
    expect(versions.json.items.map((v: { sha256: string }) => v.sha256)).toEqual([submitted.json.sha256, resubmitted.json.sha256]);
    const diff = await call('GET', `/v1/applications/${draft.id}/diff?from=1&to=2`, { token: agency });
    expect(diff.json.changes).toEqual([
      { field: 'budgetLines.1.amountCents', change: 'changed', before: 1_000_000, after: 700_000 },
      { field: 'budgetLines.1.description', change: 'changed', before: 'Planšetdatori', after: 'Planšetdatori (8)' },
      { field: 'requestedTotalCents', change: 'changed', before: 1_500_000, after: 1_200_000 },
    ]);

    expect((await call('GET', `/v1/applications/${draft.id}/diff?from=2&to=2`, { token: agency })).json).toMatchObject({ status: 422, rule: 'application.diff-same-version' });
    expect((await call('GET', `/v1/applications/${draft.id}/diff?from=1&to=3`, { token: agency })).status).toBe(404);
    expect((await call('GET', `/v1/applications/${draft.id}/versions/0`, { token: agency })).status).toBe(400);

    await call('POST', `/v1/applications/${draft.id}/review`, { token: agency });
    const tooMuch = await call('POST', `/v1/applications/${draft.id}/approve`, { token: agency, body: { approvedAmountCents: 1_200_001 } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.rule).toBe('application.approved-exceeds-requested');
    const approved = await call('POST', `/v1/applications/${draft.id}/approve`, { token: agency, body: { approvedAmountCents: 1_100_000 } });
    expect(approved.json).toMatchObject({ status: 'approved', decision: { outcome: 'approved', approvedAmountCents: 1_100_000 } });

    const summary = await call('GET', '/v1/reports/applications/municipalities', { token: agency });
    expect(summary.json.items).toContainEqual({ municipality: 'LV-056', name: 'Līvānu novads', allocationCents: 2_000_000, requestedCents: 1_200_000, approvedCents: 1_100_000, pendingCents: 0, headroomCents: 900_000, applications: 1 });
    const progress = await call('GET', '/v1/reports/applications/progress', { token: agency });
    expect(progress.json.youngPeople).toMatchObject({ target: 10_000 });
    expect(progress.json.youngPeople.planned).toBeGreaterThanOrEqual(250);
    expect(progress.json.youthWorkers).toMatchObject({ target: 300 });

    const grants = await call('GET', '/v1/grants/360giving.json');
    expect(grants.status).toBe(200);
    expect(grants.json.grants).toContainEqual(expect.objectContaining({
      id: `360G-JSPA-${draft.id}`, currency: 'EUR', amountAwarded: 11000, amountAppliedFor: 12000,
      recipientOrganization: [{ id: '360G-JSPA-ORG-LV-056', name: 'Līvānu novads' }],
      beneficiaryLocation: [expect.objectContaining({ geoCode: 'LV-056' })],
    }));
  });
});

describe('who may see and change applications', () => {
  it('answers 403 to a coordinator of another municipality and to a youth, and writes nothing', async () => {
    const own = await coordinatorOf('LV-068');
    const other = await coordinatorOf('LV-RIX');
    const youth = await tokenFor({ role: 'youth', sub: 'y-1', municipality: 'LV-068' });
    const draft = await aDraft(own);
    expect((await call('GET', `/v1/applications/${draft.id}`, { token: other })).status).toBe(403);
    expect((await call('GET', `/v1/applications/${draft.id}`, { token: youth })).status).toBe(403);
    const write = await call('PUT', `/v1/applications/${draft.id}/draft`, { token: other, body: { expectedRevision: 1, content: { title: 'Svešs' } } });
    expect(write.status).toBe(403);
    expect(write.headers.get('content-type')).toBe('application/problem+json');
    expect((await call('POST', `/v1/applications/${draft.id}/submit`, { token: other, body: { expectedRevision: 1 } })).status).toBe(403);
    expect((await call('GET', '/v1/municipalities/LV-068/applications', { token: other })).status).toBe(403);
    expect((await call('GET', `/v1/applications/${draft.id}/versions`, { token: other })).status).toBe(403);
    const mine = await call('GET', '/v1/municipalities/LV-068/applications', { token: own });
    expect(mine.json.items).toEqual([expect.objectContaining({ id: draft.id, revision: 1, content: aCompleteContent() })]);
  });

  it('lets only the agency review and decide, and only coordinators write', async () => {
    await publish('LV-073', 5_000_000);
    const coord = await coordinatorOf('LV-073');
    const draft = await aDraft(coord);
    await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 1 } });
    expect((await call('POST', `/v1/applications/${draft.id}/review`, { token: coord })).status).toBe(403);
    expect((await call('GET', '/v1/review/applications', { token: coord })).status).toBe(403);
    expect((await call('GET', '/v1/reports/applications/progress', { token: coord })).status).toBe(403);
    const agency = await agencyToken();
    expect((await call('POST', '/v1/applications', { token: agency, body: { cohort: 1 } })).status).toBe(403);
    expect((await call('POST', `/v1/applications/${draft.id}/approve`, { token: agency, body: { approvedAmountCents: 100 } })).status).toBe(409);
  });

  it('answers 401 without a token and 404 for an unknown application', async () => {
    expect((await call('GET', '/v1/applications/00000000-0000-4000-8000-000000000000')).status).toBe(401);
    const agency = await agencyToken();
    expect((await call('GET', '/v1/applications/00000000-0000-4000-8000-000000000000', { token: agency })).status).toBe(404);
  });
});

describe('drafts under concurrency and illegal transitions', () => {
  it('lets one of five concurrent saves on the same revision win; the rest get 409 and the winner’s content stays', async () => {
    const coord = await coordinatorOf('LV-087');
    const draft = await aDraft(coord, { title: 'Sākums' });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      call('PUT', `/v1/applications/${draft.id}/draft`, { token: coord, body: { expectedRevision: 1, content: { title: `Labojums ${i}` } } })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.json).toMatchObject({ type: '/problems/conflict', status: 409 });
    const stored = await call('GET', `/v1/applications/${draft.id}`, { token: coord });
    expect(stored.json).toMatchObject({ revision: 2, content: winner.json.content });
  });

  it('refuses a second submit and a save after submit with 409', async () => {
    await publish('LV-089', 2_000_000);
    const coord = await coordinatorOf('LV-089');
    const draft = await aDraft(coord);
    expect((await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 1 } })).status).toBe(200);
    expect((await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 2 } })).status).toBe(409);
    const save = await call('PUT', `/v1/applications/${draft.id}/draft`, { token: coord, body: { expectedRevision: 2, content: {} } });
    expect(save.status).toBe(409);
    expect((await call('GET', `/v1/applications/${draft.id}/versions`, { token: coord })).json.items).toHaveLength(1);
  });
});

describe('submit rules through the gateway', () => {
  it('refuses activities after 2026-04-30 and a total above the published allocation, naming each field', async () => {
    await publish('LV-094', 1_000_000);
    const coord = await coordinatorOf('LV-094');
    const draft = await aDraft(coord, aCompleteContent({ activities: [{ title: 'Noslēguma pasākums', startDate: '2026-04-01', endDate: '2026-05-15' }] }));
    const res = await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 1 } });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([
      { field: 'activities.0.endDate', rule: 'application.activity-after-project-end', message: 'Projekts beidzas 2026-04-30: pēc tam nevar notikt neviena aktivitāte' },
      { field: 'requestedTotalCents', rule: 'application.exceeds-allocation', message: 'Pieprasītā summa pārsniedz pašvaldībai piešķirto 10000.00 EUR' },
    ]);
    expect((await call('GET', `/v1/applications/${draft.id}`, { token: coord })).json).toMatchObject({ status: 'draft', latestVersion: 0 });
  });

  it('refuses to submit while no allocation is published for the municipality', async () => {
    // e2e files share one table: the allocations suite may already have published a line for every municipality
    await doc.send(new DeleteCommand({ TableName: inject('e2eTableName'), Key: keys.publishedAllocation('LV-097') }));
    const coord = await coordinatorOf('LV-097');
    const draft = await aDraft(coord);
    const res = await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 1 } });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([expect.objectContaining({ field: 'requestedTotalCents', rule: 'application.no-published-allocation' })]);
  });

  it('refuses malformed drafts with 400 listing every field', async () => {
    const coord = await coordinatorOf('LV-099');
    const res = await call('POST', '/v1/applications', { token: coord, body: { cohort: 3, content: { budgetLines: [{ category: 'yachts', description: 'x', amountCents: 10.5 }], colour: 'red' } } });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.cohort', 'body.content.budgetLines.0.amountCents', 'body.content.budgetLines.0.category', 'body.content.colour',
    ]);
  });
});

describe('the published allocation is the ceiling of the municipality (issue 9, item 2)', () => {
  const requesting = (cents: number) => aCompleteContent({ budgetLines: [{ category: 'digital-equipment', description: 'Aprīkojums', amountCents: cents }], requestedTotalCents: cents });

  it('refuses at submit a second application that would take the municipality past its allocation, naming the headroom', async () => {
    await publish('LV-042', 9_941_462); // EUR 99,414.62
    const coord = await coordinatorOf('LV-042');
    const agency = await agencyToken();
    const first = await aDraft(coord, requesting(5_964_878));
    expect((await call('POST', `/v1/applications/${first.id}/submit`, { token: coord, body: { expectedRevision: 1 } })).status).toBe(200);
    await call('POST', `/v1/applications/${first.id}/review`, { token: agency });
    const approved = await call('POST', `/v1/applications/${first.id}/approve`, { token: agency, body: { approvedAmountCents: 5_964_878 } });
    expect(approved.json).toMatchObject({ status: 'approved' });

    const second = await aDraft(coord, requesting(8_947_316)); // EUR 89,473.16: within the allocation alone, 150 % with the first
    const res = await call('POST', `/v1/applications/${second.id}/submit`, { token: coord, body: { expectedRevision: 1 }, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 422, rule: 'application.not-submittable' });
    expect(res.json.errors).toEqual([{
      field: 'requestedTotalCents', rule: 'application.exceeds-headroom',
      message: "The requested total (EUR 89473.16) exceeds the municipality's remaining headroom of EUR 39765.84: of its allocation of EUR 99414.62, EUR 59648.78 is approved and EUR 0.00 pending",
    }]);
    const lv = await call('POST', `/v1/applications/${second.id}/submit`, { token: coord, body: { expectedRevision: 1 } });
    expect(lv.json.errors[0].message).toContain('atlikušo finansējumu 39765.84 EUR');
    expect((await call('GET', `/v1/applications/${second.id}`, { token: coord })).json).toMatchObject({ status: 'draft', revision: 1, latestVersion: 0 });

    const summary = await call('GET', '/v1/reports/applications/municipalities', { token: agency });
    expect(summary.json.items).toContainEqual({
      municipality: 'LV-042', name: 'Jēkabpils novads', allocationCents: 9_941_462, requestedCents: 5_964_878,
      approvedCents: 5_964_878, pendingCents: 0, headroomCents: 3_976_584, applications: 1,
    });
  });
});

describe('attachments through pre-signed URLs (local file store)', () => {
  const pdf = Buffer.from('%PDF-1.7\n' + 'x'.repeat(991));

  it('uploads a signed document through a short-lived URL bound to its type and size, then downloads it', async () => {
    const coord = await coordinatorOf('LV-101');
    const draft = await aDraft(coord);
    const asked = await call('POST', `/v1/applications/${draft.id}/attachments`, {
      token: coord, body: { kind: 'application-form', filename: 'pieteikums-parakstīts.pdf', contentType: 'application/pdf', sizeBytes: pdf.length },
    });
    expect(asked.status).toBe(201);
    const { attachment, upload } = asked.json;
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf', 'content-length': String(pdf.length) } });
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);

    const wrongType = await fetch(upload.url, { method: 'PUT', headers: { 'content-type': 'application/zip' }, body: pdf });
    expect(wrongType.status).toBe(400);
    const wrongSize = await fetch(upload.url, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: Buffer.concat([pdf, Buffer.from('extra')]) });
    expect(wrongSize.status).toBe(400);
    const forged = await fetch(upload.url.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')), { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdf });
    expect(forged.status).toBe(403);
    const before = await call('GET', `/v1/applications/${draft.id}/attachments`, { token: coord });
    expect(before.json.items).toEqual([expect.objectContaining({ id: attachment.id, uploaded: false })]);
    expect((await call('GET', `/v1/applications/${draft.id}/attachments/${attachment.id}`, { token: coord })).status).toBe(409);

    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: pdf });
    expect(put.status).toBe(200);
    const after = await call('GET', `/v1/applications/${draft.id}/attachments`, { token: await agencyToken() });
    expect(after.json.items).toEqual([expect.objectContaining({ id: attachment.id, filename: 'pieteikums-parakstīts.pdf', uploaded: true })]);

    const link = await call('GET', `/v1/applications/${draft.id}/attachments/${attachment.id}`, { token: coord });
    expect(link.status).toBe(200);
    const download = await fetch(link.json.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    expect((await fetch(link.json.url, { method: 'PUT', body: 'x' })).status).toBe(403); // a download grant never uploads

    // the submitted version records the uploaded file, so its hash covers it; no attachment changes after submit
    await publish('LV-101', 2_000_000);
    const receipt = await call('POST', `/v1/applications/${draft.id}/submit`, { token: coord, body: { expectedRevision: 1 } });
    expect(receipt.status).toBe(200);
    const v1 = await call('GET', `/v1/applications/${draft.id}/versions/1`, { token: coord });
    expect(v1.json.frozen.attachments).toEqual([{ id: attachment.id, kind: 'application-form', filename: 'pieteikums-parakstīts.pdf', contentType: 'application/pdf', sizeBytes: pdf.length }]);
    expect(sha256Hex(v1.json.frozen)).toBe(receipt.json.sha256);
    const late = await call('POST', `/v1/applications/${draft.id}/attachments`, { token: coord, body: { kind: 'other', filename: 'vēl.pdf', contentType: 'application/pdf', sizeBytes: 10 } });
    expect(late.status).toBe(409);
  });

  it('refuses disallowed types, files over 20 MB, mismatched extensions and other municipalities', async () => {
    const coord = await coordinatorOf('LV-102');
    const draft = await aDraft(coord);
    const ask = (body: unknown, token = coord) => call('POST', `/v1/applications/${draft.id}/attachments`, { token, body });
    const bad = await ask({ kind: 'other', filename: 'a.exe', contentType: 'application/x-msdownload', sizeBytes: 21 * 1024 * 1024 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.contentType', 'body.sizeBytes']);
    const edoc = await ask({ kind: 'budget-estimate', filename: 'tame.edoc', contentType: 'application/vnd.etsi.asic-e+zip', sizeBytes: 20 * 1024 * 1024 });
    expect(edoc.status).toBe(201);
    const mismatch = await ask({ kind: 'budget-estimate', filename: 'tame.pdf', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 10 });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.rule).toBe('attachment.extension-mismatch');
    const other = await ask({ kind: 'other', filename: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10 }, await coordinatorOf('LV-RIX'));
    expect(other.status).toBe(403);
  });
});
