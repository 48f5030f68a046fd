// A run killed at a random point and rerun, on DynamoDB Local with real PDFs, keys, files and the .eml outbox:
// first with every port failing at once (KillSwitch), then as a crash does it (SIGKILL of the run's process group).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderCertificatePdf } from '../../../lib/pdf/certificate.js';
import { FileKeyVault } from '../../../lib/credentials/key-vault.js';
import { DynamoCertificateRepository } from '../../../lib/data/certificate-repository.js';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { DynamoKeyStore } from '../../../lib/data/issuer-key-store.js';
import { DynamoMunicipalityRepository } from '../../../lib/data/municipality-repository.js';
import { EMAIL_LEASE_SECONDS } from '../../../lib/domain/certificates/email-delivery.js';
import type { CertificateDeps } from '../../../lib/domain/certificates/use-cases/deps.js';
import { getRun, processBatch, startRun } from '../../../lib/domain/certificates/use-cases/runs.js';
import type { User } from '../../../lib/domain/identity/types.js';
import { LocalCertificateFiles } from '../../../lib/files/certificate-files.js';
import { InProcessBatchQueue } from '../../../lib/local/batch-queue.js';
import { LocalBlobStore } from '../../../lib/local/file-store.js';
import { OutboxMailer } from '../../../lib/local/outbox-mailer.js';
import { suiteTable } from '../../support/dynamo.js';
import { aVolunteer, anHourEntry } from '../../support/hours-builders.js';
import { JEKABPILS } from '../../support/in-memory-certificates.js';
import { KillSwitch } from '../../support/kill-switch.js';
import { seededRandom } from '../../support/seeded-random.js';
import { signOpenBadgeCredential } from '../../../lib/credentials/signer.js';

const coordinator: User = { sub: 'c-1', role: 'coordinator', municipality: 'LV-042', institution: null, email: null, name: null };
let t: Awaited<ReturnType<typeof suiteTable>>;
let dir: string;
beforeAll(async () => {
  t = await suiteTable('certkill');
  dir = mkdtempSync(join(tmpdir(), 'certkill-'));
  await new DynamoMunicipalityRepository(t.doc, t.table).putAll([JEKABPILS]);
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a run killed at a random point', () => {
  it.each([3, 11, 29])('seed %i: the rerun finishes it with exactly one certificate and one email per eligible volunteer', async (seed) => {
    const year = 2000 + seed; // each case its own year: own index partition, own certificates
    const hours = new DynamoHoursRepository(t.doc, t.table);
    const eligible = Array.from({ length: 7 }, (_, i) => `k${seed}-${i}`);
    for (const id of [...eligible, `k${seed}-short`]) {
      const minutes = id.endsWith('short') ? 1185 : 1200;
      await hours.putVolunteer(aVolunteer({ id, name: `Ģirts Ķēniņš-Šņore ${id}`, email: `${id}@example.lv` }));
      for (let d = 1; d <= 3; d++) {
        const date = `${year}-0${d}-10`;
        const entry = anHourEntry({ id: `${id}-${d}`, volunteerId: id, date, minutes: Math.min(minutes, 1440), approvedMinutes: minutes, state: 'approved', decidedAt: `${date}T10:00:00.000Z` });
        const total = minutes * d;
        await hours.createEntry(entry, { volunteerId: id, programme: 'LV-042', year, approvedMinutes: total, pendingMinutes: 0, eligible: total >= 3600, thresholdReachedAt: null, version: d }, { entryId: entry.id, at: date, by: 's', from: null, to: 'approved', reason: null }, []);
      }
    }
    const outbox = join(dir, `outbox-${seed}`);
    const filesDir = join(dir, `files-${seed}`);
    let current: CertificateDeps;
    const queue = new InProcessBatchQueue((m) => processBatch(current, m), { concurrency: 2, onError: () => undefined });
    const healthy: CertificateDeps = {
      certificates: new DynamoCertificateRepository(t.doc, t.table), hours, municipalities: new DynamoMunicipalityRepository(t.doc, t.table),
      keys: new DynamoKeyStore(t.doc, t.table, new FileKeyVault(join(dir, 'issuer-keys'))),
      files: new LocalCertificateFiles(filesDir, new LocalBlobStore(filesDir, 'http://127.0.0.1:1', 'x'.repeat(32))),
      queue, mailer: new OutboxMailer(outbox), clock: { now: () => new Date(`${year + 1}-01-15T06:00:00Z`) },
      random: seededRandom(seed), newId: () => crypto.randomUUID(), baseUrl: 'https://api.jaunatne.example',
      signCredential: signOpenBadgeCredential,
      renderPdf: (input) => renderCertificatePdf(input), batchSize: 2, concurrency: 2,
    };

    // First run: after a random number of calls every port dies (as if the process were killed).
    const kill = new KillSwitch(5 + seededRandom(seed).int(40));
    current = { ...healthy, certificates: kill.wrap(healthy.certificates), files: kill.wrap(healthy.files), keys: kill.wrap(healthy.keys) };
    const first = await startRun(current, coordinator, { year });
    await queue.idle();
    expect(kill.dead, `${kill.calls} calls`).toBe(true);

    current = healthy;
    const rerun = await startRun(healthy, coordinator, { year });
    await queue.idle();
    expect(rerun).toMatchObject({ id: first.id, resumed: true });
    const run = await getRun(healthy, coordinator, first.id);
    expect(run).toMatchObject({ status: 'completed', eligible: 7, batches: 4, batchesDone: 4, failed: 0 });

    const certificates = await healthy.certificates.listOfYear('LV-042', year);
    expect(certificates.map((c) => c.volunteerId).sort()).toEqual(eligible);
    const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'utf8'));
    expect(mails).toHaveLength(eligible.length);
    for (const c of certificates) expect.soft(mails.filter((m) => m.includes(`apliecinajums-${c.code}.pdf`))).toHaveLength(1);
  });
});

/** Seeds `count` volunteers of LV-042 with 60 h approved in `year` (eligible) and one with 59 h 15 min (not). */
async function seedYear(hours: DynamoHoursRepository, year: number, prefix: string, count: number): Promise<string[]> {
  const eligible = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  for (const id of [...eligible, `${prefix}-short`]) {
    const minutes = id.endsWith('short') ? 1185 : 1200;
    await hours.putVolunteer(aVolunteer({ id, name: `Ģirts Ķēniņš-Šņore ${id}`, email: `${id}@example.lv` }));
    for (let d = 1; d <= 3; d++) {
      const date = `${year}-0${d}-10`;
      const entry = anHourEntry({ id: `${id}-${d}`, volunteerId: id, date, minutes, approvedMinutes: minutes, state: 'approved', decidedAt: `${date}T10:00:00.000Z` });
      const total = minutes * d;
      await hours.createEntry(entry, { volunteerId: id, programme: 'LV-042', year, approvedMinutes: total, pendingMinutes: 0, eligible: total >= 3600, thresholdReachedAt: null, version: d }, { entryId: entry.id, at: date, by: 's', from: null, to: 'approved', reason: null }, []);
    }
  }
  return eligible;
}

type Outcome = { exit: 'done' | 'killed'; hook: string | null; output: string };

/**
 * Runs `startRun` + its batches in a child process of its own process group. With `killAt` the child freezes at
 * that point and the whole group is SIGKILLed; with `killAfterMs` it is SIGKILLed that long after it is ready,
 * wherever it is (mid-PDF, mid-.eml, mid-transaction).
 */
function runProcess(env: Record<string, string>, kill: { at?: string; afterMs?: number } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../support/certificate-run-process.ts')], {
      detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, KILL_AT: kill.at ?? '' },
    });
    let output = '';
    let hook: string | null = null;
    let killed = false;
    const killGroup = () => {
      if (killed) return;
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    };
    let pending = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready' && kill.afterMs !== undefined) setTimeout(killGroup, kill.afterMs).unref();
        if (line.startsWith('hook ') && hook === null) {
          hook = line.slice('hook '.length);
          killGroup();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ exit: 'killed', hook, output });
      else if (code === 0) resolve({ exit: 'done', hook, output });
      else reject(new Error(`run process exited ${code ?? signal}: ${output}`));
    });
  });
}

describe('a run whose process crashes (SIGKILL of its process group)', () => {
  // A table of its own: the child's outbox relay reads the whole table stream, and only this run's events belong to it.
  let crash: Awaited<ReturnType<typeof suiteTable>>;
  beforeAll(async () => {
    crash = await suiteTable('certcrash');
    await new DynamoMunicipalityRepository(crash.doc, crash.table).putAll([JEKABPILS]);
  });
  afterAll(() => crash.drop());

  it.each([7])('seed %i: killed three times at random points, then rerun: one certificate, one PDF, one email per eligible volunteer', async (seed) => {
    const year = 2010 + (seed % 10); // its own year: own index partition, own certificates
    const hours = new DynamoHoursRepository(crash.doc, crash.table);
    const eligible = await seedYear(hours, year, `crash${seed}`, 30);
    const dataDir = join(dir, `crash-${seed}`);
    const env = { DYNAMO_ENDPOINT: inject('dynamoEndpoint'), TABLE: crash.table, DATA_DIR: dataDir, KEYS_DIR: join(dir, 'issuer-keys'), YEAR: String(year), MUNICIPALITY: 'LV-042' };

    // Three kills at seeded points: right after a PDF is written, while an email is being sent, and right after an
    // email is written; then one at a seeded moment wherever the run happens to be.
    const random = seededRandom(seed);
    const points = ['after-pdf', 'before-mail', 'after-mail'];
    for (let i = points.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [points[i], points[j]] = [points[j]!, points[i]!];
    }
    for (const p of points) {
      const at = `${p}:${1 + random.int(3)}`; // early: the emails trail the PDFs (they go out from the stream), so later points may find no work left
      const outcome = await runProcess(env, { at });
      expect(outcome, outcome.output).toMatchObject({ exit: 'killed', hook: at.replace(':', ' ') });
    }
    await runProcess(env, { afterMs: 200 + random.int(1500) });

    // The rerun to completion comes after the email lease of the killed senders has run out.
    const final = await runProcess({ ...env, CLOCK_OFFSET_MS: String((EMAIL_LEASE_SECONDS + 1) * 1000) });
    expect(final.exit, final.output).toBe('done');

    const repo = new DynamoCertificateRepository(crash.doc, crash.table);
    const certificates = await repo.listOfYear('LV-042', year);
    expect(certificates.map((c) => c.volunteerId).sort()).toEqual(eligible);

    const pdfDir = join(dataDir, 'files', 'certificates');
    const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
    expect.soft(pdfs.sort(), 'one PDF per certificate, no orphans').toEqual(certificates.map((c) => c.pdfKey.slice('certificates/'.length)).sort());
    for (const f of pdfs) expect.soft(statSync(join(pdfDir, f)).size).toBeGreaterThan(1000);

    const outbox = join(dataDir, 'outbox');
    const names = existsSync(outbox) ? readdirSync(outbox) : [];
    const emls = names.filter((f) => f.endsWith('.eml'));
    expect.soft(names.filter((f) => !f.endsWith('.eml')), 'no temporary files left in the outbox').toEqual([]);
    const mails = emls.map((f) => readFileSync(join(outbox, f), 'utf8'));
    for (const m of mails) expect.soft(m.length, 'no empty .eml').toBeGreaterThan(1000);
    expect.soft(mails).toHaveLength(certificates.length);
    for (const c of certificates) expect.soft(mails.filter((m) => m.includes(`apliecinajums-${c.code}.pdf`)), c.volunteerId).toHaveLength(1);
    for (const c of certificates) expect.soft(c.email, c.volunteerId).toMatchObject({ state: 'sent' });
  }, 180_000);
});
