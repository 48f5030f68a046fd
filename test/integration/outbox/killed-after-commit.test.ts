// The transactional outbox under a crash: a use case SIGKILLed right after its commit (before anything else of it runs)
// still has its events delivered from the table stream, exactly once, also across a restart of the relay.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoCertificateRepository } from '../../../lib/data/certificate-repository.js';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { DynamoMunicipalityRepository } from '../../../lib/data/municipality-repository.js';
import { RecordingEventSink } from '../../../lib/domain/events.js';
import { outboxRecordHandler } from '../../../lib/events/outbox-delivery.js';
import { LocalStreamRelay } from '../../../lib/local/stream-relay.js';
import { suiteTable } from '../../support/dynamo.js';
import { aProgramme, aVolunteer, anHourEntry, anInstitution } from '../../support/hours-builders.js';
import { JEKABPILS } from '../../support/in-memory-certificates.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let dir: string;
beforeAll(async () => {
  t = await suiteTable('outboxkill');
  dir = mkdtempSync(join(tmpdir(), 'outboxkill-'));
  await new DynamoMunicipalityRepository(t.doc, t.table).putAll([JEKABPILS]);
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the use case in its own process; resolves with its output once it is gone (it must die by its own SIGKILL). */
function runKilled(env: Record<string, string>): Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../support/outbox-use-case-process.ts')], {
      env: { ...process.env, DYNAMO_ENDPOINT: inject('dynamoEndpoint'), TABLE: t.table, MUNICIPALITY: 'LV-042', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ signal, code, output }));
  });
}

/** A relay on the suite table with a checkpoint file; each instance stands for one relay process. */
const relayOf = (sink: RecordingEventSink, checkpointFile: string) =>
  new LocalStreamRelay({ endpoint: inject('dynamoEndpoint'), table: t.table, handle: outboxRecordHandler(sink), checkpointFile });

describe('a use case killed after its commit', () => {
  it('approving the entry that crosses the threshold: HoursApproved and ThresholdReached are delivered once, and not again after a relay restart', async () => {
    const hours = new DynamoHoursRepository(t.doc, t.table);
    await hours.putVolunteer(aVolunteer({ id: 'kv-1' }));
    await hours.createInstitution(anInstitution({ id: 'ki-1' }));
    await hours.putAssignment({ institutionId: 'ki-1', supervisorId: 'ks-1', municipality: 'LV-042', assignedAt: '2026-01-01T00:00:00.000Z', assignedBy: 'c-1' });
    await hours.putProgramme(aProgramme({ thresholdMinutes: 60 }));
    const entry = anHourEntry({ id: 'ke-1', volunteerId: 'kv-1', institutionId: 'ki-1', minutes: 60 });
    await hours.createEntry(entry, { volunteerId: 'kv-1', programme: 'LV-042', year: 2026, approvedMinutes: 0, pendingMinutes: 60, eligible: false, thresholdReachedAt: null, version: 1 },
      { entryId: entry.id, at: entry.createdAt, by: 'kv-1', from: null, to: 'pending', reason: null }, []);

    const run = await runKilled({ USE_CASE: 'decide-entry', ENTRY_ID: 'ke-1', SUPERVISOR: 'ks-1' });
    expect(run, run.output).toMatchObject({ signal: 'SIGKILL' });
    expect(run.output).toContain('committed 2 outbox item(s)');
    expect((await hours.getEntry('ke-1'))?.state).toBe('approved');

    const checkpoint = join(dir, 'decide-checkpoint.json');
    const sink = new RecordingEventSink();
    const first = relayOf(sink, checkpoint);
    await first.drain();
    const ofEntry = () => sink.events.filter((e) => (e.detail as { entryId?: string }).entryId === 'ke-1');
    expect(ofEntry().map((e) => e.type).sort()).toEqual(['HoursApproved', 'ThresholdReached']);
    expect(ofEntry().find((e) => e.type === 'ThresholdReached')).toMatchObject({
      id: 'threshold:LV-042:2026:kv-1', detail: { volunteerId: 'kv-1', approvedMinutes: 60, thresholdMinutes: 60 },
    });
    await first.drain();
    await first.stop();
    // a restarted relay goes on from the checkpoint: nothing is delivered twice
    const restarted = relayOf(sink, checkpoint);
    expect(await restarted.drain()).toBe(0);
    await restarted.stop();
    expect(ofEntry()).toHaveLength(2);
  });

  it('issuing a certificate: CertificateIssued, which its email hangs on, is delivered once across a relay restart', async () => {
    const year = 2025;
    const hours = new DynamoHoursRepository(t.doc, t.table);
    await hours.putVolunteer(aVolunteer({ id: 'kc-1', email: 'kc-1@example.lv' }));
    for (let d = 1; d <= 3; d++) {
      const date = `${year}-0${d}-10`;
      const entry = anHourEntry({ id: `kc-1-${d}`, volunteerId: 'kc-1', date, minutes: 1200, approvedMinutes: 1200, state: 'approved', decidedAt: `${date}T10:00:00.000Z` });
      await hours.createEntry(entry, { volunteerId: 'kc-1', programme: 'LV-042', year, approvedMinutes: 1200 * d, pendingMinutes: 0, eligible: d === 3, thresholdReachedAt: null, version: d },
        { entryId: entry.id, at: date, by: 's', from: null, to: 'approved', reason: null }, []);
    }

    const run = await runKilled({ USE_CASE: 'issue-certificate', VOLUNTEER: 'kc-1', YEAR: String(year), DATA_DIR: dir, KEYS_DIR: join(dir, 'issuer-keys') });
    expect(run, run.output).toMatchObject({ signal: 'SIGKILL' });
    expect(run.output).toContain('committed 1 outbox item(s)');
    const certificate = await new DynamoCertificateRepository(t.doc, t.table).getByHolder('LV-042', year, 'kc-1');
    expect(certificate).toMatchObject({ announced: true, email: { state: 'pending' } });

    const checkpoint = join(dir, 'issue-checkpoint.json');
    const sink = new RecordingEventSink();
    const first = relayOf(sink, checkpoint);
    await first.drain();
    await first.stop();
    const restarted = relayOf(sink, checkpoint);
    await restarted.drain();
    await restarted.stop();
    const issued = sink.events.filter((e) => e.type === 'CertificateIssued');
    expect(issued).toEqual([expect.objectContaining({
      id: `certificate-issued:${certificate!.code}`, source: 'jaunatne.certificates',
      detail: { code: certificate!.code, programme: 'LV-042', year, volunteerId: 'kc-1', runId: null },
    })]);
  });
});
