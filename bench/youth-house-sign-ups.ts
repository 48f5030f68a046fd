// Youth-house sign-up figures: p50/p99 of POST /v1/opportunities/{id}/shifts/{shift}/sign-ups through the local gateway
// (real youth tokens, 20-year-old volunteers of the opportunity's municipality: no consent, no home-municipality rule)
// against the raw transaction beneath it (the shift counter's conditional increment + the sign-up put + one outbox put,
// the shape of DynamoYouthHouseRepository.register) issued directly with a document client, and against the route's
// own DynamoDB calls replayed raw (bench/replay.ts), with the round trips per request.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient } from '../lib/data/admin.js';
import { createDocumentClient } from '../lib/data/client.js';
import { ENTITY, keys } from '../lib/data/keys.js';
import { outboxPuts } from '../lib/data/outbox.js';
import { DynamoYouthHouseRepository } from '../lib/data/youth-house-repository.js';
import { rigaDate } from '../lib/domain/clock.js';
import { signUpEvent } from '../lib/domain/youth-house/events.js';
import { rigaTime } from '../lib/domain/clock.js';
import type { SignUp } from '../lib/domain/youth-house/types.js';
import { signToken } from '../lib/local/identity-provider.js';
import { startLocalStack } from '../lib/local/stack.js';
import { CallRecorder, gatewayVsRaw } from './replay.js';
import { FULL, measure, printTable, type BenchOptions } from './stats.js';
import { anOpportunity } from './youth-house.js';

const M = 'LV-042';
const birthDate = `${new Date().getUTCFullYear() - 20}-01-01`;

export async function benchYouthHouseSignUps(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-sign-ups-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench-sign-ups', dynamo: options.dynamo });
  const raw = createDocumentClient(localClient(stack.dynamo.endpoint));
  try {
    const n = options.smoke ? 3 : 300;
    const warmup = options.smoke ? 1 : 20;
    const perSide = n + warmup;
    // One published opportunity: shift 0 takes the gateway's sign-ups, shift 1 the raw transactions; places for all.
    const base = anOpportunity(0);
    const o = { ...base, ageRange: { min: 13, max: 25 }, shifts: base.shifts.map((s) => ({ ...s, places: Math.min(1000, perSide) })), registered: base.shifts.map(() => 0) };
    const repo = new DynamoYouthHouseRepository(stack.runtime.db, stack.tableName);
    await repo.createOpportunity(o);
    await repo.setStatus(o.id, 'draft', 'published', new Date().toISOString(), []);

    // One adult volunteer profile per gateway sign-up (a youth signs up for a shift once).
    const http = async (method: string, path: string, token: string, body?: unknown, expected = 200) => {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json() as Record<string, unknown>;
      if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const youths: string[] = [];
    for (let i = 0; i < perSide; i += 16) {
      youths.push(...await Promise.all(Array.from({ length: Math.min(16, perSide - i) }, async (_, k) => {
        const token = await signToken(stack.keys, { role: 'youth', sub: `bench-youth-${i + k}`, municipality: M });
        await http('PUT', '/v1/volunteers/me', token, { name: `Jaunietis ${i + k}`, birthDate, email: `y${i + k}@example.lv`, municipality: M });
        return token;
      })));
    }

    // Row A: the route, every call it makes recorded for the replay.
    let next = 0;
    const recorder = new CallRecorder(stack.runtime.db);
    const route = await gatewayVsRaw(recorder, raw, async () => {
      const s = await http('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, youths[next++]!, undefined, 201);
      if (s.state !== 'registered') throw new Error(`sign-up ${next} was ${String(s.state)}, not registered`);
    }, n, warmup);
    const replayed = await route.measureRaw();

    // Row B: the transaction beneath it, built as register builds it, each for a youth of its own on shift 1.
    const shift = 1;
    const start = new Date(o.shifts[shift]!.start);
    let r = 0;
    const transaction = await measure(async () => {
      const at = new Date().toISOString();
      const s: SignUp = {
        opportunityId: o.id, shift, youthId: `bench-raw-youth-${r++}`, municipality: M, state: 'registered', position: null,
        date: rigaDate(start), startTime: rigaTime(start), minutes: o.shifts[shift]!.durationMinutes, createdAt: at, updatedAt: at,
      };
      await raw.send(new TransactWriteCommand({ TransactItems: [
        { Update: {
          TableName: stack.tableName, Key: keys.opportunity(o.id),
          UpdateExpression: `SET #reg[${shift}] = #reg[${shift}] + :delta`, ConditionExpression: `#status = :published AND #reg[${shift}] < :places`,
          ExpressionAttributeNames: { '#reg': 'registered', '#status': 'status' },
          ExpressionAttributeValues: { ':delta': 1, ':published': 'published', ':places': o.shifts[shift]!.places },
        } },
        { Put: {
          TableName: stack.tableName,
          Item: { ...keys.shiftSignUp(s.youthId, s.date, o.id, shift), entityType: ENTITY.shiftSignUp, ...s, ...keys.shiftRosterEntry(o.id, shift, s.youthId) },
          ConditionExpression: 'attribute_not_exists(pk) OR #state = :cancelled',
          ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':cancelled': 'cancelled' },
        } },
        ...outboxPuts(stack.tableName, [signUpEvent('ShiftSignedUp', s, at)]),
      ] }));
    }, n, warmup);

    // Both sides really registered every time: the counters hold one place per request.
    const stored = await repo.getOpportunity(o.id);
    if (stored?.registered[0] !== perSide || stored.registered[1] !== perSide) throw new Error(`counters ${JSON.stringify(stored?.registered)}, expected ${perSide} each`);

    const g = replayed.gateway;
    printTable(`POST /v1/opportunities/{id}/shifts/{shift}/sign-ups via gateway vs the transaction beneath it raw (${n} sequential sign-ups each, DynamoDB Local)`, [
      { path: 'raw: the sign-up transaction alone (TransactWriteItems: counter Update + sign-up Put + outbox Put)', round_trips: 1, p50_ms: transaction.p50, p99_ms: transaction.p99, mean_ms: transaction.mean },
      { path: `raw: the route's same calls (${replayed.commands})`, round_trips: replayed.roundTrips, p50_ms: replayed.raw.p50, p99_ms: replayed.raw.p99, mean_ms: replayed.raw.mean },
      { path: 'POST /v1/opportunities/{id}/shifts/{shift}/sign-ups via gateway', round_trips: replayed.roundTrips, p50_ms: g.p50, p99_ms: g.p99, mean_ms: g.mean },
      { path: 'ratio gateway/transaction', round_trips: '', p50_ms: g.p50 / transaction.p50, p99_ms: g.p99 / transaction.p99, mean_ms: g.mean / transaction.mean },
      { path: 'ratio gateway/same calls raw', round_trips: '', p50_ms: g.p50 / replayed.raw.p50, p99_ms: g.p99 / replayed.raw.p99, mean_ms: g.mean / replayed.raw.mean },
    ]);
  } finally {
    raw.destroy();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
