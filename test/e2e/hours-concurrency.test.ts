import { describe, expect, it } from 'vitest';
import { aWorld, aYouth, anEntry, daysAgo, expectStatus } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';

const M = 'LV-068';
const DECISIONS = [
  { decision: 'approve' },
  { decision: 'approve-fewer', approvedMinutes: 45, comment: 'Mazāk' },
  { decision: 'reject', reason: 'Nav apstiprināts' },
  { decision: 'approve-fewer', approvedMinutes: 30, comment: 'Puse' },
  { decision: 'approve' },
] as const;

describe('decisions under concurrency, through the local gateway', () => {
  it('counts each approved minute once under 100 concurrent decisions on 20 pending entries; every loser gets 409', async () => {
    const world = await aWorld(call, tokenFor, M, 5);
    const youths = await Promise.all(Array.from({ length: 4 }, () => aYouth(call, tokenFor, M)));
    const entries: { id: string; youth: number; date: string }[] = [];
    for (const [y, youth] of youths.entries()) {
      for (let d = 1; d <= 5; d++) entries.push({ ...(await anEntry(call, youth.token, world.institutionId, { date: daysAgo(d), minutes: 60 })), youth: y });
    }

    // Five supervisors each decide every entry differently, all at once: 100 requests in flight.
    const requests = entries.flatMap((entry) => DECISIONS.map((decision, s) => ({ entry, decision, token: world.supervisors[s]! })));
    const results = await Promise.all(requests.map(async (r) => ({ ...r, res: await call('POST', `/v1/hour-entries/${r.entry.id}/decision`, { token: r.token, body: r.decision }) })));

    for (const entry of entries) {
      const statuses = results.filter((r) => r.entry.id === entry.id).map((r) => r.res.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409]);
    }
    const winners = results.filter((r) => r.res.status === 200);
    for (const loser of results.filter((r) => r.res.status === 409)) {
      expect(loser.res.json).toMatchObject({ type: '/problems/conflict', status: 409 });
    }

    // Each youth's tally equals the sum of their approved entries; nothing stays pending.
    for (const [y, youth] of youths.entries()) {
      const years = [...new Set(entries.filter((e) => e.youth === y).map((e) => Number(e.date.slice(0, 4))))];
      for (const year of years) {
        const listed = (await expectStatus(call('GET', `/v1/volunteers/me/hour-entries?year=${year}`, { token: youth.token }), 200)).json.items as { state: string; approvedMinutes: number }[];
        const expected = winners.filter((w) => w.entry.youth === y && Number(w.entry.date.slice(0, 4)) === year)
          .reduce((sum, w) => sum + (w.res.json.approvedMinutes as number), 0);
        expect(listed.every((e) => e.state !== 'pending')).toBe(true);
        expect(listed.reduce((s, e) => s + (e.state === 'approved' ? e.approvedMinutes : 0), 0)).toBe(expected);
        const progress = (await call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token })).json;
        expect(progress).toMatchObject({ approvedMinutes: expected, pendingMinutes: 0 });
      }
    }
    expect((await call('GET', '/v1/supervisors/me/queue', { token: world.supervisor })).json.items).toEqual([]);
  });

  it('holds the daily cap under 10 concurrent submissions of 4 h by one adult: exactly 3 fit into 12 h', async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M);
    const body = { institutionId: world.institutionId, date: daysAgo(2), minutes: 240, activity: 'Talka', category: 'environment' };
    const results = await Promise.all(Array.from({ length: 10 }, () => call('POST', '/v1/hour-entries', { token: youth.token, body })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422]);
    for (const r of results.filter((x) => x.status === 422)) expect(r.json.rule).toBe('hours.adult-daily-cap');
    const year = daysAgo(2).slice(0, 4);
    expect((await call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token })).json.pendingMinutes).toBe(720);
  });

  it('writes one entry for 10 concurrent retries with the same Idempotency-Key, all answered with the first result', async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M);
    const body = { institutionId: world.institutionId, date: daysAgo(3), minutes: 60, activity: 'Bibliotēka', category: 'culture' };
    const headers = { 'idempotency-key': `same-key-${Date.now()}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => call('POST', '/v1/hour-entries', { token: youth.token, body, headers })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    const year = daysAgo(3).slice(0, 4);
    expect((await call('GET', `/v1/volunteers/me/hour-entries?year=${year}`, { token: youth.token })).json.items).toHaveLength(1);
    expect((await call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token })).json.pendingMinutes).toBe(60);
  });

  // The rule checks must not count the first copy against its own retry (overlap with a start time, the daily cap without).
  it.each([
    ['a 90-minute entry from 14:00 (the overlap rule)', { minutes: 90, startTime: '14:00' }, 4],
    ['a 720-minute entry without a start time (the adult daily cap)', { minutes: 720 }, 5],
  ])('answers 50 concurrent retries with the same Idempotency-Key of %s with one identical 201 and stores one entry', async (_, shape, ago) => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M);
    const body = { institutionId: world.institutionId, date: daysAgo(ago), activity: 'Talka', category: 'environment', ...shape };
    const headers = { 'idempotency-key': `retry-50-${Date.now()}` };
    const results = await Promise.all(Array.from({ length: 50 }, () => call('POST', '/v1/hour-entries', { token: youth.token, body, headers })));
    expect(results.map((r) => `${r.status} ${r.json.rule ?? ''}`)).toEqual(Array(50).fill('201 '));
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    const year = daysAgo(ago).slice(0, 4);
    const stored = (await call('GET', `/v1/volunteers/me/hour-entries?year=${year}`, { token: youth.token })).json.items as { id: string }[];
    expect(stored.map((e) => e.id)).toEqual([results[0]!.json.id]);
    expect((await call('GET', `/v1/volunteers/me/progress?year=${year}`, { token: youth.token })).json.pendingMinutes).toBe(shape.minutes);
  });
});
