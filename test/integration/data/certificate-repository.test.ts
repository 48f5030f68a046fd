// The certificate repository on DynamoDB Local: exactly-once creation, code reservation, batch markers, email state, keys.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCertificateRepository } from '../../../lib/data/certificate-repository.js';
import { DynamoKeyStore } from '../../../lib/data/issuer-key-store.js';
import { ENTITY, keys } from '../../../lib/data/keys.js';
import { InMemoryKeyVault } from '../../../lib/credentials/key-vault.js';
import { buildJwks } from '../../../lib/credentials/jwks.js';
import { claimedEmail, failedEmail, pendingEmail, sentEmail } from '../../../lib/domain/certificates/email-delivery.js';
import { CodeTaken } from '../../../lib/domain/certificates/ports.js';
import type { Certificate } from '../../../lib/domain/certificates/types.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import { suiteTable } from '../../support/dynamo.js';

function aCertificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    code: 'LV042-2025-AAAA-AAAA', programme: 'LV-042', year: 2025, volunteerId: 'v-1', holderName: 'Ģirts Ķēniņš-Šņore', holderEmail: 'g@example.lv',
    totalMinutes: 3600, thresholdMinutes: 3600, tier: null, period: { from: '2025-01-02', to: '2025-12-30' }, institutions: [],
    issuedAt: '2026-01-15T06:00:00.000Z', runId: 'r-1', credential: 'jwt', kid: 'LV-042#k', pdfKey: 'certificates/x.pdf',
    status: 'valid', flag: null, revocation: null, announced: false, email: pendingEmail(), ...overrides,
  };
}

let t: Awaited<ReturnType<typeof suiteTable>>;
let repo: DynamoCertificateRepository;
beforeAll(async () => {
  t = await suiteTable('certs');
  repo = new DynamoCertificateRepository(t.doc, t.table);
});
afterAll(async () => t.drop());

/** Reserves the certificate's code for its holder, then creates it (the issuer's order). */
async function issue(c: Certificate): Promise<'created' | 'exists'> {
  const code = await repo.reserveCode(c.programme, c.year, c.volunteerId, c.code);
  return repo.create({ ...c, code }, []);
}

describe('certificates', () => {
  it('creates one certificate per volunteer, programme and year; a second create finds it and writes nothing', async () => {
    expect(await issue(aCertificate({ code: 'C1', volunteerId: 'once' }))).toBe('created');
    expect(await repo.create(aCertificate({ code: 'C2', volunteerId: 'once' }), [])).toBe('exists');
    expect((await repo.getByHolder('LV-042', 2025, 'once'))?.code).toBe('C1');
    expect(await repo.getByCode('C2')).toBeUndefined();
  });

  it('reserves one code per holder: an issuer killed before its certificate was created leaves the code for the rerun', async () => {
    expect(await repo.reserveCode('LV-042', 2025, 'killed', 'K1')).toBe('K1');
    expect(await repo.reserveCode('LV-042', 2025, 'killed', 'K2')).toBe('K1');
    expect(await repo.getByCode('K1')).toBeUndefined();
    expect(await repo.create(aCertificate({ code: 'K1', volunteerId: 'killed' }), [])).toBe('created');
    expect((await repo.getByCode('K1'))?.volunteerId).toBe('killed');
  });

  it('gives concurrent issuers of one holder the same code', async () => {
    const codes = await Promise.all(['R1', 'R2', 'R3', 'R4'].map((c) => repo.reserveCode('LV-042', 2025, 'racing', c)));
    expect(new Set(codes).size).toBe(1);
  });

  it('refuses a code that another holder holds, and a certificate under a code not reserved for its holder', async () => {
    await issue(aCertificate({ code: 'DUP', volunteerId: 'a' }));
    await expect(repo.reserveCode('LV-042', 2025, 'b', 'DUP')).rejects.toBeInstanceOf(CodeTaken);
    await expect(repo.create(aCertificate({ code: 'DUP', volunteerId: 'b' }), [])).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.getByHolder('LV-042', 2025, 'b')).toBeUndefined();
  });

  it('lists flagged and revoked certificates through their sparse listings, and guards status changes', async () => {
    await issue(aCertificate({ code: 'F1', volunteerId: 'f', programme: 'LV-056' }));
    await repo.updateStatus('F1', 'valid', { status: 'flagged', flag: { reason: 'r', approvedMinutes: 3000, at: '2026-02-01T00:00:00.000Z' }, revocation: null });
    expect((await repo.listFlagged('LV-056')).map((c) => c.code)).toEqual(['F1']);
    await expect(repo.updateStatus('F1', 'valid', { status: 'revoked', flag: null, revocation: null })).rejects.toBeInstanceOf(ConflictError);
    await repo.updateStatus('F1', 'flagged', { status: 'revoked', flag: null, revocation: { reason: 'below threshold', at: '2026-02-02T00:00:00.000Z', by: 'c' } });
    expect(await repo.listFlagged('LV-056')).toEqual([]);
    expect((await repo.listRevoked('LV-056')).map((c) => [c.code, c.revocation?.reason])).toEqual([['F1', 'below threshold']]);
    expect((await repo.listOfYear('LV-056', 2025)).map((c) => c.code)).toEqual(['F1']);
  });
});

describe('runs', () => {
  it('adds a batch\'s counts to its run once however often the batch completes, and stamps the finish', async () => {
    const run = { id: 'run-a', year: 2025, scope: 'LV-042', startedAt: '2026-01-15T06:00:00.000Z', startedBy: 'x', eligible: 3, batches: 2, batchesDone: 0, issued: 0, skipped: 0, failed: 0, finishedAt: null };
    await repo.createRun(run, [
      { runId: 'run-a', index: 0, programme: 'LV-042', year: 2025, volunteerIds: ['a', 'b'], done: false },
      { runId: 'run-a', index: 1, programme: 'LV-042', year: 2025, volunteerIds: ['c'], done: false },
    ]);
    expect((await repo.latestRun('LV-042', 2025))?.id).toBe('run-a');
    expect(await repo.completeBatch('run-a', 0, { issued: 2, skipped: 0, failed: 0 }, '2026-01-15T06:01:00.000Z')).toBe(true);
    expect(await repo.completeBatch('run-a', 0, { issued: 2, skipped: 0, failed: 0 }, '2026-01-15T06:01:00.000Z')).toBe(false);
    expect((await repo.pendingBatches('run-a')).map((b) => b.index)).toEqual([1]);
    expect((await repo.getRun('run-a'))?.finishedAt).toBeNull();
    await repo.completeBatch('run-a', 1, { issued: 0, skipped: 1, failed: 0 }, '2026-01-15T06:02:00.000Z');
    expect(await repo.getRun('run-a')).toMatchObject({ batchesDone: 2, issued: 2, skipped: 1, failed: 0, finishedAt: '2026-01-15T06:02:00.000Z' });
  });
});

describe('the email state of a certificate', () => {
  const at = (iso: string) => new Date(iso);

  it('starts pending and listed; one sender takes the lease; a failure releases it; the send is recorded once', async () => {
    await issue(aCertificate({ code: 'M1', volunteerId: 'm1', programme: 'LV-RIX' }));
    expect(await repo.pendingEmails('LV-RIX')).toEqual([{ programme: 'LV-RIX', year: 2025, volunteerId: 'm1' }]);
    const read = (await repo.getByCode('M1'))!;
    const first = claimedEmail(read.email, at('2026-01-15T06:00:00.000Z'));
    expect(await repo.claimEmail(read, first)).toBe(true);
    expect(await repo.claimEmail(read, claimedEmail(read.email, at('2026-01-15T06:00:01.000Z'))), 'a second sender with the same read').toBe(false);
    expect(await repo.recordEmailFailure(read, failedEmail(first, 'SES throttled'))).toBe(true);
    const again = (await repo.getByCode('M1'))!;
    expect(again.email).toMatchObject({ state: 'pending', attempts: 1, leaseUntil: null, lastError: 'SES throttled', lastAttemptAt: '2026-01-15T06:00:00.000Z' });
    const second = claimedEmail(again.email, at('2026-01-15T06:05:00.000Z'));
    expect(await repo.claimEmail(again, second)).toBe(true);
    expect(await repo.recordEmailSent(again, sentEmail(second, at('2026-01-15T06:05:02.000Z')))).toBe(true);
    expect(await repo.recordEmailSent(again, sentEmail(second, at('2026-01-15T06:05:03.000Z')))).toBe(false);
    expect((await repo.getByCode('M1'))!.email).toMatchObject({ state: 'sent', attempts: 2, sentAt: '2026-01-15T06:05:02.000Z' });
    expect(await repo.pendingEmails('LV-RIX')).toEqual([]);
  });

  it('keeps the email state when the status changes (a revocation never resets a send in progress)', async () => {
    await issue(aCertificate({ code: 'M2', volunteerId: 'm2', programme: 'LV-RIX' }));
    const read = (await repo.getByCode('M2'))!;
    const claim = claimedEmail(read.email, at('2026-01-15T06:00:00.000Z'));
    await repo.claimEmail(read, claim);
    await repo.updateStatus('M2', 'valid', { status: 'revoked', flag: null, revocation: { reason: 'r', at: '2026-01-15T06:00:01.000Z', by: 'c' } });
    expect((await repo.getByCode('M2'))!.email).toEqual(claim);
  });

  it('reads a certificate stored before emails were tracked as sent when announced, else pending (and claimable)', async () => {
    for (const [volunteerId, announced] of [['old-a', true], ['old-b', false]] as const) {
      const { email: _email, ...legacy } = aCertificate({ code: `OLD-${volunteerId}`, volunteerId, programme: 'LV-097', announced });
      await t.doc.send(new PutCommand({ TableName: t.table, Item: { ...keys.certificate('LV-097', 2025, volunteerId), entityType: ENTITY.certificate, ...legacy } }));
      await t.doc.send(new PutCommand({ TableName: t.table, Item: { ...keys.certificateCode(legacy.code), entityType: ENTITY.certificateCode, code: legacy.code, programme: 'LV-097', year: 2025, volunteerId } }));
    }
    expect((await repo.getByHolder('LV-097', 2025, 'old-a'))!.email.state).toBe('sent');
    const pending = (await repo.getByHolder('LV-097', 2025, 'old-b'))!;
    expect(pending.email).toEqual(pendingEmail());
    expect(await repo.claimEmail(pending, claimedEmail(pending.email, at('2026-01-15T06:00:00.000Z')))).toBe(true);
    expect(await repo.claimEmail(pending, claimedEmail(pending.email, at('2026-01-15T06:00:00.000Z')))).toBe(false);
  });
});

describe('issuer keys', () => {
  it('provisions one active key per municipality under concurrent first use and publishes only public members', async () => {
    const vault = new InMemoryKeyVault();
    const a = new DynamoKeyStore(t.doc, t.table, vault);
    const b = new DynamoKeyStore(t.doc, t.table, vault);
    const [k1, k2] = await Promise.all([a.signingKey('LV-042'), b.signingKey('LV-042')]);
    expect(k1.kid).toBe(k2.kid);
    const jwks = buildJwks(await a.publicKeys());
    expect(jwks.keys.map((k) => k.kid)).toEqual([k1.kid]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    await a.setStatus('LV-042', k1.kid, 'withdrawn');
    expect(buildJwks(await a.publicKeys()).keys).toEqual([]);
  });
});
