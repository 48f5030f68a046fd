import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, vi } from 'vitest';
import { aWorld, aYouth, anEntry, daysAgo, expectStatus } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';

const M = 'LV-089';
const eventsOf = (volunteerId: string) => {
  const file = join(inject('e2eDataDir'), 'events.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; detail: { volunteerId: string; entryId?: string } })
    .filter((e) => e.detail.volunteerId === volunteerId);
};

describe('domain events on the local bus (delivered from the outbox by the stream relay)', () => {
  it('emits every submission and decision, and ThresholdReached once even when the threshold is crossed by concurrent approvals', async () => {
    const world = await aWorld(call, tokenFor, M, 3);
    await expectStatus(call('PUT', `/v1/municipalities/${M}/hours-programme`, { token: world.coordinator, body: { thresholdMinutes: 120 } }), 200);
    const youth = await aYouth(call, tokenFor, M);
    const entries = [];
    for (let d = 1; d <= 4; d++) entries.push(await anEntry(call, youth.token, world.institutionId, { date: daysAgo(d), minutes: 60 }));
    // Every supervisor approves every entry at once: 4 approvals win, the threshold (2 h) is crossed once.
    const results = await Promise.all(entries.flatMap((e) => world.supervisors.map((token) => call('POST', `/v1/hour-entries/${e.id}/decision`, { token, body: { decision: 'approve' } }))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(4);
    await expectStatus(call('POST', `/v1/hour-entries/${entries[0]!.id}/reversal`, { token: world.coordinator, body: { reason: 'Pārbaude' } }), 200);

    // The outbox relay delivers from the table stream shortly after each commit.
    await vi.waitFor(() => {
      const types = eventsOf(youth.sub).map((e) => e.type);
      expect(types.filter((t) => t === 'HoursSubmitted')).toHaveLength(4);
      expect(types.filter((t) => t === 'HoursApproved')).toHaveLength(4);
      expect(types.filter((t) => t === 'HoursReversed')).toHaveLength(1);
      expect(types.filter((t) => t === 'ThresholdReached')).toHaveLength(1);
    }, { timeout: 20_000, interval: 100 });
  });
});
