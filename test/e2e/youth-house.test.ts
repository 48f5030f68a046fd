import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { aWorld, aYouth, bornYearsAgo, expectStatus, type World } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';
import { anOpportunityInput, inDays } from '../support/youth-house-builders.js';

const M = 'LV-042';
let world: World;
beforeAll(async () => {
  world = await aWorld(call, tokenFor, M);
});

const create = (token: string, body: unknown, code = M) => call('POST', `/v1/municipalities/${code}/opportunities`, { token, body });
async function aPublished(overrides: Record<string, unknown> = {}) {
  const o = await expectStatus(create(world.coordinator, anOpportunityInput(overrides)), 201);
  await expectStatus(call('PUT', `/v1/opportunities/${o.json.id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
  return o.json as { id: string };
}

describe('the digital youth house through the local gateway', () => {
  it('a coordinator publishes; anyone without a login lists and reads it with places left and Event JSON-LD', async () => {
    const o = await aPublished({ kind: 'training', topics: ['digital'] });
    const list = await expectStatus(call('GET', `/v1/municipalities/${M}/opportunities?kind=training&topic=digital&hasPlaces=true`), 200);
    expect(list.json.items.map((i: { id: string }) => i.id)).toContain(o.id);
    const one = await expectStatus(call('GET', `/v1/opportunities/${o.id}`), 200);
    expect(one.json.shifts[0]).toMatchObject({ index: 0, places: 10, remainingPlaces: 10 });
    const programme = (await expectStatus(call('GET', `/v1/municipalities/${M}/hours-programme`, { token: world.coordinator }), 200)).json;
    expect(one.json.guardianConsent).toEqual(programme.consentUpToAge >= 13 ? { neededUpToAge: Math.min(programme.consentUpToAge, 25) } : null);
    expect(list.json.items.find((i: { id: string }) => i.id === o.id).guardianConsent).toEqual(one.json.guardianConsent);
    expect(one.json.jsonLd[0]).toMatchObject({ '@type': 'Event', maximumAttendeeCapacity: 10, remainingAttendeeCapacity: 10, typicalAgeRange: '13-25', eventStatus: 'https://schema.org/EventScheduled' });
  });

  it('a draft is edited freely; once published only what sign-ups do not depend on, places never below those registered, a cancelled one not at all', async () => {
    const edit = (id: string, body: unknown, token = world.coordinator) => call('PUT', `/v1/opportunities/${id}`, { token, body });
    const draft = await expectStatus(create(world.coordinator, anOpportunityInput({ shifts: [{ start: inDays(10), durationMinutes: 120, places: 2 }] })), 201);
    const id = draft.json.id as string;
    // a draft: the time, the kind and the host change
    const moved = anOpportunityInput({ kind: 'volunteering', institutionId: world.institutionId, shifts: [{ start: inDays(12), durationMinutes: 90, places: 2 }], signUpDeadline: inDays(11) });
    expect((await expectStatus(edit(id, moved), 200)).json).toMatchObject({ kind: 'volunteering', institutionId: world.institutionId, shifts: [{ start: inDays(12), durationMinutes: 90 }] });
    // others may not; bad input is a 400 naming the field
    const other = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: 'LV-077' });
    await expectStatus(edit(id, moved, other), 403);
    const youth = await tokenFor({ role: 'youth', sub: `y-${randomUUID()}`, municipality: M });
    await expectStatus(edit(id, moved, youth), 403);
    expect(JSON.stringify((await expectStatus(edit(id, { ...moved, ageRange: { min: 20, max: 15 } }), 400)).json)).toContain('min-not-above-max');

    await expectStatus(call('PUT', `/v1/opportunities/${id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
    const a = await aYouth(call, tokenFor, M);
    const b = await aYouth(call, tokenFor, M);
    await expectStatus(call('POST', `/v1/opportunities/${id}/shifts/0/sign-ups`, { token: a.token }), 201);
    await expectStatus(call('POST', `/v1/opportunities/${id}/shifts/0/sign-ups`, { token: b.token }), 201);
    const refusals: [unknown, string, string][] = [
      [{ ...moved, shifts: [{ ...moved.shifts[0]!, start: inDays(13) }] }, 'youth-house.shift-time-fixed', 'body.shifts.0.start'],
      [{ ...moved, shifts: [{ ...moved.shifts[0]!, places: 1 }] }, 'youth-house.places-below-registered', 'body.shifts.0.places'],
      [{ ...moved, kind: 'event' }, 'youth-house.fixed-after-publish', 'body.kind'],
      [{ ...moved, shifts: [] }, 'too_small', 'shifts'],
    ];
    for (const [body, ruleId, field] of refusals) {
      const res = await edit(id, body);
      expect([400, 422], JSON.stringify(res.json)).toContain(res.status);
      expect(JSON.stringify(res.json)).toContain(ruleId);
      expect(JSON.stringify(res.json)).toContain(field);
    }
    expect((await expectStatus(call('GET', `/v1/opportunities/${id}`), 200)).json).toMatchObject({ title: { lv: 'Talka Mežaparkā' }, shifts: [{ places: 2, remainingPlaces: 0 }] });

    // the texts, more places and a new shift: the full shift has a place again, the new one is open
    const extended = { ...moved, title: { lv: 'Talka Mežaparkā (precizēts)', en: 'Clean-up in the park' }, shifts: [{ ...moved.shifts[0]!, places: 3 }, { start: inDays(14), durationMinutes: 60, places: 5 }] };
    const done = await expectStatus(edit(id, extended), 200);
    expect(done.json).toMatchObject({ title: { lv: 'Talka Mežaparkā (precizēts)' }, shifts: [{ index: 0, places: 3, remainingPlaces: 1 }, { index: 1, places: 5, remainingPlaces: 5 }] });
    const c = await aYouth(call, tokenFor, M);
    await expectStatus(call('POST', `/v1/opportunities/${id}/shifts/1/sign-ups`, { token: c.token }), 201);
    await expectStatus(call('POST', `/v1/opportunities/${id}/shifts/0/sign-ups`, { token: c.token }), 201);
    const list = await expectStatus(call('GET', `/v1/municipalities/${M}/opportunities`), 200);
    expect(list.json.items.find((i: { id: string }) => i.id === id)).toMatchObject({ title: { lv: 'Talka Mežaparkā (precizēts)' } });

    await expectStatus(call('PUT', `/v1/opportunities/${id}/status`, { token: world.coordinator, body: { status: 'cancelled' } }), 200);
    expect((await expectStatus(edit(id, extended), 409)).json).toMatchObject({ status: 409, title: 'Atceltu iespēju labot nevar' });
  });

  it('a draft is not public', async () => {
    const o = await expectStatus(create(world.coordinator, anOpportunityInput()), 201);
    await expectStatus(call('GET', `/v1/opportunities/${o.json.id}`), 404);
  });

  it('refuses other municipalities, youth, and supervisors without their institution with 403, writing nothing', async () => {
    const other = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: 'LV-077' });
    await expectStatus(create(other, anOpportunityInput()), 403);
    const youth = await tokenFor({ role: 'youth', sub: `y-${randomUUID()}`, municipality: M });
    await expectStatus(create(youth, anOpportunityInput()), 403);
    await expectStatus(create(world.supervisor, anOpportunityInput()), 403);
    const stranger = await tokenFor({ role: 'supervisor', sub: `s-${randomUUID()}`, municipality: M, institution: world.institutionId });
    await expectStatus(create(stranger, anOpportunityInput({ institutionId: world.institutionId })), 403);
    await expectStatus(create(world.supervisor, anOpportunityInput({ kind: 'volunteering', institutionId: world.institutionId })), 201);
  });

  it('bad input is a 400 problem naming the field and rule', async () => {
    const res = await expectStatus(create(world.coordinator, { ...anOpportunityInput({ kind: 'volunteering' }), ageRange: { min: 20, max: 15 } }), 400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const rules = JSON.stringify(res.json);
    expect(rules).toContain('required-for-volunteering');
    expect(rules).toContain('min-not-above-max');
  });

  it("signs up a youth; refuses a 14-year-old without consent with the logbook's rule id on the shift's date", async () => {
    const o = await aPublished();
    const adult = await aYouth(call, tokenFor, M);
    const s = await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, { token: adult.token }), 201);
    expect(s.json).toMatchObject({ state: 'registered', shift: 0 });
    await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, { token: adult.token }), 409);
    const minor = await aYouth(call, tokenFor, M, { birthDate: bornYearsAgo(14), guardianConsent: null });
    const refused = await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, { token: minor.token }), 422);
    expect(JSON.stringify(refused.json)).toContain('hours.consent-missing');
    const cancelled = await expectStatus(call('DELETE', `/v1/opportunities/${o.id}/shifts/0/sign-ups/me`, { token: adult.token }), 200);
    expect(cancelled.json.cancelled.state).toBe('cancelled');
  });

  it("a child's evening shift breaks the logbook's night rule", async () => {
    const o = await aPublished({ shifts: [{ start: inDays(10, 18), durationMinutes: 120, places: 5 }] });
    const child = await aYouth(call, tokenFor, M, { birthDate: bornYearsAgo(14), guardianConsent: { name: 'Anna Ozola', relation: 'parent', date: bornYearsAgo(1) } });
    const refused = await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, { token: child.token }), 422);
    expect(JSON.stringify(refused.json)).toContain('hours.minor-night-work');
  });
});
