// Logbook figures: p50/p99 of hour submission and approval through the local gateway vs the same DynamoDB calls
// issued raw on the same DynamoDB Local (bench/replay.ts), and throughput with 16 concurrent clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient } from '../lib/data/admin.js';
import { createDocumentClient } from '../lib/data/client.js';
import { rigaDate } from '../lib/domain/clock.js';
import { signToken } from '../lib/local/identity-provider.js';
import { startLocalStack } from '../lib/local/stack.js';
import { CallRecorder, comparisonRows, gatewayVsRaw } from './replay.js';
import { FULL, printTable, type BenchOptions } from './stats.js';

const M = 'LV-042';
const daysAgo = (n: number) => rigaDate(new Date(Date.now() - n * 86_400_000));
const birthDate = `${Number(daysAgo(0).slice(0, 4)) - 20}-01-01`;

export async function benchHours(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-hours-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench-hours', dynamo: options.dynamo });
  const doc = createDocumentClient(localClient(stack.dynamo.endpoint));
  try {
    const sign = (role: 'youth' | 'supervisor' | 'coordinator', sub: string, institution?: string) =>
      signToken(stack.keys, { role, sub, municipality: M, ...(institution ? { institution } : {}) });
    const http = async (method: string, path: string, token: string, body?: unknown, expected = 200) => {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json() as Record<string, unknown>;
      if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    const coordinator = await sign('coordinator', 'bench-coordinator');
    const institution = (await http('POST', `/v1/municipalities/${M}/institutions`, coordinator, { name: 'Bench centrs' }, 201)).id as string;
    await http('PUT', `/v1/institutions/${institution}/supervisors/bench-supervisor`, coordinator);
    const supervisor = await sign('supervisor', 'bench-supervisor', institution);
    const youths = await Promise.all(Array.from({ length: 16 }, async (_, i) => {
      const token = await sign('youth', `bench-youth-${i}`);
      await http('PUT', '/v1/volunteers/me', token, { name: `Jaunietis ${i}`, birthDate, email: `y${i}@example.lv`, municipality: M });
      return token;
    }));
    // 15-minute entries spread over the last 25 days stay far below every daily cap.
    const slot = new Map<string, number>();
    const nextBody = (who: number) => {
      const n = slot.get(String(who)) ?? 0;
      slot.set(String(who), n + 1);
      return { institutionId: institution, date: daysAgo(1 + (n % 25)), minutes: 15, activity: 'Bench', category: 'other' as const };
    };

    const n = options.smoke ? 5 : 300;
    const warmup = options.smoke ? 1 : 20;
    const submitted: string[] = [];
    let k = 0;
    const recorder = new CallRecorder(stack.runtime.db);
    const submit = await gatewayVsRaw(recorder, doc, async () => {
      const who = k++ % 4;
      submitted.push((await http('POST', '/v1/hour-entries', youths[who]!, nextBody(who), 201)).id as string);
    }, n, warmup);
    let d = 0;
    const approve = await gatewayVsRaw(recorder, doc, () => http('POST', `/v1/hour-entries/${submitted[d++]}/decision`, supervisor, { decision: 'approve' }), n, warmup);
    // Raw: each request's own calls replayed (reads, then the transaction, which now finds its conditions taken).
    printTable(`hour entries: gateway + handler vs the same DynamoDB calls raw (${n} sequential each, DynamoDB Local)`, [
      ...comparisonRows('POST /v1/hour-entries', await submit.measureRaw()),
      ...comparisonRows('POST /v1/hour-entries/{id}/decision', await approve.measureRaw()),
    ]);

    // Throughput: 16 clients, each a youth of their own (no tally contention), then 16 supervisors' worth of approvals.
    const perClient = options.smoke ? 2 : 40;
    const ids: string[][] = Array.from({ length: 16 }, () => []);
    let t = performance.now();
    await Promise.all(youths.map(async (token, who) => {
      for (let i = 0; i < perClient; i++) ids[who]!.push((await http('POST', '/v1/hour-entries', token, nextBody(who), 201)).id as string);
    }));
    const submitSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await Promise.all(ids.map(async (list) => {
      for (const id of list) await http('POST', `/v1/hour-entries/${id}/decision`, supervisor, { decision: 'approve' });
    }));
    const approveSeconds = (performance.now() - t) / 1000;
    printTable('throughput with 16 concurrent clients (gateway, DynamoDB Local)', [
      { operation: 'submit', requests: 16 * perClient, seconds: submitSeconds, per_second: (16 * perClient) / submitSeconds },
      { operation: 'approve', requests: 16 * perClient, seconds: approveSeconds, per_second: (16 * perClient) / approveSeconds },
    ]);
  } finally {
    doc.destroy();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
