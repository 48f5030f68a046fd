// Supervisor decision links over HTTP through the local gateway: a previewer's GET decides nothing, the form's POST
// decides once, and reused, tampered, expired, CSRF-less and cross-site requests get a clear page and write nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linkKeyFile } from '../../lib/credentials/link-key.js';
import { HmacLinkSigner } from '../../lib/credentials/link-signer.js';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoDecisionLinkStore } from '../../lib/data/decision-link-repository.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { nextTally } from '../../lib/domain/hours/rules.js';
import type { HourEntry } from '../../lib/domain/hours/types.js';
import { createDecisionLinks, type DecisionLinkDeps } from '../../lib/domain/hours/use-cases/decision-links.js';
import type { User } from '../../lib/domain/identity/types.js';
import { aProgramme, anHourEntry, anInstitution } from '../support/hours-builders.js';
import { baseUrl, call } from '../support/http.js';
import { staffStatusOf } from '../../lib/domain/accounts/staff-status.js';
import { DynamoInvitationRepository } from '../../lib/data/invitation-repository.js';

const M = 'LV-097';
const tag = randomUUID().slice(0, 8);
const institutionId = `inst-link-${tag}`;
const supervisor: User = { sub: `sup-${tag}`, role: 'supervisor', municipality: M, institution: institutionId, email: null, name: null };
const client = localClient(inject('e2eDynamoEndpoint'));
const doc = createDocumentClient(client);
const hours = new DynamoHoursRepository(doc, inject('e2eTableName'));
let deps: DecisionLinkDeps;
let clockNow = () => new Date();

async function pendingEntry(): Promise<HourEntry> {
  const entry = anHourEntry({ id: randomUUID(), institutionId, institutionMunicipality: M, programme: M, volunteerId: `vol-${randomUUID().slice(0, 8)}`, volunteerName: '<script>alert(1)</script>', date: '2026-03-10' });
  const tally = await hours.getTally(entry.volunteerId, M, 2026);
  await hours.createEntry(entry, nextTally(tally, { pending: entry.minutes, approved: 0 }, aProgramme({ municipality: M }), 'now').tally,
    { entryId: entry.id, at: new Date().toISOString(), by: entry.volunteerId, from: null, to: 'pending', reason: null }, []);
  return entry;
}

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  ({ rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1];

beforeAll(async () => {
  const key = linkKeyFile(inject('e2eDataDir')); // the key the local stack's functions use
  deps = {
    hours, links: new DynamoDecisionLinkStore(doc, inject('e2eTableName')), municipalities: { get: async () => undefined },
    clock: { now: () => clockNow() }, signer: new HmacLinkSigner(async () => key), newNonce: () => randomBytes(16).toString('base64url'),
    staff: staffStatusOf(new DynamoInvitationRepository(doc, inject('e2eTableName'))),
  };
  await hours.createInstitution(anInstitution({ id: institutionId, municipality: M }));
  await hours.putAssignment({ institutionId, supervisorId: supervisor.sub, municipality: M, assignedAt: new Date().toISOString(), assignedBy: 'c' });
});
afterAll(() => client.destroy());

describe('a decision link', () => {
  it('shows a confirmation on GET (a mail scanner or previewer decides nothing), decides on POST once, then says "used"', async () => {
    const entry = await pendingEntry();
    const { approve } = await createDecisionLinks(deps, supervisor, entry);
    for (let i = 0; i < 3; i++) {
      const preview = await call('GET', `/l/${approve}`, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } });
      expect(preview.status).toBe(200);
      expect(preview.headers.get('content-security-policy')).toContain("form-action 'self'");
      expect(preview.headers.get('set-cookie')).toBeNull();
      expect(preview.text).toContain('Apstiprināt stundas?');
      expect(preview.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(preview.text).not.toContain('<script>');
    }
    expect((await hours.getEntry(entry.id))!.state).toBe('pending');
    const page = await call('GET', `/l/${approve}`);
    const csrf = csrfOf(page.text)!;
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const done = await call('POST', `/l/${approve}`, form({ csrf }, { origin: baseUrl() }));
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain('lēmums saglabāts');
    expect(await hours.getEntry(entry.id)).toMatchObject({ state: 'approved', decidedBy: supervisor.sub });
    const again = await call('POST', `/l/${approve}`, form({ csrf }));
    expect(again.status).toBe(409);
    expect(again.text).toContain('Saite jau izmantota');
    expect((await call('GET', `/l/${approve}?lang=en`)).text).toContain('This link was already used');
  });

  it('refuses a POST without the CSRF token or from another site, and a tampered token, writing nothing', async () => {
    const entry = await pendingEntry();
    const { reject } = await createDecisionLinks(deps, supervisor, entry);
    const csrf = csrfOf((await call('GET', `/l/${reject}`)).text)!;
    expect((await call('POST', `/l/${reject}`, form({ comment: 'nē' }))).status).toBe(404);
    expect((await call('POST', `/l/${reject}`, form({ csrf, comment: 'nē' }, { origin: 'https://evil.example' }))).status).toBe(404);
    const tampered = reject.slice(0, -1) + (reject.endsWith('A') ? 'B' : 'A');
    const t = await call('GET', `/l/${tampered}`);
    expect(t.status).toBe(404);
    expect(t.text).toContain('Saite nav derīga');
    expect((await call('POST', `/l/${tampered}`, form({ csrf, comment: 'nē' }))).status).toBe(404);
    expect((await call('GET', '/l/garbage')).status).toBe(404);
    expect((await hours.getEntry(entry.id))!.state).toBe('pending');
    const asked = await call('POST', `/l/${reject}`, form({ csrf }));
    expect(asked.status).toBe(422);
    expect(asked.text).toContain('Uzrakstiet pamatojumu');
    const done = await call('POST', `/l/${reject}`, form({ csrf, comment: 'Nebija klāt' }));
    expect(done.status).toBe(200);
    expect(await hours.getEntry(entry.id)).toMatchObject({ state: 'rejected', comment: 'Nebija klāt' });
  });

  it('expires after 14 days with a clear page', async () => {
    const entry = await pendingEntry();
    clockNow = () => new Date(Date.now() - 15 * 86_400_000);
    const { approve } = await createDecisionLinks(deps, supervisor, entry);
    clockNow = () => new Date();
    const res = await call('GET', `/l/${approve}`);
    expect(res.status).toBe(410);
    expect(res.text).toContain('beidzies derīguma termiņš');
    expect((await hours.getEntry(entry.id))!.state).toBe('pending');
  });
});
