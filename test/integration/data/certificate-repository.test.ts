// The certificate repository on DynamoDB Local: exactly-once creation, code uniqueness, batch markers, mail claims, keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCertificateRepository } from '../../../lib/data/certificate-repository.js';
import { DynamoKeyStore } from '../../../lib/data/issuer-key-store.js';
import { InMemoryKeyVault } from '../../../lib/credentials/key-vault.js';
import { buildJwks } from '../../../lib/credentials/jwks.js';
import { CodeTaken } from '../../../lib/domain/certificates/ports.js';
import type { Certificate } from '../../../lib/domain/certificates/types.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import { suiteTable } from '../../support/dynamo.js';

function aCertificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    code: 'LV042-2025-AAAA-AAAA', programme: 'LV-042', year: 2025, volunteerId: 'v-1', holderName: 'Ģirts Ķēniņš-Šņore', holderEmail: 'g@example.lv',
    totalMinutes: 3600, thresholdMinutes: 3600, tier: null, period: { from: '2025-01-02', to: '2025-12-30' }, institutions: [],
    issuedAt: '2026-01-15T06:00:00.000Z', runId: 'r-1', credential: 'jwt', kid: 'LV-042#k', pdfKey: 'certificates/x.pdf',
    status: 'valid', flag: null, revocation: null, announced: false, ...overrides,
  };
}

let t: Awaited<ReturnType<typeof suiteTable>>;
let repo: DynamoCertificateRepository;
beforeAll(async () => {
  t = await suiteTable('certs');
  repo = new DynamoCertificateRepository(t.doc, t.table);
});
afterAll(async () => t.drop());

describe('certificates', () => {
  it('creates one certificate per volunteer, programme and year; a second create finds it and writes nothing', async () => {
    expect(await repo.create(aCertificate({ code: 'C1', volunteerId: 'once' }))).toBe('created');
    expect(await repo.create(aCertificate({ code: 'C2', volunteerId: 'once' }))).toBe('exists');
    expect((await repo.getByHolder('LV-042', 2025, 'once'))?.code).toBe('C1');
    expect(await repo.getByCode('C2')).toBeUndefined();
  });

  it('refuses a code that another certificate holds', async () => {
    await repo.create(aCertificate({ code: 'DUP', volunteerId: 'a' }));
    await expect(repo.create(aCertificate({ code: 'DUP', volunteerId: 'b' }))).rejects.toBeInstanceOf(CodeTaken);
    expect(await repo.getByHolder('LV-042', 2025, 'b')).toBeUndefined();
  });

  it('lists flagged and revoked certificates through their sparse listings, and guards status changes', async () => {
    await repo.create(aCertificate({ code: 'F1', volunteerId: 'f', programme: 'LV-056' }));
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

describe('mail claims', () => {
  it('lets one sender claim an event; a released claim can be taken again; a stale unsent claim is taken over', async () => {
    expect(await repo.claimMail('e-1', '2026-01-15T06:00:00.000Z')).toBe(true);
    expect(await repo.claimMail('e-1', '2026-01-15T06:00:01.000Z')).toBe(false);
    await repo.releaseMail('e-1');
    expect(await repo.claimMail('e-1', '2026-01-15T06:00:02.000Z')).toBe(true);
    expect(await repo.claimMail('e-1', '2026-01-15T06:30:00.000Z')).toBe(true);
    await repo.confirmMail('e-1', '2026-01-15T06:30:01.000Z');
    expect(await repo.claimMail('e-1', '2026-01-15T09:00:00.000Z')).toBe(false);
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
