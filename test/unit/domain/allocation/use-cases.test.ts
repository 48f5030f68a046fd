import { describe, expect, it } from 'vitest';
import type { AllocationRepository, HeadcountRepository } from '../../../../lib/domain/allocation/ports.js';
import { createRunSchema, type AllocationRun, type PublishedLine } from '../../../../lib/domain/allocation/types.js';
import { createAllocationRun } from '../../../../lib/domain/allocation/use-cases/create-allocation-run.js';
import { compareAllocationRuns } from '../../../../lib/domain/allocation/use-cases/get-allocation-run.js';
import { getCurrentAllocation } from '../../../../lib/domain/allocation/use-cases/get-current-allocation.js';
import { listAllocationRuns, listHeadcountDatasets } from '../../../../lib/domain/allocation/use-cases/list-allocation-runs.js';
import { publishAllocationRun } from '../../../../lib/domain/allocation/use-cases/publish-allocation-run.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation, ValidationError } from '../../../../lib/domain/errors.js';
import type { HeadcountDataset } from '../../../../lib/domain/headcounts/types.js';
import { importHeadcounts, importHeadcountsSchema } from '../../../../lib/domain/headcounts/use-cases/import-headcounts.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import { MUNICIPALITIES } from '../../../../lib/domain/municipalities/registry.js';

/** In-memory storage with the same contract as the DynamoDB adapter (drafts never overwritten, publish once). */
class Memory implements AllocationRepository, HeadcountRepository {
  datasets = new Map<string, HeadcountDataset>();
  runs = new Map<string, AllocationRun>();
  lines = new Map<string, PublishedLine>();
  async putDataset(d: HeadcountDataset) { this.datasets.set(d.id, structuredClone(d)); }
  async getDataset(id: string) { return structuredClone(this.datasets.get(id)); }
  async listDatasets(limit: number) {
    return [...this.datasets.values()].reverse().slice(0, limit).map(({ lines, ...d }) => ({ ...d, municipalities: lines.length }));
  }
  async listRuns(limit: number) {
    return [...this.runs.values()].reverse().slice(0, limit).map(({ lines, sourceTable: _t, rounds: _r, publishedBy: _b, parameters: { participants: _p, cohort1: _c1, cohort2: _c2, ...parameters }, ...r }) => ({ ...r, parameters, municipalities: lines.length }));
  }
  async putRun(run: AllocationRun) {
    if (this.runs.has(run.id)) throw new ConflictError('exists');
    this.runs.set(run.id, structuredClone(run));
  }
  async getRun(id: string) { return structuredClone(this.runs.get(id)); }
  async publish(run: AllocationRun, publishedAt: string, publishedBy: string) {
    if (this.runs.get(run.id)?.status !== 'draft') throw new ConflictError('published');
    const published = { ...run, status: 'published' as const, publishedAt, publishedBy };
    this.runs.set(run.id, published);
    this.lines = new Map(run.lines.map((l) => [l.code, { code: l.code, name: l.name, amountCents: l.amountCents, runId: run.id, publishedAt }]));
    return published;
  }
  async currentLines() { return [...this.lines.values()]; }
  async currentLine(code: string) { return this.lines.get(code); }
}

const user = (role: User['role'], municipality: string | null = null): User => ({ sub: `${role}-1`, role, municipality, institution: null, email: null, name: null });
const agency = user('agency');
const clock = { now: () => new Date('2026-02-01T10:00:00.000Z') };
const simpleCsv = (year: number) => `code,name,youth\n${MUNICIPALITIES.filter((m) => year < 2026 || m.code !== 'LV-102').map((m, i) => `${m.code},${m.name},${1000 + i * 10}`).join('\n')}`;

async function setup() {
  const mem = new Memory();
  const deps = { headcounts: mem, allocations: mem, clock };
  const dataset = await importHeadcounts(deps, agency, importHeadcountsSchema.parse({ format: 'csv-simple', referenceYear: 2025, content: simpleCsv(2025), retrievedOn: '2026-01-20' }));
  const run = (body: object) => createAllocationRun(deps, agency, createRunSchema.parse({ datasetId: dataset.id, ...body }));
  return { mem, deps, dataset, run };
}

describe('importHeadcounts', () => {
  it('stores the dataset with provenance: table, reference date, retrieval date, SHA-256 and importer', async () => {
    const { mem, dataset } = await setup();
    expect(dataset.provenance).toEqual({
      sourceTable: 'IRD041', referenceYear: 2025, referenceDate: '2025-01-01', retrievedOn: '2026-01-20', format: 'csv-simple',
      fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/), importedBy: 'agency-1', importedAt: '2026-02-01T10:00:00.000Z',
    });
    expect(mem.datasets.size).toBe(1);
  });

  it('stores nothing from a refused file, and nothing for a coordinator', async () => {
    const { mem, deps } = await setup();
    const bad = importHeadcountsSchema.parse({ format: 'csv-simple', referenceYear: 2025, content: 'code,name,youth\nLV-042,x,-1', retrievedOn: '2026-01-20' });
    await expect(importHeadcounts(deps, agency, bad)).rejects.toBeInstanceOf(ValidationError);
    await expect(importHeadcounts(deps, user('coordinator', 'LV-042'), bad)).rejects.toBeInstanceOf(ForbiddenError);
    expect(mem.datasets.size).toBe(1);
  });

  it('refuses a file retrieved after today in Riga and stores nothing', async () => {
    const { mem, deps } = await setup();
    const request = (retrievedOn: string) => importHeadcountsSchema.parse({ format: 'csv-simple', referenceYear: 2025, content: simpleCsv(2025), retrievedOn });
    await expect(importHeadcounts(deps, agency, request('2026-02-02'))).rejects.toMatchObject({ issues: [{ field: 'body.retrievedOn', rule: 'headcounts.retrieved-in-future' }] });
    expect(mem.datasets.size).toBe(1);
    await importHeadcounts(deps, agency, request('2026-02-01'));
    expect(mem.datasets.size).toBe(2);
  });
});

describe('createAllocationRun', () => {
  it('defaults to the full budget and every municipality valid on the reference date, storing every parameter', async () => {
    const { run, mem } = await setup();
    const r = await run({});
    expect(r.parameters).toMatchObject({ budgetCents: 359_000_000, reserveCents: 0, baseCents: 0, floorCents: null, capCents: null, cohort1: [], cohort2: [] });
    expect(r.parameters.participants).toHaveLength(43);
    expect(r.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(359_000_000);
    expect(mem.runs.get(r.id)).toEqual(r);
  });

  it('takes an explicit participant list with cohort tags', async () => {
    const { run } = await setup();
    const r = await run({ participants: ['LV-042', 'LV-067', 'LV-RIX'], cohort1: ['LV-042'], cohort2: ['LV-RIX'] });
    expect(r.lines.map((l) => [l.code, l.cohort])).toEqual([['LV-042', 1], ['LV-067', null], ['LV-RIX', 2]]);
  });

  it.each([
    { name: 'a cohort member who does not take part', body: { participants: ['LV-042'], cohort1: ['LV-067'] }, error: ValidationError },
    { name: 'a municipality in both cohorts', body: { cohort1: ['LV-042'], cohort2: ['LV-042'] }, error: ValidationError },
    { name: 'an unknown participant', body: { participants: ['LV-999'] }, error: ValidationError },
    { name: 'a base above the budget', body: { baseCents: 10_000_000 }, error: RuleViolation },
    { name: 'a floor above the cap', body: { floorCents: 9_000_000, capCents: 8_000_000 }, error: RuleViolation },
  ])('refuses $name and stores nothing', async ({ body, error }) => {
    const { run, mem } = await setup();
    await expect(run(body)).rejects.toBeInstanceOf(error);
    expect(mem.runs.size).toBe(0);
  });

  it('refuses participants the dataset has no head-count for', async () => {
    const { mem, deps } = await setup();
    const partial = await importHeadcounts(deps, agency, importHeadcountsSchema.parse({
      format: 'csv-simple', referenceYear: 2025, content: 'code,name,youth\nLV-042,x,10', retrievedOn: '2026-01-20', cohort: ['LV-042'],
    }));
    const err = await createAllocationRun(deps, agency, createRunSchema.parse({ datasetId: partial.id })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuleViolation);
    expect((err as RuleViolation).ruleId).toBe('allocation.missing-headcount');
    expect(mem.runs.size).toBe(0);
  });

  it('answers not-found for an unknown dataset and forbidden for a coordinator', async () => {
    const { deps } = await setup();
    await expect(createAllocationRun(deps, agency, createRunSchema.parse({ datasetId: '00000000-0000-4000-8000-000000000000' }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createAllocationRun(deps, user('coordinator', 'LV-042'), createRunSchema.parse({ datasetId: '00000000-0000-4000-8000-000000000000' }))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('publishing and the current allocation', () => {
  it('publishes once, then shows the agency every line and a coordinator only their own', async () => {
    const { run, deps } = await setup();
    const r = await run({ participants: ['LV-042', 'LV-RIX'] });
    const published = await publishAllocationRun(deps, agency, r.id);
    expect(published).toMatchObject({ status: 'published', publishedAt: '2026-02-01T10:00:00.000Z', publishedBy: 'agency-1' });
    await expect(publishAllocationRun(deps, agency, r.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await getCurrentAllocation(deps, agency)).items.map((l) => l.code)).toEqual(['LV-042', 'LV-RIX']);
    const own = await getCurrentAllocation(deps, user('coordinator', 'LV-042'));
    expect(own).toEqual({ runId: r.id, publishedAt: '2026-02-01T10:00:00.000Z', items: [expect.objectContaining({ code: 'LV-042' })] });
    await expect(getCurrentAllocation(deps, user('coordinator', 'LV-042'), 'LV-RIX')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCurrentAllocation(deps, user('supervisor', 'LV-042'))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getCurrentAllocation(deps, user('coordinator', 'LV-068'))).items).toEqual([]);
    await expect(getCurrentAllocation(deps, agency, 'LV-999')).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCurrentAllocation(deps, agency, 'LV-068')).items).toEqual([]);
  });

  it('compares two runs, counting a line missing from one as zero', async () => {
    const { run, deps } = await setup();
    const a = await run({ participants: ['LV-042', 'LV-RIX'] });
    const b = await run({ participants: ['LV-042'] });
    const c = await compareAllocationRuns(deps, agency, a.id, b.id);
    expect(c.totalCents).toEqual({ run: 359_000_000, other: 359_000_000, difference: 0 });
    const rix = c.lines.find((l) => l.code === 'LV-RIX')!;
    expect(rix.amountCents.other).toBeNull();
    expect(rix.differenceCents).toBe(-rix.amountCents.run!);
  });
});

describe('listing', () => {
  it('lists runs and datasets for the agency, newest first, and refuses a coordinator', async () => {
    const { run, deps } = await setup();
    const a = await run({});
    const b = await run({ baseCents: 1000 });
    expect((await listAllocationRuns(deps, agency, 10)).items.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await listHeadcountDatasets(deps, agency, 10)).items).toEqual([expect.objectContaining({ municipalities: 43 })]);
    await expect(listAllocationRuns(deps, user('coordinator', 'LV-042'), 10)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listHeadcountDatasets(deps, user('coordinator', 'LV-042'), 10)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
