import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAllocationRepository } from '../../../lib/data/allocation-repository.js';
import { createDocumentClient } from '../../../lib/data/client.js';
import { keys } from '../../../lib/data/keys.js';
import type { AllocationRun } from '../../../lib/domain/allocation/types.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { HeadcountDataset } from '../../../lib/domain/headcounts/types.js';
import { suiteTable } from '../../support/dynamo.js';

const explanation = { baseCents: 0, proportionalShare: '0', unadjustedCents: '0.0000', adjustment: null, adjustmentCents: '0', exactCents: '0', roundingCent: 0 as const, eurosPerYouth: null };

/** A draft run over the given municipalities, each line worth `amount(code)` cents. */
function aRun(codes: string[], amount: (code: string, i: number) => number = (_c, i) => 1000 + i): AllocationRun {
  const lines = codes.map((code, i) => ({ code, name: `Pašvaldība ${code}`, cohort: null, youth: 10 + i, amountCents: amount(code, i), explanation }));
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  return {
    id: randomUUID(), status: 'draft', datasetId: randomUUID(), sourceTable: 'IRD041', referenceDate: '2025-01-01',
    parameters: { budgetCents: total, reserveCents: 0, baseCents: 0, floorCents: null, capCents: null, participants: codes, cohort1: [], cohort2: [] },
    note: null, distributableCents: total, totalYouth: lines.reduce((s, l) => s + l.youth, 0), rounds: 1, lines,
    createdAt: '2026-01-10T10:00:00.000Z', createdBy: 'jspa-1', publishedAt: null, publishedBy: null,
  };
}

describe('DynamoAllocationRepository on DynamoDB Local', () => {
  let t: Awaited<ReturnType<typeof suiteTable>>;
  let repo: DynamoAllocationRepository;

  beforeAll(async () => {
    t = await suiteTable('it-alloc');
    repo = new DynamoAllocationRepository(t.doc, t.table);
  });
  afterAll(() => t.drop());

  it('stores a head-count dataset with its provenance and reads it back', async () => {
    const dataset: HeadcountDataset = {
      id: randomUUID(),
      provenance: {
        sourceTable: 'IRD041', referenceYear: 2025, referenceDate: '2025-01-01', retrievedOn: '2026-01-05', format: 'json-stat2',
        fileSha256: 'a'.repeat(64), importedBy: 'jspa-1', importedAt: '2026-01-05T09:00:00.000Z',
      },
      totalYouth: 30,
      lines: [{ code: 'LV-042', name: 'Jēkabpils novads', youth: 30, sourceCode: 'LV0031000' }],
    };
    await repo.putDataset(dataset);
    expect(await repo.getDataset(dataset.id)).toEqual(dataset);
    expect(await repo.getDataset(randomUUID())).toBeUndefined();
  });

  it('stores a draft run once and refuses to overwrite it', async () => {
    const run = aRun(['LV-042', 'LV-RIX']);
    await repo.putRun(run);
    expect(await repo.getRun(run.id)).toEqual(run);
    await expect(repo.putRun({ ...run, note: 'changed' })).rejects.toBeInstanceOf(ConflictError);
    expect((await repo.getRun(run.id))!.note).toBeNull();
  });

  it('publishes: run marked published and one line per municipality with code, amountCents, runId, publishedAt', async () => {
    const run = aRun(['LV-042', 'LV-RIX', 'LV-068']);
    await repo.putRun(run);
    const published = await repo.publish(run, '2026-02-01T12:00:00.000Z', 'jspa-1');
    expect(published).toMatchObject({ status: 'published', publishedAt: '2026-02-01T12:00:00.000Z', publishedBy: 'jspa-1' });
    expect(await repo.getRun(run.id)).toEqual(published);
    const { Item } = await t.doc.send(new GetCommand({ TableName: t.table, Key: keys.publishedAllocation('LV-RIX') }));
    expect(Item).toMatchObject({ entityType: 'PublishedAllocation', code: 'LV-RIX', amountCents: 1001, runId: run.id, publishedAt: '2026-02-01T12:00:00.000Z' });
    expect((await repo.currentLines()).map((l) => l.code)).toEqual(['LV-042', 'LV-068', 'LV-RIX']);
  });

  it('keeps a published run immutable: publishing it again is a conflict and changes nothing', async () => {
    const run = aRun(['LV-042']);
    await repo.putRun(run);
    const published = await repo.publish(run, '2026-02-02T12:00:00.000Z', 'jspa-1');
    await expect(repo.publish(run, '2026-02-03T12:00:00.000Z', 'jspa-2')).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.getRun(run.id)).toEqual(published);
  });

  it('removes the lines of municipalities absent from the newly published run', async () => {
    const first = aRun(['LV-042', 'LV-RIX', 'LV-102']);
    await repo.putRun(first);
    await repo.publish(first, '2026-03-01T12:00:00.000Z', 'jspa-1');
    const second = aRun(['LV-042', 'LV-059'], () => 5000);
    await repo.putRun(second);
    await repo.publish(second, '2026-03-02T12:00:00.000Z', 'jspa-1');
    const lines = await repo.currentLines();
    expect(lines.map((l) => [l.code, l.amountCents, l.runId])).toEqual([['LV-042', 5000, second.id], ['LV-059', 5000, second.id]]);
    expect(await repo.currentLine('LV-102')).toBeUndefined();
  });

  it('lets exactly one of two concurrent publications win, never mixing their lines', async () => {
    const a = aRun(['LV-042', 'LV-RIX', 'LV-011'], () => 111);
    const b = aRun(['LV-042', 'LV-DGV'], () => 222);
    await repo.putRun(a);
    await repo.putRun(b);
    // both publications read the current state before either writes: the worst interleaving, made certain
    let reads = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((resolve) => { release = resolve; });
    const gated = {
      send: async (command: Parameters<typeof t.doc.send>[0]) => {
        if (command instanceof TransactWriteCommand) await bothRead;
        const out = await t.doc.send(command);
        if (command instanceof QueryCommand && ++reads === 2) release();
        return out;
      },
    } as unknown as DynamoDBDocumentClient;
    const racing = new DynamoAllocationRepository(gated, t.table);
    const results = await Promise.allSettled([racing.publish(a, '2026-04-01T12:00:00.000Z', 'x'), racing.publish(b, '2026-04-01T12:00:00.000Z', 'y')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    const winner = results[0]!.status === 'fulfilled' ? a : b;
    const loser = winner === a ? b : a;
    expect((await repo.getRun(loser.id))!.status).toBe('draft');
    const lines = await repo.currentLines();
    expect(lines.map((l) => l.code).sort()).toEqual(winner.lines.map((l) => l.code).sort());
    expect(new Set(lines.map((l) => l.runId))).toEqual(new Set([winner.id]));
  });

  it('lists runs and datasets newest first, without their lines', async () => {
    const older = { ...aRun(['LV-042']), createdAt: '2026-05-01T10:00:00.000Z' };
    const newer = { ...aRun(['LV-042', 'LV-RIX']), createdAt: '2026-05-02T10:00:00.000Z', note: 'otrais' };
    await repo.putRun(older);
    await repo.putRun(newer);
    const [first, second] = await repo.listRuns(2);
    expect(first).toEqual({
      id: newer.id, status: 'draft', datasetId: newer.datasetId, referenceDate: '2025-01-01', note: 'otrais', distributableCents: 2001,
      totalYouth: 21, createdAt: '2026-05-02T10:00:00.000Z', createdBy: 'jspa-1', publishedAt: null, municipalities: 2,
      parameters: { budgetCents: 2001, reserveCents: 0, baseCents: 0, floorCents: null, capCents: null },
    });
    expect(second!.id).toBe(older.id);
    const datasets = await repo.listDatasets(10);
    expect(datasets[0]).toMatchObject({ municipalities: 1, totalYouth: 30, provenance: { sourceTable: 'IRD041' } });
    expect(datasets[0]).not.toHaveProperty('lines');
  });

  it('gives every item its entityType', async () => {
    const { Items = [] } = await t.doc.send(new ScanCommand({ TableName: t.table }));
    expect(Items.every((i) => typeof i.entityType === 'string')).toBe(true);
  });
});

describe('DynamoAllocationRepository when the transaction is cancelled (fault injection)', () => {
  it('turns a cancelled publication into a ConflictError', async () => {
    const doc = createDocumentClient(new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
    const mock = mockClient(doc);
    mock.on(GetCommand).resolves({});
    mock.onAnyCommand().resolves({ Items: [] });
    const cancelled = Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }] });
    mock.on(TransactWriteCommand).rejects(cancelled);
    await expect(new DynamoAllocationRepository(doc, 't').publish(aRun(['LV-042']), '2026-01-01T00:00:00.000Z', 'x')).rejects.toBeInstanceOf(ConflictError);
    mock.restore();
  });
});
