// Recognition runs: start (or resume) a run over the eligible volunteers, process one batch, read progress.
import { rigaDate } from '../../clock.js';
import { ForbiddenError, NotFoundError, RuleViolation } from '../../errors.js';
import { assertActsFor, ownMunicipality, type User } from '../../identity/types.js';
import { runView, type BatchCounts, type CertificateBatch, type CertificateRun, type RunView } from '../types.js';
import { pool } from '../../pool.js';
import type { CertificateDeps } from './deps.js';
import { finishPendingEmails } from './emails.js';
import { issueCertificate } from './issue-certificate.js';

/** Who starts the run: a person (coordinator / agency) or the yearly schedule. */
export type RunStarter = User | { system: 'schedule' };

/**
 * 1. authorise: a coordinator for their own municipality (never all: one without a municipality is refused), only the
 *    agency (or the schedule) for all; the year not in the future
 * 2. an unfinished run of the same scope and year is resumed: its pending batches are handed to the queue again
 * 3. otherwise read ONLY the eligible volunteers from the sparse index (per municipality; no scan), split them into
 *    batches, store run + batches (progress markers), hand every batch to the queue
 */
export async function startRun(deps: CertificateDeps, starter: RunStarter, request: { year: number; municipality?: string }): Promise<RunView> {
  const now = deps.clock.now();
  let scope: string | null = request.municipality ?? null;
  if (!('system' in starter)) {
    if (starter.role === 'coordinator') {
      // Never "all": a coordinator's run is their own municipality's, and one without a municipality is refused.
      const own = ownMunicipality(starter);
      scope ??= own;
      assertActsFor(starter, scope);
    } else if (starter.role !== 'agency') {
      throw new ForbiddenError(`a ${starter.role} cannot start certificate runs`);
    }
  }
  if (request.year > Number(rigaDate(now).slice(0, 4))) {
    throw new RuleViolation('certificates.future-year', { lv: 'Apliecinājumus nevar izsniegt par gadu, kas vēl nav sācies', en: 'Certificates cannot be issued for a year that has not begun' }, 'year');
  }
  if (scope !== null && !(await deps.municipalities.get(scope))) throw new NotFoundError('municipality', scope);

  const latest = await deps.certificates.latestRun(scope, request.year);
  if (latest && latest.batchesDone < latest.batches) {
    const pending = await deps.certificates.pendingBatches(latest.id);
    await deps.queue.enqueue(pending.map((b) => ({ runId: b.runId, index: b.index })));
    return runView((await deps.certificates.getRun(latest.id)) ?? latest, true);
  }

  const programmes = scope !== null ? [scope] : (await deps.municipalities.list()).map((m) => m.code).sort();
  const id = deps.newId();
  const batches: CertificateBatch[] = [];
  for (const programme of programmes) {
    const ids = (await deps.hours.eligibleVolunteers(programme, request.year)).map((t) => t.volunteerId).sort();
    for (let i = 0; i < ids.length; i += deps.batchSize) {
      batches.push({ runId: id, index: batches.length, programme, year: request.year, volunteerIds: ids.slice(i, i + deps.batchSize), done: false });
    }
  }
  const startedAt = now.toISOString();
  const run: CertificateRun = {
    id, year: request.year, scope, startedAt, startedBy: 'system' in starter ? 'schedule' : starter.sub,
    eligible: batches.reduce((n, b) => n + b.volunteerIds.length, 0), batches: batches.length, batchesDone: 0,
    issued: 0, skipped: 0, failed: 0, finishedAt: batches.length === 0 ? startedAt : null,
  };
  await deps.certificates.createRun(run, batches);
  await deps.queue.enqueue(batches.map((b) => ({ runId: id, index: b.index })));
  return runView(run, false);
}

/**
 * Idempotent: 1. load the batch; a batch already marked done is acknowledged without work  2. issue each volunteer's
 * certificate (existing ones are skipped; a volunteer that fails counts as failed and does not stop the others)
 * 3. mark the batch done and add its counts to the run in one transaction (once, however often it is delivered)
 * 4. the batch that finishes the run sends every email of the run's scope still pending (finishPendingEmails:
 *    those a killed sender left behind once their lease ran out, and failed sends)
 */
export async function processBatch(deps: CertificateDeps, message: { runId: string; index: number }): Promise<BatchCounts & { alreadyDone: boolean }> {
  const batch = await deps.certificates.getBatch(message.runId, message.index);
  if (!batch) throw new NotFoundError('certificate batch', `${message.runId}/${message.index}`);
  if (batch.done) return { issued: 0, skipped: 0, failed: 0, alreadyDone: true };
  const counts: BatchCounts = { issued: 0, skipped: 0, failed: 0 };
  await pool(batch.volunteerIds, deps.concurrency, async (volunteerId) => {
    try {
      const { outcome } = await issueCertificate(deps, { programme: batch.programme, year: batch.year, volunteerId, runId: batch.runId });
      if (outcome === 'issued') counts.issued++;
      else counts.skipped++;
    } catch (error) {
      counts.failed++;
      deps.log?.('certificate failed', { runId: batch.runId, volunteerId, error: error instanceof Error ? error.message : String(error) });
    }
  });
  const first = await deps.certificates.completeBatch(batch.runId, batch.index, counts, deps.clock.now().toISOString());
  if (first) await finishRunEmails(deps, batch.runId);
  return { ...counts, alreadyDone: !first };
}

/** After the last batch of a run: the emails of its scope still pending. A failure here never fails the batch. */
async function finishRunEmails(deps: CertificateDeps, runId: string): Promise<void> {
  try {
    const run = await deps.certificates.getRun(runId);
    if (!run || run.batchesDone < run.batches) return;
    const counts = await finishPendingEmails(deps, run.scope === null ? {} : { programme: run.scope });
    deps.log?.('certificate run emails finished', { runId, ...counts });
  } catch (error) {
    deps.log?.('certificate run emails not finished', { runId, error: error instanceof Error ? error.message : String(error) });
  }
}

/** A run's progress: the agency sees every run, a coordinator the runs of their municipality. */
export async function getRun(deps: Pick<CertificateDeps, 'certificates'>, user: User, id: string): Promise<RunView> {
  const run = await deps.certificates.getRun(id);
  if (!run) throw new NotFoundError('certificate run', id);
  if (run.scope === null) {
    if (user.role !== 'agency') throw new ForbiddenError('only the agency reads runs over all municipalities');
  } else {
    assertActsFor(user, run.scope);
  }
  return runView(run);
}
