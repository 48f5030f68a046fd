// The 360Giving open-data export, validated against the official 360Giving 1.4.3 package schema (test/fixtures/360giving).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { aCompleteContent, publishAllocation } from '../support/applications.js';
import { call, tokenFor } from '../support/http.js';
import { ownGateway } from '../support/own-gateway.js';

const SCHEMAS = join(import.meta.dirname, '..', 'fixtures', '360giving');
/** The files name the 2020-12 meta-schema as http://…; Ajv knows it by its canonical $id https://… (same document). */
const schema = (file: string) => ({
  ...JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as Record<string, unknown>,
  $schema: 'https://json-schema.org/draft/2020-12/schema',
});

/**
 * The package schema with the grant schema it refers to by $id. Ajv's strict mode stays on for unknown keywords and
 * formats (the standard's own annotations are declared); its lint that `required` names only declared properties
 * is off, as the standard's `oneOf` branches list the grant's required fields without repeating their definitions.
 */
function packageValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  for (const keyword of ['codelist', 'openCodelist', 'rollUp']) ajv.addKeyword(keyword);
  ajv.addSchema(schema('360-giving-schema.json'));
  return ajv.compile(schema('360-giving-package-schema.json'));
}

const validate = packageValidator();
const errorsOf = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('the official 360Giving package schema', () => {
  it('refuses a package without grants (grants needs at least one item), so an empty export cannot be a package', () => {
    expect(validate({ grants: [] })).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '/grants', keyword: 'minItems' }));
  });
});

describe('GET /v1/grants/360giving.json before any grant is approved', () => {
  let gw: Awaited<ReturnType<typeof ownGateway>>;
  beforeAll(async () => { gw = await ownGateway('grants-empty'); });
  afterAll(() => gw.stop());

  it('answers 404 problem+json "nothing published yet" in Latvian, and in English on request', async () => {
    const lv = await gw.call('GET', '/v1/grants/360giving.json');
    expect(lv.status).toBe(404);
    expect(lv.headers.get('content-type')).toBe('application/problem+json');
    expect(lv.json).toMatchObject({ type: '/problems/not-found', status: 404, title: 'Nekas vēl nav publicēts' });
    const en = await gw.call('GET', '/v1/grants/360giving.json', { headers: { 'accept-language': 'en' } });
    expect(en.json).toMatchObject({ status: 404, title: 'Nothing published yet' });
  });
});

describe('GET /v1/grants/360giving.json after an approval', () => {
  let doc: DynamoDBDocumentClient;
  beforeAll(() => { doc = createDocumentClient(localClient(inject('e2eDynamoEndpoint'))); });
  afterAll(() => doc.destroy());

  it('publishes the approved grant in a package the official 360Giving schema accepts', async () => {
    await publishAllocation(doc, inject('e2eTableName'), 'LV-106', 2_000_000, 'run-e2e-360');
    const coord = await tokenFor({ role: 'coordinator', sub: 'c-LV-106', municipality: 'LV-106' });
    const agency = await tokenFor({ role: 'agency', sub: 'jspa-360' });
    const draft = await call('POST', '/v1/applications', { token: coord, body: { cohort: 1, content: aCompleteContent({ title: 'Ventspils novada digitālais jaunatnes darbs' }) } });
    expect(draft.status).toBe(201);
    const id = draft.json.id as string;
    expect((await call('POST', `/v1/applications/${id}/submit`, { token: coord, body: { expectedRevision: 1 } })).status).toBe(200);
    expect((await call('POST', `/v1/applications/${id}/review`, { token: agency })).status).toBe(200);
    expect((await call('POST', `/v1/applications/${id}/approve`, { token: agency, body: { approvedAmountCents: 1_250_050 } })).status).toBe(200);

    const res = await call('GET', '/v1/grants/360giving.json');
    expect(res.status).toBe(200);
    expect(validate(res.json), errorsOf().join('\n')).toBe(true);
    expect(res.json.grants).toContainEqual(expect.objectContaining({
      id: `360G-JSPA-${id}`, title: 'Ventspils novada digitālais jaunatnes darbs', currency: 'EUR', amountAwarded: 12500.5, amountAppliedFor: 15000,
      recipientOrganization: [{ id: '360G-JSPA-ORG-LV-106', name: expect.any(String) }],
      plannedDates: [{ startDate: '2024-04-01', endDate: '2026-04-30' }],
    }));
  });
});
