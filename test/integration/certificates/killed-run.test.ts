// A run killed at a random point and rerun, on DynamoDB Local with real PDFs, keys, files and the .eml outbox.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../../lib/pdf/certificate.js';
import { FileKeyVault } from '../../../lib/credentials/key-vault.js';
import { DynamoCertificateRepository } from '../../../lib/data/certificate-repository.js';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { DynamoKeyStore } from '../../../lib/data/issuer-key-store.js';
import { DynamoMunicipalityRepository } from '../../../lib/data/municipality-repository.js';
import type { CertificateDeps } from '../../../lib/domain/certificates/use-cases/deps.js';
import { getRun, processBatch, startRun } from '../../../lib/domain/certificates/use-cases/runs.js';
import type { User } from '../../../lib/domain/identity/types.js';
import { LocalCertificateFiles } from '../../../lib/files/certificate-files.js';
import { InProcessBatchQueue } from '../../../lib/local/batch-queue.js';
import { subscribeCertificateReactions } from '../../../lib/local/certificate-reactions.js';
import { LocalEventBus } from '../../../lib/local/event-bus.js';
import { LocalBlobStore } from '../../../lib/local/file-store.js';
import { OutboxMailer } from '../../../lib/local/outbox-mailer.js';
import { suiteTable } from '../../support/dynamo.js';
import { aVolunteer, anHourEntry } from '../../support/hours-builders.js';
import { JEKABPILS } from '../../support/in-memory-certificates.js';
import { KillSwitch } from '../../support/kill-switch.js';
import { seededRandom } from '../../support/seeded-random.js';

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
        await hours.createEntry(entry, { volunteerId: id, programme: 'LV-042', year, approvedMinutes: total, pendingMinutes: 0, eligible: total >= 3600, thresholdReachedAt: null, version: d }, { entryId: entry.id, at: date, by: 's', from: null, to: 'approved', reason: null });
      }
    }
    const outbox = join(dir, `outbox-${seed}`);
    const filesDir = join(dir, `files-${seed}`);
    const bus = new LocalEventBus();
    let current: CertificateDeps;
    const queue = new InProcessBatchQueue((m) => processBatch(current, m), { concurrency: 2, onError: () => undefined });
    const healthy: CertificateDeps = {
      certificates: new DynamoCertificateRepository(t.doc, t.table), hours, municipalities: new DynamoMunicipalityRepository(t.doc, t.table),
      keys: new DynamoKeyStore(t.doc, t.table, new FileKeyVault(join(dir, 'issuer-keys'))),
      files: new LocalCertificateFiles(filesDir, new LocalBlobStore(filesDir, 'http://127.0.0.1:1', 'x'.repeat(32))),
      queue, events: bus, mailer: new OutboxMailer(outbox), clock: { now: () => new Date(`${year + 1}-01-15T06:00:00Z`) },
      random: seededRandom(seed), newId: () => crypto.randomUUID(), baseUrl: 'https://api.jaunatne.example',
      renderPdf: (input) => renderCertificatePdf(input), batchSize: 2, concurrency: 2,
    };
    subscribeCertificateReactions(bus, () => healthy);

    // First run: after a random number of calls every port dies (as if the process were killed).
    const kill = new KillSwitch(5 + seededRandom(seed).int(40));
    current = { ...healthy, certificates: kill.wrap(healthy.certificates), files: kill.wrap(healthy.files), keys: kill.wrap(healthy.keys), events: kill.wrap(bus) };
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
    for (const c of certificates) expect(mails.filter((m) => m.includes(`apliecinajums-${c.code}.pdf`))).toHaveLength(1);
  });
});
