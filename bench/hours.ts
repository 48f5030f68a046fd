// Logbook figures: p50/p99 of hour submission and approval through the local gateway vs the same raw
// TransactWriteItems on the same DynamoDB Local, and throughput with 16 concurrent clients.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient } from '../lib/data/admin.js';
import { createDocumentClient } from '../lib/data/client.js';
import { DynamoHoursRepository } from '../lib/data/hours-repository.js';
import { rigaDate } from '../lib/domain/clock.js';
import { entryEvent } from '../lib/domain/hours/events.js';
import { decide, nextTally } from '../lib/domain/hours/rules.js';
import { defaultProgramme, emptyTally, type HourEntry, type Tally } from '../lib/domain/hours/types.js';
import { signToken } from '../lib/local/identity-provider.js';
import { startLocalStack } from '../lib/local/stack.js';
import { FULL, measure, printTable, type BenchOptions } from './stats.js';

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
    const submit = await measure(async () => {
      const who = k++ % 4;
      submitted.push((await http('POST', '/v1/hour-entries', youths[who]!, nextBody(who), 201)).id as string);
    }, n, warmup);
    let d = 0;
    const approve = await measure(() => http('POST', `/v1/hour-entries/${submitted[d++]}/decision`, supervisor, { decision: 'approve' }), n, warmup);

    // The same items as one raw TransactWriteItems each (entry + pointer + tally + audit; entry + tally + audit), no reads, no rules.
    const repo = new DynamoHoursRepository(doc, stack.tableName);
    const programme = defaultProgramme(M);
    const rawVolunteer = `bench-raw-${randomUUID()}`;
    let tally: Tally = emptyTally(rawVolunteer, M, Number(daysAgo(1).slice(0, 4)));
    const rawEntries: HourEntry[] = [];
    let r = 0;
    const rawSubmit = await measure(async () => {
      const at = new Date().toISOString();
      const entry: HourEntry = {
        ...nextBody(99), date: daysAgo(1), id: randomUUID(), volunteerId: rawVolunteer, volunteerName: 'Raw', programme: M, institutionMunicipality: M,
        institutionName: 'Bench centrs', state: 'pending', approvedMinutes: 0, decidedBy: null, decidedAt: null, comment: null, version: 1, createdAt: at,
      };
      tally = nextTally(tally, { pending: 15, approved: 0 }, programme, at).tally;
      await repo.createEntry(entry, tally, { entryId: entry.id, at, by: rawVolunteer, from: null, to: 'pending', reason: null }, [entryEvent(entry, rawVolunteer, at)]);
      rawEntries.push(entry);
    }, n, warmup);
    const rawApprove = await measure(async () => {
      const at = new Date().toISOString();
      const decided = decide(rawEntries[r++]!, { decision: 'approve' }, 'bench-supervisor', at);
      tally = nextTally(tally, { pending: -15, approved: 15 }, programme, at).tally;
      await repo.transition(decided, 'pending', tally, { entryId: decided.id, at, by: 'bench-supervisor', from: 'pending', to: 'approved', reason: null }, [entryEvent(decided, 'bench-supervisor', at)]);
    }, n, warmup);

    printTable(`hour entries: gateway + handler vs raw TransactWriteItems (${n} sequential each, DynamoDB Local)`, [
      { path: 'POST /v1/hour-entries (gateway)', p50_ms: submit.p50, p99_ms: submit.p99, mean_ms: submit.mean },
      { path: 'raw TransactWriteItems (4 puts)', p50_ms: rawSubmit.p50, p99_ms: rawSubmit.p99, mean_ms: rawSubmit.mean },
      { path: 'ratio submit gateway/raw', p50_ms: submit.p50 / rawSubmit.p50, p99_ms: submit.p99 / rawSubmit.p99, mean_ms: submit.mean / rawSubmit.mean },
      { path: 'POST …/decision (gateway)', p50_ms: approve.p50, p99_ms: approve.p99, mean_ms: approve.mean },
      { path: 'raw TransactWriteItems (3 puts)', p50_ms: rawApprove.p50, p99_ms: rawApprove.p99, mean_ms: rawApprove.mean },
      { path: 'ratio approve gateway/raw', p50_ms: approve.p50 / rawApprove.p50, p99_ms: approve.p99 / rawApprove.p99, mean_ms: approve.mean / rawApprove.mean },
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
