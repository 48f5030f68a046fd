// In-memory fakes of the certificate ports (same contracts as the DynamoDB adapters) and a world builder for use-case tests.
import { InMemoryKeyStore, type KeyStore } from '../../lib/credentials/key-store.js';
import type { EmailDelivery } from '../../lib/domain/certificates/email-delivery.js';
import { CodeTaken, type BatchMessage, type BatchQueue, type CertificateFiles, type CertificateRef, type CertificateRepository } from '../../lib/domain/certificates/ports.js';
import type { BatchCounts, Certificate, CertificateBatch, CertificateRun } from '../../lib/domain/certificates/types.js';
import type { CertificateDeps } from '../../lib/domain/certificates/use-cases/deps.js';
import { processBatch } from '../../lib/domain/certificates/use-cases/runs.js';
import { ConflictError, NotFoundError } from '../../lib/domain/errors.js';
import type { DomainEvent } from '../../lib/domain/events.js';
import type { HourEntry, Tally } from '../../lib/domain/hours/types.js';
import type { Municipality, StoredYouthContact } from '../../lib/domain/municipalities/types.js';
import type { MailMessage } from '../../lib/mail/mailer.js';
import { aVolunteer, anHourEntry } from './hours-builders.js';
import { InMemoryHoursRepository } from './in-memory-hours.js';
import { seededRandom } from './seeded-random.js';
import { signOpenBadgeCredential } from '../../lib/credentials/signer.js';

const clone = <T>(v: T): T => structuredClone(v);

export class InMemoryCertificateRepository implements CertificateRepository {
  certificates = new Map<string, Certificate>();
  /** The outbox: every event committed with a certificate, in commit order. */
  outbox: DomainEvent[] = [];
  codes = new Map<string, string>();
  runs = new Map<string, CertificateRun>();
  batches = new Map<string, CertificateBatch>();
  /** Code reserved per holder key (reserveCode). */
  reservations = new Map<string, string>();
  private key = (p: string, y: number, v: string) => `${p}|${y}|${v}`;

  async getByHolder(p: string, y: number, v: string) { return clone(this.certificates.get(this.key(p, y, v))); }
  async getByCode(code: string) { const k = this.codes.get(code); return k ? clone(this.certificates.get(k)) : undefined; }
  async reserveCode(p: string, y: number, v: string, candidate: string) {
    const k = this.key(p, y, v);
    const reserved = this.reservations.get(k);
    if (reserved) return reserved;
    if (this.codes.has(candidate)) throw new CodeTaken(candidate);
    this.reservations.set(k, candidate);
    this.codes.set(candidate, k);
    return candidate;
  }
  async create(c: Certificate, events: readonly DomainEvent[]) {
    const k = this.key(c.programme, c.year, c.volunteerId);
    if (this.certificates.has(k)) return 'exists' as const;
    if (this.codes.get(c.code) !== k) throw new ConflictError(`code ${c.code} is not reserved for ${k}`);
    this.certificates.set(k, clone(c));
    this.outbox.push(...clone(events));
    return 'created' as const;
  }
  async markAnnounced(code: string, events: readonly DomainEvent[]) {
    const c = this.certificates.get(this.codes.get(code)!)!;
    if (c.announced) return;
    c.announced = true;
    this.outbox.push(...clone(events));
  }
  async updateStatus(code: string, expected: Certificate['status'], patch: Pick<Certificate, 'status' | 'flag' | 'revocation'>) {
    const k = this.codes.get(code);
    if (!k) throw new NotFoundError('certificate', code);
    const c = this.certificates.get(k)!;
    if (c.status !== expected) throw new ConflictError('changed');
    Object.assign(c, clone(patch));
  }
  async listOfYear(p: string, y: number) { return [...this.certificates.values()].filter((c) => c.programme === p && c.year === y).map(clone); }
  async listRevoked(p: string) { return [...this.certificates.values()].filter((c) => c.programme === p && c.status === 'revoked').map(clone); }
  async listFlagged(p: string) { return [...this.certificates.values()].filter((c) => c.programme === p && c.status === 'flagged').map(clone); }
  async createRun(run: CertificateRun, batches: readonly CertificateBatch[]) {
    for (const b of batches) this.batches.set(`${b.runId}|${b.index}`, clone(b));
    this.runs.set(run.id, clone(run));
  }
  async getRun(id: string) { return clone(this.runs.get(id)); }
  async latestRun(scope: string | null, year: number) {
    return clone([...this.runs.values()].filter((r) => r.scope === scope && r.year === year).sort((a, b) => a.startedAt.localeCompare(b.startedAt)).at(-1));
  }
  async getBatch(runId: string, index: number) { return clone(this.batches.get(`${runId}|${index}`)); }
  async pendingBatches(runId: string) { return [...this.batches.values()].filter((b) => b.runId === runId && !b.done).sort((a, b) => a.index - b.index).map(clone); }
  async completeBatch(runId: string, index: number, counts: BatchCounts, at: string) {
    const b = this.batches.get(`${runId}|${index}`)!;
    if (b.done) return false;
    b.done = true;
    const run = this.runs.get(runId)!;
    run.batchesDone++;
    run.issued += counts.issued;
    run.skipped += counts.skipped;
    run.failed += counts.failed;
    if (run.batchesDone >= run.batches && run.finishedAt === null) run.finishedAt = at;
    return true;
  }
  async claimEmail(c: Certificate, claim: EmailDelivery) {
    const stored = this.certificates.get(this.key(c.programme, c.year, c.volunteerId));
    if (!stored || stored.email.state !== 'pending' || stored.email.attempts !== c.email.attempts) return false;
    stored.email = clone(claim);
    return true;
  }
  async recordEmailSent(c: Certificate, sent: EmailDelivery) {
    const stored = this.certificates.get(this.key(c.programme, c.year, c.volunteerId));
    if (!stored || stored.email.state !== 'pending') return false;
    stored.email = clone(sent);
    return true;
  }
  async recordEmailFailure(c: Certificate, failed: EmailDelivery) {
    const stored = this.certificates.get(this.key(c.programme, c.year, c.volunteerId));
    if (!stored || stored.email.state !== 'pending' || stored.email.attempts !== failed.attempts) return false;
    stored.email = clone(failed);
    return true;
  }
  async pendingEmails(programme?: string): Promise<CertificateRef[]> {
    return [...this.certificates.values()]
      .filter((c) => c.email.state === 'pending' && (programme === undefined || c.programme === programme))
      .map((c) => ({ programme: c.programme, year: c.year, volunteerId: c.volunteerId }))
      .sort((a, b) => `${a.programme}#${a.year}#${a.volunteerId}`.localeCompare(`${b.programme}#${b.year}#${b.volunteerId}`));
  }
}

export class InMemoryFiles implements CertificateFiles {
  files = new Map<string, Uint8Array>();
  async put(key: string, bytes: Uint8Array) { this.files.set(key, bytes); }
  async get(key: string) { return this.files.get(key); }
  async exists(key: string) { return this.files.has(key); }
  async presignDownload(key: string, o: { filename: string; expiresInSeconds: number }) {
    return { url: `memory://${key}?filename=${encodeURIComponent(o.filename)}`, expiresAt: new Date(Date.now() + o.expiresInSeconds * 1000).toISOString() };
  }
}

export class RecordingMailer {
  sent: MailMessage[] = [];
  async send(m: MailMessage) { this.sent.push(m); return { messageId: String(this.sent.length) }; }
}

/** A queue that remembers messages; `drain` processes them one by one with the given deps. */
export class ManualQueue implements BatchQueue {
  messages: BatchMessage[] = [];
  async enqueue(messages: readonly BatchMessage[]) { this.messages.push(...messages); }
  async drain(deps: CertificateDeps) {
    while (this.messages.length > 0) await processBatch(deps, this.messages.shift()!);
  }
}

export const JEKABPILS: Municipality = { code: 'LV-042', name: 'Jēkabpils novads', nameEn: 'Jēkabpils Municipality', kind: 'municipality', validFrom: '2021-07-01', validTo: null, mergedInto: null };
export const LIVANI: Municipality = { code: 'LV-056', name: 'Līvānu novads', nameEn: 'Līvāni Municipality', kind: 'municipality', validFrom: '2021-07-01', validTo: null, mergedInto: null };

export function aWorld(options: { now?: string; batchSize?: number } = {}) {
  const hours = new InMemoryHoursRepository();
  const certificates = new InMemoryCertificateRepository();
  const files = new InMemoryFiles();
  const mailer = new RecordingMailer();
  const queue = new ManualQueue();
  const store = new InMemoryKeyStore();
  const provisioned = new Map<string, Promise<unknown>>();
  // Like the table-backed store: a municipality gets its key on first signature.
  const keys: KeyStore & { store: InMemoryKeyStore } = {
    store,
    signingKey: async (m) => {
      if (!provisioned.has(m)) provisioned.set(m, store.rotate(m, 'k1', '2026-01-01T00:00:00.000Z'));
      await provisioned.get(m);
      return store.signingKey(m);
    },
    publicKeys: () => store.publicKeys(),
  };
  const contacts = new Map<string, StoredYouthContact>();
  const municipalities = [JEKABPILS, LIVANI];
  let n = 0;
  const deps: CertificateDeps = {
    certificates, hours, keys, files, queue, mailer,
    municipalities: {
      get: async (code) => municipalities.find((m) => m.code === code),
      list: async () => municipalities,
      getYouthContact: async (code) => contacts.get(code),
    },
    clock: { now: () => new Date(options.now ?? '2026-01-15T06:00:00.000Z') },
    random: seededRandom(42), newId: () => `id-${++n}`, baseUrl: 'https://api.jaunatne.example',
    signCredential: signOpenBadgeCredential,
    renderPdf: async (input) => new TextEncoder().encode(JSON.stringify(input)),
    batchSize: options.batchSize ?? 2, concurrency: 2,
  };
  return { deps, hours, certificates, files, mailer, queue, keys, contacts };
}

/**
 * Seeds a volunteer's approved entries and the tallies the logbook keeps for them (one per year of the
 * activity dates, eligible when at or over `threshold`), so the sparse index says what the logbook would.
 */
export function seedVolunteer(
  hours: InMemoryHoursRepository, id: string,
  entries: readonly { date: string; minutes: number; decidedAt?: string; state?: HourEntry['state']; programme?: string }[],
  options: { name?: string; threshold?: number; programme?: string } = {},
): void {
  const programme = options.programme ?? 'LV-042';
  hours.volunteers.set(id, aVolunteer({ id, name: options.name ?? `Brīvprātīgais ${id}`, email: `${id}@example.lv`, municipality: programme }));
  const tallies = new Map<number, Tally>();
  entries.forEach((e, i) => {
    const state = e.state ?? 'approved';
    const entry = anHourEntry({
      id: `${id}-e${i}`, volunteerId: id, date: e.date, minutes: e.minutes, approvedMinutes: state === 'approved' ? e.minutes : 0,
      state, programme: e.programme ?? programme, decidedAt: e.decidedAt ?? `${e.date}T12:00:00.000Z`, decidedBy: 's-1',
    });
    hours.entries.set(entry.id, entry);
    if (state !== 'approved') return;
    const year = Number(e.date.slice(0, 4));
    const t = tallies.get(year) ?? { volunteerId: id, programme, year, approvedMinutes: 0, pendingMinutes: 0, eligible: false, thresholdReachedAt: null, version: 1 };
    t.approvedMinutes += e.minutes;
    t.eligible = t.approvedMinutes >= (options.threshold ?? 3600);
    tallies.set(year, t);
  });
  for (const t of tallies.values()) hours.tallies.set(`${t.volunteerId}|${t.programme}|${t.year}`, t);
}
