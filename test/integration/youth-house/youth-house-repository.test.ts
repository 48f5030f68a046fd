import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { DynamoYouthHouseRepository } from '../../../lib/data/youth-house-repository.js';
import { systemClock } from '../../../lib/domain/clock.js';
import type { User } from '../../../lib/domain/identity/types.js';
import { cancelSignUp, createOpportunity, getOpportunity, listOpportunities, setOpportunityStatus, signUp, updateOpportunity, type YouthHouseDeps } from '../../../lib/domain/youth-house/use-cases.js';
import { confirmMyOffer } from '../../../lib/domain/youth-house/offers.js';
import { suiteTable } from '../../support/dynamo.js';
import { aVolunteer } from '../../support/hours-builders.js';
import { anOpportunityInput, inDays } from '../../support/youth-house-builders.js';

const M = 'LV-042';
let t: Awaited<ReturnType<typeof suiteTable>>;
let deps: YouthHouseDeps;
const coordinator: User = { sub: 'c-1', role: 'coordinator', municipality: M, institution: null, email: null, name: null };
const youth = (sub: string): User => ({ sub, role: 'youth', municipality: M, institution: null, email: null, name: null });

beforeAll(async () => {
  t = await suiteTable('youth-house');
  const hours = new DynamoHoursRepository(t.doc, t.table);
  deps = {
    youthHouse: new DynamoYouthHouseRepository(t.doc, t.table), hours, clock: systemClock, newNonce: () => randomBytes(16).toString('base64url'),
    municipalities: { get: async (code) => (code === M ? { code, name: 'Jēkabpils novads', nameEn: 'Jēkabpils Municipality', validFrom: '2021-07-01', validTo: null } as never : undefined) },
  };
});
afterAll(async () => t.drop());

async function published(places: number, shifts = 1) {
  const o = await createOpportunity(deps, coordinator, M, anOpportunityInput({ shifts: Array.from({ length: shifts }, (_, i) => ({ start: inDays(10 + i), durationMinutes: 60, places })) }));
  await setOpportunityStatus(deps, coordinator, o.id, 'published');
  return o;
}

async function youths(n: number): Promise<User[]> {
  const subs = Array.from({ length: n }, () => `y-${crypto.randomUUID()}`);
  const hours = deps.hours as DynamoHoursRepository;
  await Promise.all(subs.map((id) => hours.putVolunteer(aVolunteer({ id, birthDate: '2004-05-01', municipality: M }))));
  return subs.map(youth);
}


describe('youth house repository on DynamoDB Local', () => {
  it('50 concurrent sign-ups for 10 places: exactly 10 registered, the other 40 waitlisted 1..40 in the order the counter saw them', async () => {
    const o = await published(10);
    const people = await youths(50);
    const results = await Promise.all(people.map((u) => signUp(deps, u, o.id, 0)));
    const registered = results.filter((r) => r.state === 'registered');
    const waitlisted = results.filter((r) => r.state === 'waitlisted');
    expect(registered).toHaveLength(10);
    expect(waitlisted.map((w) => w.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const view = await getOpportunity(deps, o.id);
    expect(view.shifts[0]!.remainingPlaces).toBe(0);
    expect(view.status).toBe('full');

    // Cancelling a registered place offers it to the first waitlisted sign-up, who holds it until confirming.
    const first = waitlisted.find((w) => w.position === 1)!;
    const { offered } = await cancelSignUp(deps, youth(registered[0]!.youthId), o.id, 0);
    expect(offered?.youthId).toBe(first.youthId);
    expect(offered?.state).toBe('offered');
    expect((await getOpportunity(deps, o.id)).shifts[0]!.remainingPlaces).toBe(0);
    const again = await deps.youthHouse.getSignUp(first.youthId, first.date, o.id, 0);
    expect(again).toMatchObject({ state: 'offered', offer: { mailedAt: null, outcome: null } });
    expect(await deps.youthHouse.waitlisted(o.id, 0, 1)).toEqual([expect.objectContaining({ position: 2 })]);
    // a newcomer cannot take the held place
    const [late] = await youths(1);
    expect((await signUp(deps, late!, o.id, 0)).state).toBe('waitlisted');
    expect((await confirmMyOffer(deps, youth(first.youthId), o.id, 0)).state).toBe('registered');
    expect((await deps.youthHouse.getSignUp(first.youthId, first.date, o.id, 0))?.offer?.outcome).toBe('accepted');
    expect((await getOpportunity(deps, o.id)).shifts[0]!.remainingPlaces).toBe(0);
  });

  it('writes every sign-up and promotion as an outbox event in its transaction', async () => {
    const o = await published(1);
    const [a, b] = await youths(2);
    await signUp(deps, a!, o.id, 0);
    await signUp(deps, b!, o.id, 0);
    await cancelSignUp(deps, a!, o.id, 0);
    const items = (await t.doc.send(new ScanCommand({ TableName: t.table, FilterExpression: 'entityType = :e', ExpressionAttributeValues: { ':e': 'OutboxEvent' } }))).Items ?? [];
    const mine = items.map((i) => JSON.parse(i.event as string)).filter((e) => e.detail.opportunityId === o.id).map((e) => `${e.type}:${e.detail.youthId ?? ''}`);
    expect(mine.sort()).toEqual([`OpportunityPublished:`, `ShiftSignedUp:${a!.sub}`, `ShiftWaitlisted:${b!.sub}`, `SignUpCancelled:${a!.sub}`, `PlaceOffered:${b!.sub}`].sort());
  });

  it('a cancelled place can be taken again, and a second sign-up for the same shift is refused', async () => {
    const o = await published(2);
    const [a] = await youths(1);
    await signUp(deps, a!, o.id, 0);
    await expect(signUp(deps, a!, o.id, 0)).rejects.toThrow(/already signed up/);
    await cancelSignUp(deps, a!, o.id, 0);
    expect((await signUp(deps, a!, o.id, 0)).state).toBe('registered');
    expect((await getOpportunity(deps, o.id)).shifts[0]!.remainingPlaces).toBe(1);
  });

  it('an edit: a draft drops a shift (its counters follow), places lowered under concurrent sign-ups never go below them', async () => {
    const input = anOpportunityInput({ shifts: [{ start: inDays(10), durationMinutes: 60, places: 3 }, { start: inDays(11), durationMinutes: 60, places: 3 }] });
    const draft = await createOpportunity(deps, coordinator, M, input);
    await updateOpportunity(deps, coordinator, draft.id, { ...input, shifts: [input.shifts[0]!] });
    const stored = (await t.doc.send(new ScanCommand({ TableName: t.table }))).Items!.find((i) => i.id === draft.id && i.entityType === 'Opportunity')!;
    expect(stored).toMatchObject({ registered: [0], waitSeq: [0], revision: 1 });
    await setOpportunityStatus(deps, coordinator, draft.id, 'published');
    const [a, b, c] = await youths(3);
    await signUp(deps, a!, draft.id, 0);
    // an edit read with one registered; two more sign up before it writes: lowering to 2 places is refused
    const before = (await deps.youthHouse.getOpportunity(draft.id))!;
    await signUp(deps, b!, draft.id, 0);
    await signUp(deps, c!, draft.id, 0);
    const lowered = { ...before, shifts: [{ ...before.shifts[0]!, places: 2 }], updatedAt: new Date().toISOString() };
    await expect(deps.youthHouse.updateOpportunity(before, lowered, [])).rejects.toMatchObject({ kind: 'conflict' });
    expect((await getOpportunity(deps, draft.id)).shifts[0]).toMatchObject({ places: 3, remainingPlaces: 0 });
    // the other way round: places lowered to those registered; a sign-up that read the old places finds it full
    const [d, e] = await youths(2);
    await cancelSignUp(deps, c!, draft.id, 0);
    const read = (await deps.youthHouse.getOpportunity(draft.id))!;
    await updateOpportunity(deps, coordinator, draft.id, { ...input, shifts: [{ ...input.shifts[0]!, places: 2 }] });
    const late = { opportunityId: draft.id, shift: 0, youthId: d!.sub, municipality: M, state: 'registered' as const, position: null, date: read.shifts[0]!.start.slice(0, 10), startTime: '11:00', minutes: 60, createdAt: read.updatedAt, updatedAt: read.updatedAt };
    expect(await deps.youthHouse.register(late, read.shifts[0]!.places, () => [])).toBe('full');
    expect((await signUp(deps, e!, draft.id, 0)).state).toBe('waitlisted');
    expect((await getOpportunity(deps, draft.id)).shifts[0]).toMatchObject({ places: 2, remainingPlaces: 0 });
  });

  it('lists published opportunities page by page with opaque cursors and filters', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await published(3)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOpportunities(deps, M, { topic: 'environment-climate', hasPlaces: true }, 2, cursor);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await listOpportunities(deps, M, { kind: 'training' }, 50)).items).toEqual([]);
    expect((await listOpportunities(deps, M, { age: 30 }, 50)).items).toEqual([]);
  });
});
