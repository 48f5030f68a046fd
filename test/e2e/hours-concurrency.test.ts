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
});
