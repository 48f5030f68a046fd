// Waitlist offers through the local gateway with real tokens: a cancelled place is offered to the first waiting, the
// stack emails the link at once (PlaceOffered through the outbox and the local bus; the sweep, run in-process on the
// stack's table, then has nothing left to send), the link's page confirms or declines by form post, the API confirms
// too; role and state refusals are problem+json.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { linkKeyFile } from '../../lib/credentials/link-key.js';
import { HmacLinkSigner } from '../../lib/credentials/link-signer.js';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoFeedReader } from '../../lib/data/feed-reader.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { DynamoAttendanceRepository } from '../../lib/data/youth-house-attendance.js';
import { DynamoYouthHouseRepository } from '../../lib/data/youth-house-repository.js';
import type { MailMessage } from '../../lib/domain/mail.js';
import { sweepYouthHouse, type SweepDeps } from '../../lib/domain/youth-house/notifications.js';
import { aWorld, aYouth, expectStatus, type World } from '../support/hours-api.js';
import { mailsNamed } from '../support/invitation-mail.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { anOpportunityInput } from '../support/youth-house-builders.js';

const M = 'LV-042';
const client = localClient(inject('e2eDynamoEndpoint'));
const doc = createDocumentClient(client);
const table = inject('e2eTableName');
const sent: MailMessage[] = [];
let world: World;
let deps: SweepDeps;

const hidden = (page: string, name: string, nth = 0) => [...page.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))][nth]?.[1];
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  ({ rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

beforeAll(async () => {
  world = await aWorld(call, tokenFor, M);
  const key = linkKeyFile(inject('e2eDataDir'));
  deps = {
    youthHouse: new DynamoYouthHouseRepository(doc, table), hours: new DynamoHoursRepository(doc, table),
    municipalities: { list: async () => [{ code: M } as never] },
    calendar: new DynamoFeedReader(doc, table), roster: new DynamoAttendanceRepository(doc, table),
    signer: new HmacLinkSigner(async () => key), newNonce: () => randomBytes(16).toString('base64url'),
    mailer: { send: async (m) => { sent.push(m); return { messageId: randomUUID() }; } },
    clock: { now: () => new Date() }, baseUrl: baseUrl(),
  };
});
afterAll(() => client.destroy());

async function aFullShift() {
  const o = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, { token: world.coordinator, body: anOpportunityInput({ shifts: [{ start: anOpportunityInput().shifts[0]!.start, durationMinutes: 60, places: 1 }] }) }), 201);
  await expectStatus(call('PUT', `/v1/opportunities/${o.json.id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
  const [a, b, c] = await Promise.all([0, 1, 2].map((i) => aYouth(call, tokenFor, M, { email: `offer-${i}-${randomUUID().slice(0, 8)}@example.lv` })));
  const path = `/v1/opportunities/${o.json.id}/shifts/0/sign-ups`;
  for (const y of [a!, b!, c!]) await expectStatus(call('POST', path, { token: y.token }), 201);
  return { id: o.json.id as string, path, a: a!, b: b!, c: c! };
}

const mailOf = async (youthSub: string) => {
  const profile = await deps.hours.getVolunteer(youthSub);
  return sent.filter((m) => m.to === profile!.email);
};

describe('waitlist offers through the local gateway', () => {
  it('a cancelled place is offered to the first waiting, who confirms it on the emailed page by form post', async () => {
    const o = await aFullShift();
    const cancelled = await expectStatus(call('DELETE', `${o.path}/me`, { token: o.a.token }), 200);
    expect(cancelled.json).toMatchObject({ cancelled: { state: 'cancelled' }, offered: { youthId: o.b.sub, state: 'offered', offer: { mailedAt: null } } });
    expect(cancelled.json.offered.offer.nonce).toBeUndefined();
    expect((await call('GET', `/v1/opportunities/${o.id}`)).json.shifts[0].remainingPlaces).toBe(0);

    // mailed by the stack's PlaceOffered reaction, without waiting for the sweep
    const offered = await deps.youthHouse.getSignUp(o.b.sub, cancelled.json.offered.date, o.id, 0);
    const mail = await vi.waitFor(() => {
      const [m] = mailsNamed(`offer-${offered!.offer!.nonce}`);
      expect(m).toBeDefined();
      return m!;
    }, { timeout: 10_000, interval: 100 });
    expect(mail.subject).toContain('Jums piedāvāta vieta');
    expect((await deps.youthHouse.getSignUp(o.b.sub, cancelled.json.offered.date, o.id, 0))!.offer!.mailedAt).not.toBeNull();
    // the sweep finds it mailed: nothing is sent twice
    expect((await sweepYouthHouse(deps, new Date())).offers).toBe(0);
    expect(await mailOf(o.b.sub)).toEqual([]);
    const path = new URL(/https?:\/\/\S+\/o\/\S+\?lang=lv/.exec(mail.text)![0]).pathname;

    // opening the link (a scanner, a preview, the youth) changes nothing
    const page = await call('GET', path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('Jums piedāvāta vieta');
    expect(page.text).toContain('Talka Mežaparkā');
    expect((await call('GET', `${path}?lang=en`)).text).toContain('Confirm my place');
    expect((await call('GET', '/v1/volunteers/me/sign-ups', { token: o.b.token })).json.items.find((s: { opportunityId: string }) => s.opportunityId === o.id).state).toBe('offered');

    // no CSRF token or another site's form: nothing changes
    const csrf = hidden(page.text, 'csrf')!;
    expect((await call('POST', path, form({ action: 'confirm' }))).status).toBe(404);
    expect((await call('POST', path, form({ csrf, action: 'confirm' }, { origin: 'https://evil.example' }))).status).toBe(404);
    const confirmed = await call('POST', path, form({ csrf, action: 'confirm' }));
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Dalība apstiprināta');
    expect((await call('GET', '/v1/volunteers/me/sign-ups', { token: o.b.token })).json.items.find((s: { opportunityId: string }) => s.opportunityId === o.id).state).toBe('registered');
    // the link again: it says so, and declining now does nothing
    expect((await call('GET', path)).text).toContain('Jūs jau apstiprinājāt šo vietu');
    expect((await call('POST', path, form({ csrf, action: 'decline' }))).text).toContain('Jūs jau apstiprinājāt šo vietu');
    expect((await call('GET', `${path.slice(0, -3)}xyz`)).status).toBe(404);
  });

  it('the API confirms an offer; declining passes it on; refusals are problem+json', async () => {
    const o = await aFullShift();
    await expectStatus(call('DELETE', `${o.path}/me`, { token: o.a.token }), 200);
    // not offered to c, and staff do not answer for the youth
    const notOffered = await expectStatus(call('POST', `${o.path}/me/confirmation`, { token: o.c.token }), 422);
    expect(notOffered.headers.get('content-type')).toContain('application/problem+json');
    expect(notOffered.json).toMatchObject({ status: 422, rule: 'youth-house.no-offer' });
    await expectStatus(call('POST', `${o.path}/me/confirmation`, { token: world.coordinator }), 403);

    // b declines (DELETE of the offered sign-up): c is offered the place and confirms it through the API
    const declined = await expectStatus(call('DELETE', `${o.path}/me`, { token: o.b.token }), 200);
    expect(declined.json).toMatchObject({ cancelled: { youthId: o.b.sub, state: 'cancelled', offer: { outcome: 'declined' } }, offered: { youthId: o.c.sub, state: 'offered' } });
    const confirmed = await expectStatus(call('POST', `${o.path}/me/confirmation`, { token: o.c.token }), 200);
    expect(confirmed.json).toMatchObject({ youthId: o.c.sub, state: 'registered', offer: { outcome: 'accepted' } });
    expect((await call('GET', `/v1/opportunities/${o.id}`)).json.shifts[0].remainingPlaces).toBe(0);
  });
});
