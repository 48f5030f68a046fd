import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../lib/data/client.js';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoMunicipalityRepository } from '../../../lib/data/municipality-repository.js';
import { MUNICIPALITIES } from '../../../lib/domain/municipalities/registry.js';
import { seedReferenceData } from '../../../lib/local/seed.js';
import { suiteTable } from '../../support/dynamo.js';

describe('DynamoMunicipalityRepository on DynamoDB Local', () => {
  let t: Awaited<ReturnType<typeof suiteTable>>;
  let repo: DynamoMunicipalityRepository;

  beforeAll(async () => {
    t = await suiteTable('it-muni');
    repo = new DynamoMunicipalityRepository(t.doc, t.table);
    await seedReferenceData({ municipalities: repo });
  });
  afterAll(() => t.drop());

  it('lists all 43 municipalities through the byCollection index, ordered by code', async () => {
    const list = await repo.list();
    expect(list).toHaveLength(43);
    expect(list.map((m) => m.code)).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
  });

  it('reads one municipality back exactly as seeded, and nothing for an unknown code', async () => {
    expect(await repo.get('LV-102')).toEqual(MUNICIPALITIES.find((m) => m.code === 'LV-102'));
    expect(await repo.get('LV-999')).toBeUndefined();
  });

  it('seeds idempotently and keeps the youth contact when the registry is seeded again', async () => {
    await repo.putYouthContact('LV-042', { name: 'Anna Ozola', email: 'anna@example.lv', updatedAt: '2026-01-02T10:00:00.000Z', updatedBy: 'c-1' });
    await seedReferenceData({ municipalities: repo });
    const { Items = [] } = await t.doc.send(new ScanCommand({ TableName: t.table }));
    expect(Items.filter((i) => i.entityType === 'Municipality')).toHaveLength(43);
    expect(await repo.getYouthContact('LV-042')).toMatchObject({ name: 'Anna Ozola', updatedBy: 'c-1' });
  });

  it('gives every item its entityType', async () => {
    const { Items = [] } = await t.doc.send(new ScanCommand({ TableName: t.table }));
    expect(Items.every((i) => typeof i.entityType === 'string')).toBe(true);
  });
});

describe('DynamoMunicipalityRepository under throttling (fault injection)', () => {
  it('retries the items a throttled batch write left unprocessed until all are written', async () => {
    const doc = createDocumentClient(new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
    const mock = mockClient(doc);
    let calls = 0;
    const written: string[] = [];
    mock.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, { PutRequest: { Item: { code: string } } }[]> }) => {
      calls++;
      const requests = input.RequestItems.t!;
      // the first call of each batch keeps back its last two items, like a throttled partition
      const keep = calls % 2 === 1 ? requests.slice(-2) : [];
      for (const r of requests.slice(0, requests.length - keep.length)) written.push(r.PutRequest.Item.code);
      return { UnprocessedItems: keep.length ? { t: keep } : {} };
    });
    await new DynamoMunicipalityRepository(doc, 't').putAll(MUNICIPALITIES);
    expect(written.sort()).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
    expect(calls).toBe(4); // two batches (25 + 18), each retried once
    mock.restore();
  });
});
