// Application figures: p50/p99 of a draft save and of a submit through the local gateway vs the same DynamoDB calls raw.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient } from '../lib/data/admin.js';
import { createDocumentClient } from '../lib/data/client.js';
import { ENTITY, keys } from '../lib/data/keys.js';
import { signToken } from '../lib/local/identity-provider.js';
import { startLocalStack } from '../lib/local/stack.js';
import { CallRecorder, comparisonRows, gatewayVsRaw } from './replay.js';
import { FULL, printTable, type BenchOptions } from './stats.js';

const content = (i: number) => ({
  title: `Digitālais jaunatnes darbs ${i}`,
  summary: 'Jaunatnes darbinieki apgūst digitālā darba metodes.',
  objectives: ['Apmācīt komandu'],
  targetGroups: [{ description: 'Jaunieši', ageFrom: 13, ageTo: 25 }],
  activities: [{ title: 'Apmācības', startDate: '2024-04-01', endDate: '2026-04-30' }],
  expectedYoungPeople: 200,
  team: Array.from({ length: 6 }, (_, k) => ({ name: `Darbinieks ${k}`, position: 'jaunatnes darbinieks' })),
  budgetLines: [{ category: 'training', description: 'Mācības', amountCents: 1_000_000 }],
  requestedTotalCents: 1_000_000,
  councilDecision: { number: '1/2023', date: '2023-11-23' },
  contactPerson: { name: 'Anna Ozola', email: 'anna@example.lv' },
});

export async function benchApplications(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-apps-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench-apps', dynamo: options.dynamo });
  const doc = createDocumentClient(localClient(stack.dynamo.endpoint));
  try {
    const token = await signToken(stack.keys, { role: 'coordinator', sub: 'c-bench', municipality: 'LV-042' });
    // the allocation is the ceiling of the municipality: room for every bench submit (≤ 250 × EUR 10,000)
    await doc.send(new PutCommand({ TableName: stack.tableName, Item: { ...keys.publishedAllocation('LV-042'), entityType: ENTITY.publishedAllocation, code: 'LV-042', name: 'Jēkabpils novads', amountCents: 300_000_000, runId: 'bench', publishedAt: new Date().toISOString() } }));
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${stack.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json() as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    // draft saves: one application, each save names the revision the previous one produced
    const n = options.smoke ? 5 : 500;
    const draft = await api('POST', '/v1/applications', { cohort: 1 });
    let revision = draft.revision as number;
    let i = 0;
    const recorder = new CallRecorder(stack.runtime.db);
    const save = await gatewayVsRaw(recorder, doc, async () => {
      revision = (await api('PUT', `/v1/applications/${draft.id as string}/draft`, { expectedRevision: revision, content: content(i++) })).revision as number;
    }, n);

    // submits: each needs its own draft, created beforehand and outside the measurement
    const m = options.smoke ? 3 : 200;
    const ids: string[] = [];
    for (let k = 0; k < m + Math.min(50, m); k++) ids.push((await api('POST', '/v1/applications', { cohort: 1, content: content(k) })).id as string);
    let s = 0;
    const submit = await gatewayVsRaw(recorder, doc, async () => { await api('POST', `/v1/applications/${ids[s++]!}/submit`, { expectedRevision: 1 }); }, m);

    printTable(`Draft save and submit via gateway vs the same DynamoDB calls raw (sequential, DynamoDB Local; submit includes rules, SHA-256 and the .eml receipt)`, [
      ...comparisonRows(`PUT draft (${n})`, await save.measureRaw()),
      ...comparisonRows(`POST submit (${m})`, await submit.measureRaw()),
    ]);
  } finally {
    doc.destroy();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
