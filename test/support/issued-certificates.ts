// e2e: volunteers with approved hours seeded straight into the table, then certificates issued by a real run over HTTP.
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { aVolunteer, anHourEntry } from './hours-builders.js';
import { call, tokenFor } from './http.js';

export interface Holder { id: string; name: string; minutes: number[] }

/**
 * Seeds each holder's approved entries and tally (eligible at 60 h) in `municipality`, runs the year as its
 * coordinator and returns the codes by holder id, the coordinator's token and a way to close the client.
 */
export async function issueCertificates(municipality: string, year: number, holders: readonly Holder[]) {
  const client = localClient(inject('e2eDynamoEndpoint'));
  const hours = new DynamoHoursRepository(createDocumentClient(client), inject('e2eTableName'));
  try {
    for (const v of holders) {
      await hours.putVolunteer(aVolunteer({ id: v.id, name: v.name, email: `${v.id}@example.lv`, municipality }));
      let total = 0;
      for (const [i, minutes] of v.minutes.entries()) {
        total += minutes;
        const date = `${year}-0${i + 3}-15`;
        const entry = anHourEntry({ id: randomUUID(), volunteerId: v.id, volunteerName: v.name, date, minutes: Math.min(minutes, 1440), approvedMinutes: minutes, state: 'approved', programme: municipality, decidedAt: `${date}T12:00:00.000Z`, decidedBy: 's' });
        const tally = { volunteerId: v.id, programme: municipality, year, approvedMinutes: total, pendingMinutes: 0, eligible: total >= 3600, thresholdReachedAt: total >= 3600 ? `${date}T12:00:00.000Z` : null, version: i + 1 };
        await hours.createEntry(entry, tally, { entryId: entry.id, at: `${date}T12:00:00.000Z`, by: 's', from: null, to: 'approved', reason: null }, []);
      }
    }
  } finally {
    client.destroy();
  }
  const coordinator = await tokenFor({ role: 'coordinator', sub: `coord-${randomUUID().slice(0, 8)}`, municipality });
  const started = await call('POST', '/v1/certificate-runs', { token: coordinator, body: { year, municipality } });
  expect(started.status, started.text).toBe(202);
  let run = started.json;
  for (let i = 0; i < 300 && run.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    run = (await call('GET', `/v1/certificate-runs/${started.json.id}`, { token: coordinator })).json;
  }
  expect(run.status).toBe('completed');
  const roster = await call('GET', `/v1/municipalities/${municipality}/certificate-roster.csv?year=${year}`, { token: coordinator });
  expect(roster.status).toBe(200);
  // Roster columns: name, email, code, … (names here hold no commas); the email names the holder.
  const codes = new Map<string, string>();
  for (const line of roster.text.split('\r\n').slice(1).filter(Boolean)) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const holder = holders.find((h) => cells.includes(`${h.id}@example.lv`));
    const code = cells.find((c) => /^LV[0-9A-Z]{3}-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(c));
    if (holder && code) codes.set(holder.id, code);
  }
  expect([...codes.keys()].sort()).toEqual(holders.filter((h) => h.minutes.reduce((a, b) => a + b, 0) >= 3600).map((h) => h.id).sort());
  return { codes, coordinator };
}
