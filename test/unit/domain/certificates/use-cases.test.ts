// Certificate use cases on in-memory fakes: boundaries through a whole run, exactly once under kills, emails, flags, rights.
import { describe, expect, it } from 'vitest';
import type { CertificateDeps, CertificateIssued } from '../../../../lib/domain/certificates/use-cases/deps.js';
import {
  certificateDownload, flaggedCertificates, keepCertificate, revocationList, revokeCertificate, verifyCertificate,
} from '../../../../lib/domain/certificates/use-cases/certificates.js';
import { certificateRoster, flagOnReversal, issueOnThreshold, sendCertificateEmail } from '../../../../lib/domain/certificates/use-cases/reactions.js';
import { getRun, startRun } from '../../../../lib/domain/certificates/use-cases/runs.js';
import { finishPendingEmails } from '../../../../lib/domain/certificates/use-cases/emails.js';
import { issueCertificate } from '../../../../lib/domain/certificates/use-cases/issue-certificate.js';
import { claimedEmail, EMAIL_LEASE_SECONDS } from '../../../../lib/domain/certificates/email-delivery.js';
import { ForbiddenError, NotFoundError, RuleViolation, ValidationError, ConflictError } from '../../../../lib/domain/errors.js';
import type { HoursReversed, ThresholdReached } from '../../../../lib/domain/hours/events.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import { generate } from '../../../../lib/domain/certificates/code.js';
import { aProgramme } from '../../../support/hours-builders.js';
import { aWorld, seedVolunteer } from '../../../support/in-memory-certificates.js';
import { KillSwitch } from '../../../support/kill-switch.js';
import { seededRandom } from '../../../support/seeded-random.js';

const coordinator = (municipality = 'LV-042'): User => ({ sub: `c-${municipality}`, role: 'coordinator', municipality, institution: null, email: null, name: null });
const agency: User = { sub: 'a-1', role: 'agency', municipality: null, institution: null, email: null, name: null };
const youth = (sub: string): User => ({ sub, role: 'youth', municipality: 'LV-042', institution: null, email: null, name: null });

async function runToEnd(world: ReturnType<typeof aWorld>, starter: User = coordinator(), year = 2025) {
  const run = await startRun(world.deps, starter, { year });
  await world.queue.drain(world.deps);
  return getRun(world.deps, starter, run.id);
}

describe('eligibility at the boundary, through a whole run', () => {
  it.each([
    { case: '59 h 45 min is not enough', entries: [{ date: '2025-05-01', minutes: 3585 }], issued: false },
    { case: '60 h exactly is enough', entries: [{ date: '2025-05-01', minutes: 3600 }], issued: true },
    { case: 'hours dated 31 Dec count for the year', entries: [{ date: '2025-06-01', minutes: 3540 }, { date: '2025-12-31', minutes: 60 }], issued: true },
    { case: 'hours dated 1 Jan count for the next year', entries: [{ date: '2025-06-01', minutes: 3540 }, { date: '2026-01-01', minutes: 60 }], issued: false },
    { case: 'hours approved after the year ended but dated inside it count', entries: [{ date: '2025-06-01', minutes: 3540 }, { date: '2025-12-30', minutes: 60, decidedAt: '2026-01-10T09:00:00.000Z' }], issued: true },
  ])('$case', async ({ entries, issued }) => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', entries);
    const run = await runToEnd(world);
    expect(run.status).toBe('completed');
    expect(run.issued).toBe(issued ? 1 : 0);
    expect(!!(await world.certificates.getByHolder('LV-042', 2025, 'v-1'))).toBe(issued);
  });

  it('re-checks the entries: a stale index entry without the approved hours gets no certificate', async () => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }]);
    world.hours.entries.get('v-1-e0')!.state = 'reversed';
    const run = await runToEnd(world);
    expect(run).toMatchObject({ eligible: 1, issued: 0, skipped: 1, failed: 0 });
  });

  it('reads only the sparse eligibility index, and the programme\'s own threshold and tiers', async () => {
    const world = aWorld();
    await world.hours.putProgramme(aProgramme({ municipality: 'LV-056', thresholdMinutes: 3000, tiers: [{ name: 'bronza', minMinutes: 3000 }, { name: 'sudrabs', minMinutes: 6000 }] }));
    seedVolunteer(world.hours, 'l-1', [{ date: '2025-03-01', minutes: 6000 }], { programme: 'LV-056', threshold: 3000 });
    seedVolunteer(world.hours, 'j-1', [{ date: '2025-03-01', minutes: 3600 }]);
    const run = await runToEnd(world, agency);
    expect(run).toMatchObject({ scope: null, eligible: 2, issued: 2 });
    expect((await world.certificates.getByHolder('LV-056', 2025, 'l-1'))?.tier?.name).toBe('sudrabs');
  });

  it('issues from a programme stored with tiers below the threshold and clashing names: the highest tier reached, no failure', async () => {
    const world = aWorld();
    await world.hours.putProgramme(aProgramme({ tiers: [{ name: 'Sudrabs', minMinutes: 6000 }, { name: 'bronza', minMinutes: 3000 }, { name: 'sudrabs', minMinutes: 7200 }] }));
    seedVolunteer(world.hours, 'v-60', [{ date: '2025-03-01', minutes: 3600 }]);
    seedVolunteer(world.hours, 'v-110', [{ date: '2025-03-01', minutes: 6600 }]);
    seedVolunteer(world.hours, 'v-130', [{ date: '2025-03-01', minutes: 7800 }]);
    expect(await runToEnd(world)).toMatchObject({ eligible: 3, issued: 3, failed: 0 });
    const tierOf = async (id: string) => (await world.certificates.getByHolder('LV-042', 2025, id))?.tier;
    expect([await tierOf('v-60'), await tierOf('v-110'), await tierOf('v-130')]).toEqual([
      { id: 'bronza', name: 'bronza' }, { id: 'sudrabs', name: 'Sudrabs' }, { id: 'sudrabs-2', name: 'sudrabs' },
    ]);
  });
});

describe('runs', () => {
  it('issues once however often a run is started: a second run skips everyone', async () => {
    const world = aWorld();
    for (const id of ['a', 'b', 'c']) seedVolunteer(world.hours, id, [{ date: '2025-04-04', minutes: 3600 }]);
    expect(await runToEnd(world)).toMatchObject({ eligible: 3, batches: 2, issued: 3, skipped: 0 });
    expect(await runToEnd(world)).toMatchObject({ eligible: 3, issued: 0, skipped: 3 });
    expect(world.certificates.certificates.size).toBe(3);
  });

  it('refuses a future year, another municipality\'s coordinator and a youth', async () => {
    const world = aWorld();
    await expect(startRun(world.deps, coordinator(), { year: 2027 })).rejects.toBeInstanceOf(RuleViolation);
    await expect(startRun(world.deps, coordinator('LV-056'), { year: 2025, municipality: 'LV-042' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startRun(world.deps, youth('y'), { year: 2025 })).rejects.toBeInstanceOf(ForbiddenError);
    const run = await startRun(world.deps, agency, { year: 2025 });
    await expect(getRun(world.deps, coordinator(), run.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it.each([1, 2, 3, 5, 8, 13, 21, 34, 55])('killed after %i port calls and rerun: exactly one certificate and one email per eligible volunteer', async (seed) => {
    const world = aWorld({ batchSize: 3 });
    const ids = Array.from({ length: 8 }, (_, i) => `v-${i}`);
    for (const id of ids) seedVolunteer(world.hours, id, [{ date: '2025-02-02', minutes: 3600 + seededRandom(seed).int(600) }]);
    seedVolunteer(world.hours, 'short', [{ date: '2025-02-02', minutes: 3585 }]);
    // Delivery reads what the outbox committed (as the stream relay does) and hands each event to the email consumer, twice.
    let delivered = 0;
    const relay = async (deps: CertificateDeps) => {
      for (; delivered < world.certificates.outbox.length; delivered++) {
        for (let i = 0; i < 2; i++) await sendCertificateEmail(deps, world.certificates.outbox[delivered] as CertificateIssued);
      }
    };
    const kill = new KillSwitch(seed * 7);
    const killed: CertificateDeps = { ...world.deps };
    Object.assign(killed, { certificates: kill.wrap(world.certificates), files: kill.wrap(world.files), keys: kill.wrap(world.keys) });
    const first = await startRun(killed, coordinator(), { year: 2025 });
    await world.queue.drain(killed).catch(() => undefined);
    world.queue.messages = [];
    // The restart comes after the killed process's email leases ran out; so does delivery of what it committed.
    const healthy: CertificateDeps = { ...world.deps, clock: { now: () => new Date(world.deps.clock.now().getTime() + (EMAIL_LEASE_SECONDS + 1) * 1000) } };
    await relay(healthy);
    // The rerun resumes the unfinished run (or, if the kill came after the end, starts a new one that skips everyone).
    const rerun = await startRun(healthy, coordinator(), { year: 2025 });
    await world.queue.drain(healthy);
    await relay(healthy);
    const run = await getRun(world.deps, coordinator(), rerun.id);
    expect(run.status).toBe('completed');
    if (rerun.resumed) expect(rerun.id).toBe(first.id);
    expect([...world.certificates.certificates.values()].map((c) => c.volunteerId).sort()).toEqual(ids);
    expect(world.mailer.sent.map((m) => m.to).sort()).toEqual(ids.map((id) => `${id}@example.lv`));
    expect(new Set([...world.certificates.certificates.values()].map((c) => c.code)).size).toBe(ids.length);
    // One PDF per certificate, under its own code: a kill between the PDF and the certificate left no orphan.
    expect([...world.files.files.keys()].sort()).toEqual([...world.certificates.certificates.values()].map((c) => c.pdfKey).sort());
    expect([...world.certificates.certificates.values()].every((c) => c.email.state === 'sent')).toBe(true);
  });
});

describe('public verification and the holder\'s download', () => {
  it('shows status, name, year, hours and municipality — no birth date, no email; unknown codes are 404, malformed 400', async () => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3750 }], { name: 'Ģirts Ķēniņš-Šņore' });
    await runToEnd(world);
    const c = (await world.certificates.getByHolder('LV-042', 2025, 'v-1'))!;
    const view = await verifyCertificate(world.deps, c.code.toLowerCase());
    expect(view).toEqual({ code: c.code, status: 'valid', holderName: 'Ģirts Ķēniņš-Šņore', year: 2025, hours: '62.5', municipality: { code: 'LV-042', name: 'Jēkabpils novads' } });
    const otherCode = c.code.slice(0, -4) + (c.code.endsWith('0000') ? '1111' : '0000');
    await expect(verifyCertificate(world.deps, otherCode)).rejects.toBeInstanceOf(ValidationError);
    await expect(verifyCertificate(world.deps, generate(seededRandom(999), 'LV-042', 2025))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives a short-lived link to the holder and the municipality, an English PDF on request, and refuses others', async () => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }]);
    await runToEnd(world);
    const { code } = (await world.certificates.getByHolder('LV-042', 2025, 'v-1'))!;
    expect((await certificateDownload(world.deps, youth('v-1'), code, 'lv')).url).toContain(`certificates/${code}.pdf`);
    expect((await certificateDownload(world.deps, coordinator(), code, 'en')).url).toContain(`certificates/${code}.en.pdf`);
    expect(world.files.files.has(`certificates/${code}.en.pdf`)).toBe(true);
    await expect(certificateDownload(world.deps, youth('v-2'), code, 'lv')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(certificateDownload(world.deps, coordinator('LV-056'), code, 'lv')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('reversals, revocation and keeping', () => {
  async function issued() {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3000 }, { date: '2025-06-01', minutes: 600 }]);
    await runToEnd(world);
    const c = (await world.certificates.getByHolder('LV-042', 2025, 'v-1'))!;
    return { world, c };
  }
  const reversal = (minutesLeft: number, world: ReturnType<typeof aWorld>): HoursReversed => {
    world.hours.tallies.get('v-1|LV-042|2025')!.approvedMinutes = minutesLeft;
    return { id: 'ev', type: 'HoursReversed', source: 'jaunatne.hours', occurredAt: '2026-02-01T00:00:00.000Z', detail: { entryId: 'v-1-e1', volunteerId: 'v-1', programme: 'LV-042', institutionId: 'inst-1', date: '2025-06-01', minutes: 600, approvedMinutes: 600, state: 'reversed', by: 'c', reason: 'kļūda' } };
  };

  it('flags a certificate when a reversal drops the holder below the threshold, not when enough hours remain', async () => {
    const { world, c } = await issued();
    expect(await flagOnReversal(world.deps, reversal(3600, world))).toBe('unchanged');
    expect(await flagOnReversal(world.deps, reversal(3000, world))).toBe('flagged');
    expect((await world.certificates.getByCode(c.code))?.status).toBe('flagged');
    expect((await verifyCertificate(world.deps, c.code)).status).toBe('valid');
  });

  it('the coordinator revokes: the verification and the revocation list say so, with the reason', async () => {
    const { world, c } = await issued();
    await flagOnReversal(world.deps, reversal(3000, world));
    await expect(revokeCertificate(world.deps, coordinator('LV-056'), c.code, 'x')).rejects.toBeInstanceOf(ForbiddenError);
    await revokeCertificate(world.deps, coordinator(), c.code, 'Stundas atsauktas');
    expect(await verifyCertificate(world.deps, c.code)).toMatchObject({ status: 'revoked', revocationReason: 'Stundas atsauktas' });
    const list = await revocationList(world.deps, 'LV-042');
    expect(list.revokedCredentials).toEqual([{ id: `https://api.jaunatne.example/v1/certificates/${c.code}`, revocationReason: 'Stundas atsauktas', revokedAt: '2026-01-15T06:00:00.000Z' }]);
    await expect(revokeCertificate(world.deps, coordinator(), c.code, 'again')).rejects.toBeInstanceOf(ConflictError);
  });

  it('the coordinator keeps a flagged certificate; keeping one that is not flagged is a conflict', async () => {
    const { world, c } = await issued();
    await expect(keepCertificate(world.deps, coordinator(), c.code)).rejects.toBeInstanceOf(ConflictError);
    await flagOnReversal(world.deps, reversal(3000, world));
    expect((await keepCertificate(world.deps, coordinator(), c.code)).status).toBe('valid');
  });

  it('a youth or supervisor of the same municipality can neither revoke, keep nor list flagged certificates, and nothing changes', async () => {
    const { world, c } = await issued();
    await flagOnReversal(world.deps, reversal(3000, world));
    const supervisor: User = { sub: 's-1', role: 'supervisor', municipality: 'LV-042', institution: 'inst-1', email: null, name: null };
    for (const user of [youth('v-1'), supervisor]) {
      await expect(revokeCertificate(world.deps, user, c.code, 'x')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(keepCertificate(world.deps, user, c.code)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(flaggedCertificates(world.deps, user, 'LV-042')).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await world.certificates.getByCode(c.code))?.status).toBe('flagged');
    expect(await flaggedCertificates(world.deps, agency, 'LV-042')).toHaveLength(1);
  });
});

describe('emails, roster and rolling issue', () => {
  /** Issues v-1's certificate outside a run (no run end finishes its email): the event is recorded, not delivered. */
  async function issued(world: ReturnType<typeof aWorld>) {
    const { certificate } = await issueCertificate(world.deps, { programme: 'LV-042', year: 2025, volunteerId: 'v-1', runId: null });
    return { certificate: certificate!, event: world.certificates.outbox[0] as CertificateIssued };
  }
  const later = (world: ReturnType<typeof aWorld>, seconds: number): CertificateDeps =>
    ({ ...world.deps, clock: { now: () => new Date(world.deps.clock.now().getTime() + seconds * 1000) } });

  it('sends one Latvian email with the invitation and the PDF per event, however often the event arrives', async () => {
    const world = aWorld();
    await world.hours.putProgramme(aProgramme({ recognitionEvent: { date: '2026-02-20', place: 'Jēkabpils Kultūras nams', text: 'Sākums plkst. 17.00.' } }));
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }], { name: 'Ģirts Ķēniņš-Šņore' });
    const { certificate, event } = await issued(world);
    expect(certificate.email.state).toBe('pending');
    expect(await sendCertificateEmail(world.deps, event)).toBe('sent');
    expect(await sendCertificateEmail(world.deps, event)).toBe('duplicate');
    expect(world.mailer.sent).toHaveLength(1);
    const mail = world.mailer.sent[0]!;
    expect(mail.text).toContain('Sveiki, Ģirts Ķēniņš-Šņore!');
    expect(mail.text).toContain('Aicinām jūs uz apbalvošanas pasākumu 2026. gada 20. februārī, Jēkabpils Kultūras nams.');
    expect(mail.attachments?.[0]?.contentType).toBe('application/pdf');
    expect(mail.idempotencyKey).toBe(`certificate-email-${certificate.code}`);
    expect((await world.certificates.getByCode(certificate.code))!.email).toMatchObject({ state: 'sent', attempts: 1, sentAt: '2026-01-15T06:00:00.000Z', leaseUntil: null });
  });

  it('retries a failed send: the error and the attempt are recorded, the lease released, and the next delivery sends', async () => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }]);
    const { certificate, event } = await issued(world);
    const failing = { ...world.deps, mailer: { send: async () => { throw new Error('SES throttled'); } } };
    await expect(sendCertificateEmail(failing, event)).rejects.toThrow('SES throttled');
    expect((await world.certificates.getByCode(certificate.code))!.email).toMatchObject({ state: 'pending', attempts: 1, leaseUntil: null, lastError: 'SES throttled', lastAttemptAt: '2026-01-15T06:00:00.000Z' });
    expect(await sendCertificateEmail(world.deps, event)).toBe('sent');
    expect((await world.certificates.getByCode(certificate.code))!.email).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('leaves a claimed email to its sender for the lease, and sends it once the lease of a sender that died has run out', async () => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }]);
    const { certificate, event } = await issued(world);
    // A sender took the lease and was killed before it sent anything.
    expect(await world.certificates.claimEmail(certificate, claimedEmail(certificate.email, world.deps.clock.now()))).toBe(true);
    expect(await sendCertificateEmail(later(world, EMAIL_LEASE_SECONDS - 1), event)).toBe('in-progress');
    expect(await finishPendingEmails(later(world, EMAIL_LEASE_SECONDS - 1))).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(world.mailer.sent).toHaveLength(0);
    expect(await finishPendingEmails(later(world, EMAIL_LEASE_SECONDS))).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(await sendCertificateEmail(later(world, EMAIL_LEASE_SECONDS + 5), event)).toBe('duplicate');
    expect(world.mailer.sent.map((m) => m.to)).toEqual(['v-1@example.lv']);
    expect((await world.certificates.getByCode(certificate.code))!.email).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('finishes the pending emails of its scope when a run ends, and counts a failing one without stopping the others', async () => {
    const world = aWorld();
    for (const id of ['v-1', 'v-2', 'v-3']) seedVolunteer(world.hours, id, [{ date: '2025-05-01', minutes: 3600 }]);
    seedVolunteer(world.hours, 'l-1', [{ date: '2025-05-01', minutes: 3600 }], { programme: 'LV-056' });
    const bouncing = { ...world.deps, mailer: { send: async (m: { to: string }) => (m.to.startsWith('v-2') ? Promise.reject(new Error('rejected')) : world.mailer.send(m as never)) } };
    const run = await startRun(bouncing, coordinator(), { year: 2025 });
    await world.queue.drain(bouncing);
    expect((await getRun(world.deps, coordinator(), run.id)).status).toBe('completed');
    // Nobody delivered CertificateIssued (a recording sink): the run's end sent LV-042's emails, not LV-056's.
    expect(world.mailer.sent.map((m) => m.to).sort()).toEqual(['v-1@example.lv', 'v-3@example.lv']);
    expect((await world.certificates.getByHolder('LV-042', 2025, 'v-2'))!.email).toMatchObject({ state: 'pending', lastError: 'rejected' });
    expect(await world.certificates.pendingEmails()).toEqual([{ programme: 'LV-042', year: 2025, volunteerId: 'v-2' }]);
    await startRun(world.deps, agency, { year: 2025, municipality: 'LV-056' });
    await world.queue.drain(world.deps);
    expect(await finishPendingEmails(world.deps)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(world.mailer.sent.map((m) => m.to).sort()).toEqual(['l-1@example.lv', 'v-1@example.lv', 'v-2@example.lv', 'v-3@example.lv']);
  });

  it('reuses the code reserved by an issuer killed after writing the PDF: one PDF, and it names the certificate', async () => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }]);
    const dying = { ...world.deps, certificates: Object.assign(Object.create(world.certificates), { create: async () => { throw new Error('killed'); } }) };
    await expect(issueCertificate(dying, { programme: 'LV-042', year: 2025, volunteerId: 'v-1', runId: null })).rejects.toThrow('killed');
    const { certificate } = await issueCertificate(world.deps, { programme: 'LV-042', year: 2025, volunteerId: 'v-1', runId: null });
    expect([...world.files.files.keys()]).toEqual([certificate!.pdfKey]);
    expect(certificate!.pdfKey).toBe(`certificates/${certificate!.code}.pdf`);
  });

  it('lists the invited volunteers (not the revoked) for the coordinator; another municipality is refused', async () => {
    const world = aWorld();
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }], { name: 'Žanis Ābele' });
    seedVolunteer(world.hours, 'v-2', [{ date: '2025-05-01', minutes: 3600 }], { name: 'Anna Bērziņa' });
    await runToEnd(world);
    await revokeCertificate(world.deps, coordinator(), (await world.certificates.getByHolder('LV-042', 2025, 'v-1'))!.code, 'x');
    const csv = await certificateRoster(world.deps, coordinator(), 'LV-042', 2025);
    expect(csv.split('\r\n').filter(Boolean).map((l) => l.split(',')[0])).toEqual(['\uFEFF"Vārds', 'Anna Bērziņa']);
    await expect(certificateRoster(world.deps, coordinator('LV-056'), 'LV-042', 2025)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('issues on ThresholdReached only when the programme issues on a rolling basis', async () => {
    const world = aWorld({ now: '2025-06-02T10:00:00.000Z' });
    seedVolunteer(world.hours, 'v-1', [{ date: '2025-05-01', minutes: 3600 }]);
    const event: ThresholdReached = { id: 't', type: 'ThresholdReached', source: 'jaunatne.hours', occurredAt: '2025-06-01T00:00:00.000Z', detail: { volunteerId: 'v-1', programme: 'LV-042', year: 2025, approvedMinutes: 3600, thresholdMinutes: 3600, reachedAt: '2025-06-01T00:00:00.000Z', entryId: 'v-1-e0' } };
    expect(await issueOnThreshold(world.deps, event)).toBe('not-rolling');
    await world.hours.putProgramme(aProgramme({ rollingIssue: true }));
    expect(await issueOnThreshold(world.deps, event)).toBe('issued');
    expect(await issueOnThreshold(world.deps, event)).toBe('skipped');
    expect((await world.certificates.getByHolder('LV-042', 2025, 'v-1'))?.runId).toBeNull();
  });
});
