import { describe, expect, it } from 'vitest';
import { aWorld, aYouth, anEntry, bornYearsAgo, daysAgo, expectStatus } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';

const M = 'LV-056';

describe('the volunteer-hours logbook over HTTP', () => {
  it('takes a youth from profile to approved hours and progress, with the supervisor queue in between', async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M);
    expect((await expectStatus(call('GET', '/v1/volunteers/me', { token: youth.token }), 200)).json).toMatchObject({ id: youth.sub, municipality: M, guardianConsent: null });
    const a = await anEntry(call, youth.token, world.institutionId, { minutes: 90, date: daysAgo(2) });
    const b = await anEntry(call, youth.token, world.institutionId, { minutes: 60, date: daysAgo(1) });
    const queue = await expectStatus(call('GET', '/v1/supervisors/me/queue', { token: world.supervisor }), 200);
    expect(queue.json.items.map((e: { id: string }) => e.id)).toEqual([a.id, b.id]);
    const decided = await expectStatus(call('POST', `/v1/hour-entries/${a.id}/decision`, { token: world.supervisor, body: { decision: 'approve-fewer', approvedMinutes: 75, comment: 'Sāka 15 minūtes vēlāk' } }), 200);
    expect(decided.json).toMatchObject({ state: 'approved', approvedMinutes: 75, comment: 'Sāka 15 minūtes vēlāk' });
    await expectStatus(call('POST', `/v1/hour-entries/${b.id}/decision`, { token: world.supervisor, body: { decision: 'reject', reason: 'Nebija sarakstā' } }), 200);
    const year = Number(daysAgo(1).slice(0, 4));
    const progress = await expectStatus(call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token }), 200);
    expect(progress.json).toMatchObject({ approvedMinutes: daysAgo(2).startsWith(String(year)) ? 75 : 0, pendingMinutes: 0, thresholdMinutes: 3600, eligible: false });
    const list = await expectStatus(call('GET', `/v1/volunteers/me/hour-entries?year=${year}`, { token: youth.token }), 200);
    expect(list.json.items.map((e: { state: string }) => e.state)).toContain('rejected');
    expect((await call('GET', '/v1/supervisors/me/queue', { token: world.supervisor })).json.items).toEqual([]);
  });

  it('answers a rule violation with 422, its stable id and the Latvian message, writing nothing', async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M, { birthDate: bornYearsAgo(14), guardianConsent: { name: 'Inga Šņore', relation: 'parent', date: '2024-01-01' } });
    const res = await call('POST', '/v1/hour-entries', { token: youth.token, body: { institutionId: world.institutionId, date: daysAgo(1), minutes: 255, activity: 'Talka', category: 'environment' } });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ rule: 'hours.minor-daily-cap', errors: [{ field: 'body.minutes', rule: 'hours.minor-daily-cap' }] });
    expect(res.json.detail).toContain('4 h dienā');
    const future = await call('POST', '/v1/hour-entries', { token: youth.token, headers: { 'accept-language': 'en' }, body: { institutionId: world.institutionId, date: daysAgo(-1), minutes: 60, activity: 'Talka', category: 'environment' } });
    expect(future.json).toMatchObject({ status: 422, rule: 'hours.future-date', detail: 'Hours cannot be logged for a future date' });
    expect((await call('GET', '/v1/volunteers/me/hour-entries', { token: youth.token })).json.items).toEqual([]);
  });

  it('replays the first result for a retried POST with the same Idempotency-Key, and refuses the key with another body', async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M);
    const body = { institutionId: world.institutionId, date: daysAgo(3), minutes: 45, activity: 'Dzīvnieku patversme', category: 'animals' };
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await expectStatus(call('POST', '/v1/hour-entries', { token: youth.token, body, headers }), 201);
    const again = await expectStatus(call('POST', '/v1/hour-entries', { token: youth.token, body, headers }), 201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await call('POST', '/v1/hour-entries', { token: youth.token, body: { ...body, minutes: 30 }, headers });
    expect(other.status).toBe(422);
    expect(other.json.rule).toBe('hours.idempotency-key-reused');
    const malformed = await call('POST', '/v1/hour-entries', { token: youth.token, body, headers: { 'idempotency-key': 'short' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors).toEqual([expect.objectContaining({ field: 'header.idempotency-key', rule: 'invalid_format' })]);
    const year = daysAgo(3).slice(0, 4);
    expect((await call('GET', `/v1/volunteers/me/hour-entries?year=${year}`, { token: youth.token })).json.items).toHaveLength(1);
    expect((await call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token })).json.pendingMinutes).toBe(45);
  });

  it('lets the programme set the threshold and tiers, and counts reversals out of the tally', async () => {
    const world = await aWorld(call, tokenFor, 'LV-058');
    await expectStatus(call('PUT', '/v1/municipalities/LV-058/hours-programme', { token: world.coordinator, body: { thresholdMinutes: 120, tiers: [{ name: 'bronza', minMinutes: 120 }] } }), 200);
    const youth = await aYouth(call, tokenFor, 'LV-058');
    const entries = [await anEntry(call, youth.token, world.institutionId, { date: daysAgo(1), minutes: 120 })];
    await expectStatus(call('POST', `/v1/hour-entries/${entries[0]!.id}/decision`, { token: world.supervisor, body: { decision: 'approve' } }), 200);
    const year = daysAgo(1).slice(0, 4);
    expect((await call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token })).json).toMatchObject({ approvedMinutes: 120, eligible: true, tierReached: 'bronza', minutesStillNeeded: 0 });
    await expectStatus(call('POST', `/v1/hour-entries/${entries[0]!.id}/reversal`, { token: world.coordinator, body: { reason: 'Iestāde atsauca apstiprinājumu' } }), 200);
    await expectStatus(call('POST', `/v1/hour-entries/${entries[0]!.id}/reversal`, { token: world.coordinator, body: { reason: 'Vēlreiz' } }), 409);
    expect((await call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token })).json).toMatchObject({ approvedMinutes: 0, eligible: false, tierReached: null });
    const report = await expectStatus(call('GET', `/v1/municipalities/LV-058/hours-report?year=${year}`, { token: world.coordinator }), 200);
    expect(report.json.totals).toMatchObject({ approvedMinutes: 0, volunteers: 1 });
  });

  it('closes an inactive institution for new hours', async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M);
    await expectStatus(call('PUT', `/v1/institutions/${world.institutionId}/active`, { token: world.coordinator, body: { active: false } }), 200);
    const res = await call('POST', '/v1/hour-entries', { token: youth.token, body: { institutionId: world.institutionId, date: daysAgo(1), minutes: 60, activity: 'x', category: 'other' } });
    expect(res.json.rule).toBe('hours.institution-inactive');
  });

  it('decides in bulk with one status per item (207)', async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M);
    const a = await anEntry(call, youth.token, world.institutionId, { date: daysAgo(4) });
    const res = await expectStatus(call('POST', '/v1/hour-entries/decisions', { token: world.supervisor, body: { items: [
      { entryId: a.id, decision: { decision: 'approve' } },
      { entryId: a.id, decision: { decision: 'reject', reason: 'x' } },
      { entryId: '00000000-0000-4000-8000-000000000000', decision: { decision: 'approve' } },
    ] } }), 207);
    expect(res.json.items.map((i: { status: number }) => i.status)).toEqual([200, 409, 404]);
    expect(res.json.items[1].problem).toMatchObject({ type: '/problems/conflict', status: 409 });
  });
});
