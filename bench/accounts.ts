// Account closure and erasure figures on DynamoDB Local and cognito-local: p50/p99 of closing an account (the entries'
// name copies replaced, the profile pseudonymised, sign-in disabled) and of erasing one at the end of its retention
// (everything under its partition and what that points to, the files, the Cognito user), against the floor beneath
// the erasure: the same items deleted raw by BatchWriteItem.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cognitoAccountRemover, cognitoClient, cognitoSignIn } from '../lib/accounts/cognito-directory.js';
import { localClient } from '../lib/data/admin.js';
import { batchWriteAll } from '../lib/data/batch-write.js';
import { createDocumentClient } from '../lib/data/client.js';
import { DynamoClosureRecords, DynamoErasureStore } from '../lib/data/erasure-repository.js';
import { DynamoHoursRepository } from '../lib/data/hours-repository.js';
import { keys } from '../lib/data/keys.js';
import { closeMyAccount } from '../lib/domain/accounts/use-cases/close-my-account.js';
import { eraseExpiredAccounts } from '../lib/domain/accounts/use-cases/erase-expired-accounts.js';
import { LocalFileEraser } from '../lib/files/file-eraser.js';
import { ensureAccount } from '../lib/local/accounts.js';
import { startLocalStack } from '../lib/local/stack.js';
import { aVolunteer, anHourEntry } from '../test/support/hours-builders.js';
import { FULL, measure, printTable, type BenchOptions } from './stats.js';

const M = 'LV-042';
const PASSWORD = 'Bench-Parole-2026!';

export async function benchAccounts(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-accounts-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench-accounts', dynamo: options.dynamo });
  const doc = createDocumentClient(localClient(stack.dynamo.endpoint));
  try {
    const n = options.smoke ? 2 : 40;
    const warmup = options.smoke ? 1 : 5;
    // a year of weekly volunteering: 52 approved entries, each with its pointer and audit record, and one tally
    const entriesEach = options.smoke ? 3 : 52;
    const hours = new DynamoHoursRepository(doc, stack.tableName);
    const cognito = cognitoClient(stack.cognito.endpoint);
    const year = new Date().getUTCFullYear() - 1;
    const accounts = async (count: number) => Promise.all(Array.from({ length: count }, async () => {
      const id = randomUUID();
      await ensureAccount(cognito, stack.cognito.userPoolId, { email: `${id}@example.lv`, password: PASSWORD, role: 'youth', municipality: M, sub: id });
      await hours.putVolunteer(aVolunteer({ id, email: `${id}@example.lv`, municipality: M }));
      let total = 0;
      for (let i = 0; i < entriesEach; i++) {
        total += 60;
        const date = new Date(Date.UTC(year, 0, 2 + 7 * i)).toISOString().slice(0, 10);
        const entry = anHourEntry({ id: randomUUID(), volunteerId: id, date, minutes: 60, approvedMinutes: 60, state: 'approved', programme: M, decidedAt: `${date}T12:00:00.000Z`, decidedBy: 's' });
        const tally = { volunteerId: id, programme: M, year, approvedMinutes: total, pendingMinutes: 0, eligible: total >= 3600, thresholdReachedAt: null, version: i + 1 };
        await hours.createEntry(entry, tally, { entryId: entry.id, at: `${date}T12:00:00.000Z`, by: 's', from: null, to: 'approved', reason: null }, []);
      }
      return id;
    }));

    const closing = await accounts(n + warmup);
    const closure = { hours, records: new DynamoClosureRecords(doc, stack.tableName), signIn: cognitoSignIn(cognito, stack.cognito.userPoolId), clock: { now: () => new Date() } };
    let c = 0;
    const close = await measure(() => closeMyAccount(closure, { sub: closing[c++]!, role: 'youth', municipality: M, institution: null, email: null, name: null }), n, warmup);

    // the erasure, one due account per run (the store's queue narrowed to it), the day after the retention ends
    let next: string | undefined;
    const one = new (class extends DynamoErasureStore {
      override async due(today: string, limit: number) { return (await super.due(today, limit)).filter((d) => d.volunteerId === next); }
    })(doc, stack.tableName);
    const later = new Date(Date.now() + 80 * 365 * 86_400_000);
    const erasure = { erasure: one, files: new LocalFileEraser(join(dir, 'files')), accounts: cognitoAccountRemover(cognito, stack.cognito.userPoolId), clock: { now: () => later } };
    let e = 0;
    const erase = await measure(async () => {
      next = closing[e++]!;
      const counts = await eraseExpiredAccounts(erasure);
      if (counts.erased !== 1) throw new Error(`erasure of ${next}: ${JSON.stringify(counts)}`);
    }, n, warmup);

    // the floor: the same number of items (profile, entries, tally, pointers with audit) deleted raw, 25 per call
    const raw = await accounts(n + warmup);
    let r = 0;
    const floor = await measure(async () => {
      const id = raw[r++]!;
      const own = (await doc.send(new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.volunteerPartition(id).pk } }))).Items ?? [];
      // the floor knows the audit keys (as arranged above); the erasure has to query each entry's partition for them
      const pointers = own.filter((i) => String(i.sk).startsWith('HOURS#'))
        .flatMap((i) => [keys.hourEntryPointer(String(i.id)), keys.hourEntryAudit(String(i.id), `${String(i.date)}T12:00:00.000Z`, 'approved')]);
      await batchWriteAll(doc, stack.tableName, [...own.map((i) => ({ pk: i.pk, sk: i.sk })), ...pointers].map((Key) => ({ DeleteRequest: { Key } })));
    }, n, warmup);

    printTable(`closed accounts with ${entriesEach} entries each: closure and erasure (${n} sequential each, DynamoDB Local + cognito-local)`, [
      { operation: 'close (names replaced, profile, AdminDisableUser)', p50_ms: close.p50, p99_ms: close.p99 },
      { operation: 'erase (holdings, files, AdminDeleteUser, profile)', p50_ms: erase.p50, p99_ms: erase.p99 },
      { operation: 'raw: query + BatchWriteItem deletes of the same items', p50_ms: floor.p50, p99_ms: floor.p99 },
      { operation: 'erase / raw (p50)', p50_ms: erase.p50 / floor.p50, p99_ms: erase.p99 / floor.p99 },
    ]);
  } finally {
    doc.destroy();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
