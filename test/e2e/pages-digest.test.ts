// The supervisors' daily digest on the local stack's table: at the programme's hour one email per subscribed supervisor
// with pending entries (approve / approve fewer / reject links that work over HTTP), none when nothing is pending, and
// exactly one per Riga day however often the job fires.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linkKeyFile } from '../../lib/credentials/link-key.js';
import { HmacLinkSigner } from '../../lib/credentials/link-signer.js';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoDecisionLinkStore } from '../../lib/data/decision-link-repository.js';
import { DynamoDigestStore } from '../../lib/data/digest-repository.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { DynamoMunicipalityRepository } from '../../lib/data/municipality-repository.js';
import { rigaInstant } from '../../lib/local/scheduler.js';
import type { MailMessage } from '../../lib/domain/mail.js';
import { sendDecisionDigests, type DigestDeps } from '../../lib/domain/hours/use-cases/decision-digest.js';
import { aWorld, aYouth, anEntry, daysAgo, expectStatus, type World } from '../support/hours-api.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { staffStatusOf } from '../../lib/domain/accounts/staff-status.js';
import { DynamoInvitationRepository } from '../../lib/data/invitation-repository.js';

const M = 'LV-087';
const client = localClient(inject('e2eDynamoEndpoint'));
const doc = createDocumentClient(client);
const table = inject('e2eTableName');
const municipalities = new DynamoMunicipalityRepository(doc, table);
const sent: MailMessage[] = [];
let world: World;
let deps: DigestDeps;

/** 14:00 Riga on a given day (the programme's digest hour below). */
const at = (day: string, time = '14:00') => rigaInstant(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)), time);

beforeAll(async () => {
  world = await aWorld(call, tokenFor, M, 2);
  await expectStatus(call('PUT', `/v1/municipalities/${M}/hours-programme`, { token: world.coordinator, body: { digestHour: 14 } }), 200);
  const key = linkKeyFile(inject('e2eDataDir'));
  deps = {
    hours: new DynamoHoursRepository(doc, table),
    municipalities: { get: (c) => municipalities.get(c), list: async () => (await municipalities.list()).filter((m) => m.code === M) },
    links: new DynamoDecisionLinkStore(doc, table), digests: new DynamoDigestStore(doc, table),
    signer: new HmacLinkSigner(async () => key), newNonce: () => randomBytes(16).toString('base64url'),
    staff: staffStatusOf(new DynamoInvitationRepository(doc, table)),
    mailer: { send: async (m) => { sent.push(m); return { messageId: randomUUID() }; } },
    clock: { now: () => new Date() }, baseUrl: baseUrl(),
  };
});
afterAll(() => client.destroy());

describe('the daily decision digest', () => {
  it('mails a subscribed supervisor their pending entries once a day at the programme hour, with links that decide over HTTP', async () => {
    const [busy, idle] = world.supervisorIds;
    const email = `sup-${randomUUID().slice(0, 8)}@example.lv`;
    const busyToken = await tokenFor({ role: 'supervisor', sub: busy!, municipality: M, institution: world.institutionId, email, name: 'Dace Bērziņa' });
    expect((await expectStatus(call('PUT', '/v1/supervisors/me/digest', { token: busyToken, body: { enabled: true } }), 200)).json).toEqual({ enabled: true, email });
    const youth = await aYouth(call, tokenFor, M, { name: '<b>Ērika</b>' });
    const a = await anEntry(call, youth.token, world.institutionId, { date: daysAgo(2), minutes: 90 });
    const b = await anEntry(call, youth.token, world.institutionId, { date: daysAgo(1), minutes: 60 });
    const day = daysAgo(0);

    // not the programme's hour: nothing
    expect(await sendDecisionDigests(deps, at(day, '13:00'))).toEqual({ sent: 0, nothingPending: 0, alreadySent: 0, failed: 0, deactivated: 0 });
    // the hour: one email (the second supervisor is not subscribed); the scheduler firing twice sends nothing more
    const first = await sendDecisionDigests(deps, at(day));
    expect(first).toMatchObject({ sent: 1, failed: 0, deactivated: 0 });
    expect(await sendDecisionDigests(deps, at(day, '14:00'))).toMatchObject({ sent: 0, alreadySent: 1 });
    const mails = sent.filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    const text = mails[0]!.text;
    expect(text).toContain('Labdien!');
    expect(text).toContain('<b>Ērika</b>');
    const links = [...text.matchAll(/\/l\/([A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\?lang=lv/g)].map((m) => m[1]!);
    expect(links).toHaveLength(6); // approve, approve fewer, reject for each of the two entries

    // the first entry's approve link: confirm page, then the decision
    const approve = `/l/${links[0]}`;
    const page = await call('GET', approve);
    expect(page.text).toContain('Apstiprināt stundas?');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    expect((await call('POST', approve, { rawBody: new URLSearchParams({ csrf }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    const decided = await expectStatus(call('GET', `/v1/volunteers/me/hour-entries?year=${a.date.slice(0, 4)}`, { token: youth.token }), 200);
    expect(decided.json.items.find((e: { id: string }) => e.id === a.id)).toMatchObject({ state: 'approved' });
    expect(decided.json.items.find((e: { id: string }) => e.id === b.id)?.state ?? 'pending').toBe('pending');

    // the next day, with one entry still pending: one more email; once the queue is empty, none
    const next = rigaInstant(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)) + 1, '14:00');
    expect(await sendDecisionDigests(deps, next)).toMatchObject({ sent: 1 });
    await expectStatus(call('POST', `/v1/hour-entries/${b.id}/decision`, { token: busyToken, body: { decision: 'approve' } }), 200);
    const later = rigaInstant(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)) + 2, '14:00');
    expect(await sendDecisionDigests(deps, later)).toMatchObject({ sent: 0, nothingPending: 1 });
    expect(sent.filter((m) => m.to === email)).toHaveLength(2);
    expect(idle).toBeDefined();
  });

  it('refuses to subscribe without an email, and turns the digest off', async () => {
    const sub = world.supervisorIds[1]!;
    const noEmail = await tokenFor({ role: 'supervisor', sub, municipality: M, institution: world.institutionId });
    expect((await call('PUT', '/v1/supervisors/me/digest', { token: noEmail, body: { enabled: true } })).json).toMatchObject({ status: 422, rule: 'hours.digest-no-email' });
    expect((await expectStatus(call('PUT', '/v1/supervisors/me/digest', { token: noEmail, body: { enabled: false } }), 200)).json.enabled).toBe(false);
    expect((await deps.digests.subscribers(M)).map((s) => s.sub)).not.toContain(sub);
    expect((await call('PUT', '/v1/supervisors/me/digest', { token: world.coordinator, body: { enabled: true } })).status).toBe(403);
  });
});
