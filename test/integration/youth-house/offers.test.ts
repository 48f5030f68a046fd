// Waitlist offers and the youth house's sweep on DynamoDB Local: a freed place is held for the first waiting, confirmed,
// declined or passed on when it expires; offer, reminder, cancellation and change emails leave exactly once per sign-up.
import { randomBytes, randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HmacLinkSigner } from '../../../lib/credentials/link-signer.js';
import { DynamoFeedReader } from '../../../lib/data/feed-reader.js';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { DynamoAttendanceRepository } from '../../../lib/data/youth-house-attendance.js';
import { DynamoYouthHouseRepository } from '../../../lib/data/youth-house-repository.js';
import { ForbiddenError } from '../../../lib/domain/errors.js';
import type { User } from '../../../lib/domain/identity/types.js';
import type { MailMessage } from '../../../lib/domain/mail.js';
import { mailPlaceOffer, sweepYouthHouse, type SweepDeps } from '../../../lib/domain/youth-house/notifications.js';
import { answerOfferLink, openOfferLink } from '../../../lib/domain/youth-house/offer-links.js';
import { confirmMyOffer } from '../../../lib/domain/youth-house/offers.js';
import type { OpportunityInput } from '../../../lib/domain/youth-house/types.js';
import { cancelShift, cancelSignUp, createOpportunity, getOpportunity, setOpportunityStatus, signUp, updateOpportunity, type YouthHouseDeps } from '../../../lib/domain/youth-house/use-cases.js';
import { suiteTable } from '../../support/dynamo.js';
import { aVolunteer } from '../../support/hours-builders.js';
import { anOpportunityInput, inDays } from '../../support/youth-house-builders.js';

const M = 'LV-042';
const HOUR = 3_600_000;
let t: Awaited<ReturnType<typeof suiteTable>>;
let offsetMs = 0;
// each read is a millisecond later than the last, so a deadline computed from a second read of the clock shows
let tick = 0;
const clock = { now: () => new Date(Date.now() + offsetMs + ++tick) };
const later = (hours: number) => new Date(Date.now() + offsetMs + hours * HOUR);
let deps: YouthHouseDeps & SweepDeps;
const sent: MailMessage[] = [];
let failNext = 0;
const coordinator: User = { sub: 'c-1', role: 'coordinator', municipality: M, institution: null, email: null, name: null };
const youth = (sub: string): User => ({ sub, role: 'youth', municipality: M, institution: null, email: null, name: null });
const mailsTo = (sub: string) => sent.filter((m) => m.to === `${sub}@example.lv`);

beforeAll(async () => {
  t = await suiteTable('offers');
  const hours = new DynamoHoursRepository(t.doc, t.table);
  const key = randomBytes(32);
  deps = {
    youthHouse: new DynamoYouthHouseRepository(t.doc, t.table), hours, clock, newNonce: () => randomBytes(16).toString('base64url'),
    municipalities: {
      get: async (code) => (code === M ? { code, name: 'Jēkabpils novads', nameEn: 'Jēkabpils Municipality', validFrom: '2021-07-01', validTo: null } as never : undefined),
      list: async () => [{ code: M } as never],
    },
    signer: new HmacLinkSigner(async () => key),
    calendar: new DynamoFeedReader(t.doc, t.table), roster: new DynamoAttendanceRepository(t.doc, t.table),
    mailer: {
      send: async (m) => {
        if (failNext > 0) { failNext--; throw new Error('SES throttled'); }
        sent.push(m);
        return { messageId: randomUUID() };
      },
    },
    baseUrl: 'https://jaunatne.example.lv/',
  };
});
afterAll(async () => t.drop());
beforeEach(() => { offsetMs = 0; });

async function published(places: number, overrides: Partial<OpportunityInput> = {}) {
  const o = await createOpportunity(deps, coordinator, M, anOpportunityInput({ shifts: [{ start: inDays(10), durationMinutes: 60, places }], ...overrides }));
  await setOpportunityStatus(deps, coordinator, o.id, 'published');
  return o;
}

async function youths(n: number): Promise<User[]> {
  const subs = Array.from({ length: n }, () => `y-${randomUUID()}`);
  await Promise.all(subs.map((id) => (deps.hours as DynamoHoursRepository).putVolunteer(aVolunteer({ id, birthDate: '2004-05-01', municipality: M, email: `${id}@example.lv` }))));
  return subs.map(youth);
}

const stateOf = async (u: User, opportunityId: string) => {
  const o = await getOpportunity(deps, opportunityId);
  return (await deps.youthHouse.getSignUp(u.sub, o.shifts[0]!.start.slice(0, 10), opportunityId, 0))?.state;
};

/** The offer link in the last offer email to a youth. */
const linkIn = (m: MailMessage) => /https:\/\/jaunatne\.example\.lv\/o\/([A-Za-z0-9_.-]+)\?lang=lv/.exec(m.text)![1]!;

describe('waitlist offers', () => {
  it('a cancelled place is held for the first waiting (no newcomer takes it), mailed once with a link, and confirmed by the API', async () => {
    const o = await published(1, { offerHours: 12 });
    const [a, b, c, d] = await youths(4);
    await signUp(deps, a!, o.id, 0);
    expect((await signUp(deps, b!, o.id, 0)).position).toBe(1);
    expect((await signUp(deps, c!, o.id, 0)).position).toBe(2);

    const { offered } = await cancelSignUp(deps, a!, o.id, 0);
    expect(offered).toMatchObject({ youthId: b!.sub, state: 'offered' });
    expect(Date.parse(offered!.offer!.expiresAt) - Date.parse(offered!.offer!.offeredAt)).toBe(12 * HOUR);
    expect((await signUp(deps, d!, o.id, 0)).state).toBe('waitlisted');
    expect((await getOpportunity(deps, o.id)).shifts[0]!.remainingPlaces).toBe(0);

    // the sweep mails the offer once, however often it fires
    const first = await sweepYouthHouse(deps, clock.now());
    await sweepYouthHouse(deps, clock.now());
    expect(first.offers).toBeGreaterThanOrEqual(1);
    expect(mailsTo(b!.sub)).toHaveLength(1);
    expect(mailsTo(b!.sub)[0]!.subject).toContain('Jums piedāvāta vieta');
    expect(mailsTo(b!.sub)[0]!.text).toContain('Talka Mežaparkā');
    expect(mailsTo(c!.sub)).toHaveLength(0);

    expect((await confirmMyOffer(deps, b!, o.id, 0)).state).toBe('registered');
    expect(await stateOf(b!, o.id)).toBe('registered');
    await expect(confirmMyOffer(deps, b!, o.id, 0)).rejects.toMatchObject({ ruleId: 'youth-house.no-offer' });
    // the link now says it was accepted; it can no longer decline
    const token = linkIn(mailsTo(b!.sub)[0]!);
    expect((await openOfferLink(deps, token)).state).toBe('accepted');
  });

  it('PlaceOffered mails the offer at once and once; a failed send is left to the sweep; a confirmed or declined offer hears nothing', async () => {
    const o = await published(1);
    const [a, b, c, d] = await youths(4);
    for (const u of [a!, b!, c!, d!]) await signUp(deps, u, o.id, 0);

    const { offered } = await cancelSignUp(deps, a!, o.id, 0);
    const event = { detail: offered! };
    expect(await mailPlaceOffer(deps, event)).toBe('mailed');
    expect(await mailPlaceOffer(deps, event)).toBe('skipped');
    expect((await sweepYouthHouse(deps, clock.now())).offers).toBe(0);
    expect(mailsTo(b!.sub)).toHaveLength(1);
    expect(mailsTo(b!.sub)[0]!.subject).toContain('Jums piedāvāta vieta');

    // b declines: c's offer fails to send, the claim is given back and the next sweep sends it
    const declined = await cancelSignUp(deps, b!, o.id, 0);
    failNext = 1;
    expect(await mailPlaceOffer(deps, { detail: declined.offered! })).toBe('failed');
    expect(mailsTo(c!.sub)).toHaveLength(0);
    expect((await sweepYouthHouse(deps, clock.now())).offers).toBe(1);
    expect(mailsTo(c!.sub)).toHaveLength(1);

    // a late event for an offer already answered sends nothing
    await confirmMyOffer(deps, c!, o.id, 0);
    const { offered: toD } = await cancelSignUp(deps, c!, o.id, 0);
    await cancelSignUp(deps, d!, o.id, 0);
    expect(await mailPlaceOffer(deps, { detail: toD! })).toBe('skipped');
    expect(await mailPlaceOffer(deps, { detail: declined.offered! })).toBe('skipped');
    expect(mailsTo(d!.sub)).toHaveLength(0);
  });

  it('an unanswered offer expires and passes to the next in line; with no one left the place is freed', async () => {
    const o = await published(1, { offerHours: 2 });
    const [a, b, c] = await youths(3);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    await signUp(deps, c!, o.id, 0);
    await cancelSignUp(deps, a!, o.id, 0);
    expect(await stateOf(b!, o.id)).toBe('offered');

    // an hour later nothing expires; past the deadline the offer passes to c
    expect((await sweepYouthHouse(deps, later(1))).expired).toBe(0);
    offsetMs = 2 * HOUR + 60_000;
    await expect(confirmMyOffer(deps, b!, o.id, 0)).rejects.toMatchObject({ ruleId: 'youth-house.offer-expired' });
    const reads = vi.spyOn(deps.youthHouse, 'openOffers');
    const counts = await sweepYouthHouse(deps, clock.now());
    // one read of the open offers per firing: the expiry pass hands the sweep the offers it made
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    expect(counts.expired).toBeGreaterThanOrEqual(1);
    expect(counts.offers).toBeGreaterThanOrEqual(1);
    expect(await stateOf(b!, o.id)).toBe('cancelled');
    expect(await stateOf(c!, o.id)).toBe('offered');
    expect((await getOpportunity(deps, o.id)).shifts[0]!.remainingPlaces).toBe(0);
    expect(mailsTo(c!.sub)).toHaveLength(1);

    // c declines by the link: no one is left, the place is free again
    const token = linkIn(mailsTo(c!.sub)[0]!);
    const page = await openOfferLink(deps, token);
    expect(page.state).toBe('ask');
    expect(await answerOfferLink(deps, token, { csrf: 'forged', action: 'decline' })).toEqual({ state: 'invalid' });
    expect(await stateOf(c!, o.id)).toBe('offered');
    const answered = await answerOfferLink(deps, token, { csrf: (page as { csrf: string }).csrf, action: 'decline' });
    expect(answered).toMatchObject({ state: 'declined', justNow: true });
    expect(await stateOf(c!, o.id)).toBe('cancelled');
    expect((await getOpportunity(deps, o.id)).shifts[0]!.remainingPlaces).toBe(1);
    // b's old link says the offer expired
    expect((await openOfferLink(deps, linkIn(mailsTo(b!.sub)[0]!))).state).toBe('expired');
  });

  it("an offer never outlasts the shift's start, and a tampered link changes nothing", async () => {
    const start = new Date(Date.now() + 5 * HOUR).toISOString();
    const o = await published(1, { shifts: [{ start, durationMinutes: 60, places: 1 }], signUpDeadline: new Date(Date.now() + HOUR).toISOString(), offerHours: 24 });
    const [a, b] = await youths(2);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    const { offered } = await cancelSignUp(deps, a!, o.id, 0);
    expect(offered!.offer!.expiresAt).toBe(new Date(start).toISOString());
    await sweepYouthHouse(deps, clock.now());
    const token = linkIn(mailsTo(b!.sub)[0]!);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await openOfferLink(deps, tampered)).toEqual({ state: 'invalid' });
    const page = await openOfferLink(deps, token);
    expect(await answerOfferLink(deps, token, { csrf: (page as { csrf: string }).csrf, action: 'confirm' })).toMatchObject({ state: 'accepted', justNow: true });
  });
});

describe('reminders and cancellations', () => {
  it('reminds registered youth once within the reminder window, never outside it, and retries a failed send', async () => {
    const start = new Date(Date.now() + 30 * HOUR).toISOString();
    const o = await published(5, { shifts: [{ start, durationMinutes: 60, places: 5 }], signUpDeadline: new Date(Date.now() + HOUR).toISOString(), reminderHours: 24 });
    const [a, b] = await youths(2);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    await cancelSignUp(deps, b!, o.id, 0);
    // 30 h before: outside the 24 h window
    await sweepYouthHouse(deps, clock.now());
    expect(mailsTo(a!.sub)).toHaveLength(0);
    // 7 h later (23 h before): the first send fails, the claim is given back, the next firing sends; then never again
    offsetMs = 7 * HOUR;
    failNext = 1;
    const failed = await sweepYouthHouse(deps, clock.now());
    expect(failed.failed).toBe(1);
    expect(mailsTo(a!.sub)).toHaveLength(0);
    await Promise.all([sweepYouthHouse(deps, clock.now()), sweepYouthHouse(deps, clock.now())]);
    offsetMs = 8 * HOUR;
    await sweepYouthHouse(deps, clock.now());
    expect(mailsTo(a!.sub).map((m) => m.subject)).toEqual([expect.stringContaining('Atgādinājums')]);
    expect(mailsTo(b!.sub)).toHaveLength(0); // cancelled: no reminder
  });

  it('a cancelled shift: its sign-ups are emailed once, the other shift goes on; no sign-up, offer or place for it; it no longer counts toward the caps', async () => {
    const o = await published(1, { reminderHours: 0, shifts: [{ start: inDays(10), durationMinutes: 60, places: 1 }, { start: inDays(11), durationMinutes: 60, places: 5 }] });
    const [a, b, c, d] = await youths(4);
    await signUp(deps, a!, o.id, 0);
    expect((await signUp(deps, b!, o.id, 0)).state).toBe('waitlisted');
    await signUp(deps, c!, o.id, 1);

    const view = await cancelShift(deps, coordinator, o.id, 0);
    expect(view.shifts.map((s) => [s.cancelled, s.remainingPlaces])).toEqual([[true, 0], [false, 4]]);
    expect(view.status).toBe('published');
    // again: nothing new
    await cancelShift(deps, coordinator, o.id, 0);
    const outbox = (await t.doc.send(new ScanCommand({ TableName: t.table, FilterExpression: 'entityType = :e', ExpressionAttributeValues: { ':e': 'OutboxEvent' } }))).Items ?? [];
    const events = outbox.map((i) => JSON.parse(i.event as string)).filter((e) => e.type === 'ShiftCancelled' && e.detail.opportunityId === o.id);
    expect(events).toHaveLength(1);
    await expect(cancelShift(deps, youth('y-x'), o.id, 1)).rejects.toBeInstanceOf(ForbiddenError);

    await expect(signUp(deps, d!, o.id, 0)).rejects.toMatchObject({ ruleId: 'youth-house.shift-cancelled' });
    expect((await signUp(deps, d!, o.id, 1)).state).toBe('registered');
    // a leaving youth hands the place to nobody
    expect((await cancelSignUp(deps, a!, o.id, 0)).offered).toBeNull();

    const first = await sweepYouthHouse(deps, clock.now());
    await sweepYouthHouse(deps, clock.now());
    expect(first.cancellations).toBe(1);
    expect(mailsTo(b!.sub)).toHaveLength(1);
    expect(mailsTo(b!.sub)[0]!.subject).toContain('Atcelta maiņa');
    expect(mailsTo(b!.sub)[0]!.text).toContain('pārējās maiņas notiek kā paredzēts');
    expect(mailsTo(a!.sub)).toHaveLength(0);
    expect(mailsTo(c!.sub)).toHaveLength(0);

    // b's waitlisted sign-up of the cancelled shift no longer blocks another shift at the same time
    const same = await published(5, { title: { lv: 'Cita talka' }, shifts: [{ start: inDays(10), durationMinutes: 60, places: 5 }] });
    const [e] = await youths(1);
    await signUp(deps, e!, o.id, 1);
    const clash = await published(5, { title: { lv: 'Trešā talka' }, shifts: [{ start: inDays(11), durationMinutes: 60, places: 5 }] });
    await expect(signUp(deps, e!, clash.id, 0)).rejects.toMatchObject({ ruleId: expect.stringMatching(/^hours\./) });
    expect((await signUp(deps, b!, same.id, 0)).state).toBe('registered');
  });

  it('an open offer on a shift then called off is not mailed (sweep or reaction); an edit keeps the shift called off', async () => {
    const o = await published(1, { reminderHours: 0, shifts: [{ start: inDays(10), durationMinutes: 60, places: 1 }, { start: inDays(12), durationMinutes: 60, places: 5 }] });
    const [a, b] = await youths(2);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    const { offered } = await cancelSignUp(deps, a!, o.id, 0);
    expect(offered).toMatchObject({ youthId: b!.sub, state: 'offered' });
    await cancelShift(deps, coordinator, o.id, 0);
    expect(await mailPlaceOffer(deps, { detail: offered! })).toBe('skipped');
    const swept = await sweepYouthHouse(deps, clock.now());
    expect(swept.offers).toBe(0);
    expect(mailsTo(b!.sub).map((m) => m.subject)).toEqual([expect.stringContaining('Atcelta maiņa')]);
    await expect(confirmMyOffer(deps, b!, o.id, 0)).rejects.toMatchObject({ ruleId: 'youth-house.not-open' });

    const edited = await updateOpportunity(deps, coordinator, o.id, anOpportunityInput({ reminderHours: 0, title: { lv: 'Talka Mežaparkā (labots)' }, shifts: (await getOpportunity(deps, o.id)).shifts.map(({ start, durationMinutes, places }) => ({ start, durationMinutes, places })) }));
    expect(edited.shifts.map((s) => s.cancelled)).toEqual([true, false]);
    expect((await getOpportunity(deps, o.id)).shifts.map((s) => s.cancelled)).toEqual([true, false]);
  });

  it('a shift cannot be called off once it started, nor in a draft', async () => {
    const draft = await createOpportunity(deps, coordinator, M, anOpportunityInput());
    await expect(cancelShift(deps, coordinator, draft.id, 0)).rejects.toMatchObject({ ruleId: 'youth-house.status-transition' });
    const o = await published(3);
    offsetMs = 10 * 24 * HOUR;
    await expect(cancelShift(deps, coordinator, o.id, 0)).rejects.toMatchObject({ ruleId: 'youth-house.shift-started' });
    await expect(cancelShift(deps, coordinator, o.id, 5)).rejects.toMatchObject({ resource: 'shift' });
  });

  it('an opportunity with reminderHours 0 sends none', async () => {
    const start = new Date(Date.now() + 3 * HOUR).toISOString();
    const o = await published(2, { shifts: [{ start, durationMinutes: 60, places: 2 }], signUpDeadline: new Date(Date.now() + HOUR).toISOString(), reminderHours: 0 });
    const [a] = await youths(1);
    await signUp(deps, a!, o.id, 0);
    await sweepYouthHouse(deps, clock.now());
    expect(mailsTo(a!.sub)).toHaveLength(0);
  });

  it('a cancelled opportunity emails everyone registered, offered or waiting, once; cancelled sign-ups hear nothing', async () => {
    const o = await published(1);
    const [a, b, c, d] = await youths(4);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    await signUp(deps, c!, o.id, 0);
    await signUp(deps, d!, o.id, 0);
    await cancelSignUp(deps, d!, o.id, 0);
    await setOpportunityStatus(deps, coordinator, o.id, 'cancelled');
    await Promise.all([sweepYouthHouse(deps, clock.now()), sweepYouthHouse(deps, clock.now())]);
    await sweepYouthHouse(deps, clock.now());
    for (const u of [a!, b!, c!]) expect(mailsTo(u.sub).map((m) => m.subject)).toEqual([expect.stringContaining('Atcelts')]);
    expect(mailsTo(d!.sub)).toHaveLength(0);
  });

  it('an edit of where, whom to ask, the title or the hours is mailed once to everyone signed up before it; other edits and later sign-ups hear nothing', async () => {
    const o = await published(2);
    const [a, b, c, d] = await youths(4);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    await signUp(deps, c!, o.id, 0); // waitlisted
    await signUp(deps, d!, o.id, 0);
    await cancelSignUp(deps, d!, o.id, 0); // cancelled: hears nothing
    const edit = async (change: Partial<OpportunityInput>) => {
      const { id: _i, municipality: _m, status: _s, registered: _r, createdAt: _c, createdBy: _b, updatedAt: _u, changeNotice: _n, revision: _v, ...input } = (await deps.youthHouse.getOpportunity(o.id)) as Record<string, unknown> & Awaited<ReturnType<typeof deps.youthHouse.getOpportunity>>;
      return updateOpportunity(deps, coordinator, o.id, { ...(input as unknown as OpportunityInput), ...change });
    };
    // a description alone is no notice
    await edit({ description: { lv: 'Sakopsim parku kopā. Cimdi būs.' } });
    expect((await deps.youthHouse.getOpportunity(o.id))!.changeNotice).toBeUndefined();

    await edit({ place: { type: 'address', address: 'Rīgas iela 7, Jēkabpils' }, contact: { name: 'Anna Ozola', phone: '+371 20000000' } });
    const view = await getOpportunity(deps, o.id);
    expect(view).not.toHaveProperty('changeNotice');
    const e = await youths(1);
    await signUp(deps, e[0]!, o.id, 0); // after the edit: already sees it
    failNext = 1;
    const first = await sweepYouthHouse(deps, clock.now());
    expect(first.failed).toBe(1);
    expect((await deps.youthHouse.getOpportunity(o.id))!.changeNotice).toMatchObject({ fields: ['place', 'contact'] });
    await Promise.all([sweepYouthHouse(deps, clock.now()), sweepYouthHouse(deps, clock.now())]);
    await sweepYouthHouse(deps, clock.now());
    for (const u of [a!, b!, c!]) {
      expect(mailsTo(u.sub).map((m) => m.subject)).toEqual(['Izmaiņas: Talka Mežaparkā / Changed']);
      const [mail] = mailsTo(u.sub);
      expect(mail!.text).toContain('(izmaiņas: vieta, kontaktpersona)');
      expect(mail!.text).toContain('Vieta: Rīgas iela 7, Jēkabpils');
      expect(mail!.text).toContain('Kontakts: Anna Ozola, +371 20000000');
      expect(mail!.text).toContain('(changed: place, contact)');
    }
    expect(mailsTo(d!.sub)).toHaveLength(0);
    expect(mailsTo(e[0]!.sub)).toHaveLength(0);
    expect((await deps.youthHouse.getOpportunity(o.id))!.changeNotice).toBeUndefined();

    // a second edit is a new notice: mailed once more, now to the later sign-up too
    await edit({ creditedMinutesPerShift: 90 });
    await sweepYouthHouse(deps, clock.now());
    await sweepYouthHouse(deps, clock.now());
    for (const u of [a!, b!, c!, e[0]!]) expect(mailsTo(u.sub).filter((m) => m.text.includes('Ieskaitāmās stundas: 1 h 30 min'))).toHaveLength(1);
    expect(mailsTo(d!.sub)).toHaveLength(0);
  });

  it('every offer change is an outbox event in its transaction', async () => {
    const o = await published(1, { offerHours: 1 });
    const [a, b, c] = await youths(3);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    await signUp(deps, c!, o.id, 0);
    await cancelSignUp(deps, a!, o.id, 0);
    offsetMs = HOUR + 60_000;
    await sweepYouthHouse(deps, clock.now());
    await confirmMyOffer(deps, c!, o.id, 0);
    const items = (await t.doc.send(new ScanCommand({ TableName: t.table, FilterExpression: 'entityType = :e', ExpressionAttributeValues: { ':e': 'OutboxEvent' } }))).Items ?? [];
    const mine = items.map((i) => JSON.parse(i.event as string)).filter((e) => e.detail.opportunityId === o.id && e.detail.youthId).map((e) => `${e.type}:${e.detail.youthId}`);
    expect(mine.sort()).toEqual([
      `ShiftSignedUp:${a!.sub}`, `ShiftWaitlisted:${b!.sub}`, `ShiftWaitlisted:${c!.sub}`, `SignUpCancelled:${a!.sub}`,
      `PlaceOffered:${b!.sub}`, `OfferExpired:${b!.sub}`, `PlaceOffered:${c!.sub}`, `OfferAccepted:${c!.sub}`,
    ].sort());
  });
});
