// Applications too large for one table item are refused with a 422 naming the field, never a 500, and nothing is stored.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { aCompleteContent, publishAllocation } from '../support/applications.js';
import { call, tokenFor } from '../support/http.js';

const MUNICIPALITY = 'LV-113';
let doc: DynamoDBDocumentClient;
beforeAll(() => { doc = createDocumentClient(localClient(inject('e2eDynamoEndpoint'))); });
afterAll(() => doc.destroy());

// Each field is within its own schema limit; together they pass DynamoDB's 400 KB item limit (2 bytes per 'ā').
const hugeActivities = () => Array.from({ length: 100 }, (_, i) => ({
  title: `Aktivitāte ${i}`, description: 'ā'.repeat(4000), startDate: '2025-09-01', endDate: '2025-10-01',
}));
const coordinator = () => tokenFor({ role: 'coordinator', sub: `c-${MUNICIPALITY}-big`, municipality: MUNICIPALITY });
const agency = () => tokenFor({ role: 'agency', sub: 'jspa-big' });

async function underReview() {
  await publishAllocation(doc, inject('e2eTableName'), MUNICIPALITY, 5_000_000, 'run-e2e-big');
  const coord = await coordinator();
  const created = await call('POST', '/v1/applications', { token: coord, body: { cohort: 1, content: aCompleteContent() } });
  expect(created.status, created.text).toBe(201);
  const submitted = await call('POST', `/v1/applications/${created.json.id}/submit`, { token: coord, body: { expectedRevision: 1 } });
  expect(submitted.status, submitted.text).toBe(200);
  const review = await call('POST', `/v1/applications/${created.json.id}/review`, { token: await agency() });
  expect(review.status, review.text).toBe(200);
  return { id: created.json.id as string, revision: review.json.revision as number };
}

describe('applications larger than one table item', () => {
  it('refuses a new draft whose content would not fit, with 422 application.too-large', async () => {
    const res = await call('POST', '/v1/applications', { token: await coordinator(), body: { cohort: 1, content: { activities: hugeActivities() } } });
    expect(res.status, res.text).toBe(422);
    expect(res.json).toMatchObject({ rule: 'application.too-large' });
  });

  it('refuses a draft save that would not fit and keeps the stored draft as it was', async () => {
    const coord = await coordinator();
    const draft = await call('POST', '/v1/applications', { token: coord, body: { cohort: 1, content: { title: 'Mazs' } } });
    const res = await call('PUT', `/v1/applications/${draft.json.id}/draft`, { token: coord, body: { expectedRevision: 1, content: { activities: hugeActivities() } } });
    expect(res.status, res.text).toBe(422);
    expect(res.json).toMatchObject({ rule: 'application.too-large' });
    const stored = await call('GET', `/v1/applications/${draft.json.id}`, { token: coord });
    expect(stored.json).toMatchObject({ revision: 1, content: { title: 'Mazs' } });
  });

  it('refuses a return whose comments would not fit, and the application stays under review', async () => {
    const { id, revision } = await underReview();
    const comments = Array.from({ length: 200 }, () => ({ field: 'summary', comment: '€'.repeat(2000) }));
    const res = await call('POST', `/v1/applications/${id}/return`, { token: await agency(), body: { comments } });
    expect(res.status, res.text).toBe(422);
    expect(res.json).toMatchObject({ rule: 'application.too-large' });
    const stored = await call('GET', `/v1/applications/${id}`, { token: await agency() });
    expect(stored.json).toMatchObject({ status: 'under_review', revision });
  });

  it('refuses a rejection whose reasons would not fit, and the application stays under review', async () => {
    const { id, revision } = await underReview();
    const reasons = Array.from({ length: 50 }, () => '€'.repeat(2000));
    const res = await call('POST', `/v1/applications/${id}/reject`, { token: await agency(), body: { reasons } });
    expect(res.status, res.text).toBe(422);
    const stored = await call('GET', `/v1/applications/${id}`, { token: await agency() });
    expect(stored.json).toMatchObject({ status: 'under_review', revision });
  });
});
