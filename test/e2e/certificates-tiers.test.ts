// Programme tiers through the local gateway: inconsistent tiers are refused (422), the Līvāni model issues the right
// tier, and a programme stored with tiers below its threshold still issues (the tier reached, never a failed run).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { defaultProgramme } from '../../lib/domain/hours/types.js';
import { aVolunteer, anHourEntry } from '../support/hours-builders.js';
import { call, tokenFor } from '../support/http.js';

const YEAR = 2025;
const h = (hours: number) => hours * 60;
const tag = randomUUID().slice(0, 8);

const client = localClient(inject('e2eDynamoEndpoint'));
const hours = new DynamoHoursRepository(createDocumentClient(client), inject('e2eTableName'));
afterAll(() => client.destroy());

/** Seeds one volunteer's approved entries (a day each, at most 24 h) and the matching tally straight into the table. */
async function seed(municipality: string, thresholdMinutes: number, id: string, totalMinutes: number) {
  await hours.putVolunteer(aVolunteer({ id, name: `Jānis Ēvalds ${id.slice(-2)}`, email: `${id}@example.lv`, municipality }));
  let total = 0;
  for (let day = 1; total < totalMinutes; day++) {
    const minutes = Math.min(totalMinutes - total, 1440);
    total += minutes;
    const date = `${YEAR}-05-${String(day).padStart(2, '0')}`;
    const entry = anHourEntry({ id: randomUUID(), volunteerId: id, date, minutes, approvedMinutes: minutes, state: 'approved', programme: municipality, institutionMunicipality: municipality, decidedAt: `${date}T12:00:00.000Z`, decidedBy: 's' });
    const eligible = total >= thresholdMinutes;
    const tally = { volunteerId: id, programme: municipality, year: YEAR, approvedMinutes: total, pendingMinutes: 0, eligible, thresholdReachedAt: eligible ? `${date}T12:00:00.000Z` : null, version: day };
    await hours.createEntry(entry, tally, { entryId: entry.id, at: `${date}T12:00:00.000Z`, by: 's', from: null, to: 'approved', reason: null }, []);
  }
}

async function runUntilDone(token: string, body: unknown) {
  const started = await call('POST', '/v1/certificate-runs', { token, body });
  expect(started.status, started.text).toBe(202);
  let run = started.json;
  for (let i = 0; i < 200 && run.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    run = (await call('GET', `/v1/certificate-runs/${started.json.id}`, { token })).json;
  }
  return run;
}

/** Holder name → tier column of the certificate roster. */
async function tiersOnRoster(token: string, municipality: string): Promise<Map<string, string>> {
  const roster = await call('GET', `/v1/municipalities/${municipality}/certificate-roster.csv?year=${YEAR}`, { token });
  expect(roster.status, roster.text).toBe(200);
  return new Map(roster.text.split('\r\n').slice(1).filter(Boolean).map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return [cells[0]!, cells[4]!] as const;
  }));
}

describe('programme tiers', () => {
  it.each([
    ['a tier below the default 60 h threshold', { tiers: [{ name: 'bronza', minMinutes: h(50) }, { name: 'sudrabs', minMinutes: h(100) }] }, 'programme.tier-below-threshold', 'body.tiers.0.minMinutes'],
    ['a tier below its own threshold', { thresholdMinutes: h(50), tiers: [{ name: 'bronza', minMinutes: h(40) }] }, 'programme.tier-below-threshold', 'body.tiers.0.minMinutes'],
    ['two tiers with one name', { thresholdMinutes: h(50), tiers: [{ name: 'Bronza', minMinutes: h(50) }, { name: 'bronza', minMinutes: h(100) }] }, 'programme.tier-name-duplicate', 'body.tiers.1.name'],
    ['tiers out of ascending order', { thresholdMinutes: h(50), tiers: [{ name: 'sudrabs', minMinutes: h(100) }, { name: 'bronza', minMinutes: h(50) }] }, 'programme.tiers-not-ascending', 'body.tiers.1.minMinutes'],
    ['two tiers at one minimum', { thresholdMinutes: h(50), tiers: [{ name: 'bronza', minMinutes: h(50) }, { name: 'sudrabs', minMinutes: h(50) }] }, 'programme.tiers-not-ascending', 'body.tiers.1.minMinutes'],
  ])('refuses %s with 422 and keeps the stored programme', async (_, body, rule, field) => {
    const municipality = 'LV-054';
    const coordinator = await tokenFor({ role: 'coordinator', sub: `coord-${tag}`, municipality });
    const before = await call('GET', `/v1/municipalities/${municipality}/hours-programme`, { token: coordinator });
    const res = await call('PUT', `/v1/municipalities/${municipality}/hours-programme`, { token: coordinator, body });
    expect(res.status, res.text).toBe(422);
    expect(res.json).toMatchObject({ status: 422, rule, errors: [expect.objectContaining({ field, rule })] });
    expect(res.json.detail).toMatch(/[āēīūļņšžģķč]/);
    const english = await call('PUT', `/v1/municipalities/${municipality}/hours-programme`, { token: coordinator, body, headers: { 'accept-language': 'en' } });
    expect(english.json).toMatchObject({ status: 422, rule });
    expect(english.json.detail).toMatch(/tier/i);
    expect((await call('GET', `/v1/municipalities/${municipality}/hours-programme`, { token: coordinator })).json).toEqual(before.json);
  });

  it('issues Līvāni-model certificates (threshold 50 h; bronza 50 h, sudrabs 100 h, zelts 150 h) with the highest tier reached', async () => {
    const municipality = 'LV-054';
    const coordinator = await tokenFor({ role: 'coordinator', sub: `coord-${tag}`, municipality });
    const tiers = [{ name: 'bronza', minMinutes: h(50) }, { name: 'sudrabs', minMinutes: h(100) }, { name: 'zelts', minMinutes: h(150) }];
    const put = await call('PUT', `/v1/municipalities/${municipality}/hours-programme`, { token: coordinator, body: { thresholdMinutes: h(50), tiers } });
    expect(put.status, put.text).toBe(200);
    const volunteers = [[`liv-${tag}-01`, h(50)], [`liv-${tag}-02`, h(99) + 45], [`liv-${tag}-03`, h(100)], [`liv-${tag}-04`, h(160)], [`liv-${tag}-05`, h(49) + 45]] as const;
    for (const [id, minutes] of volunteers) await seed(municipality, h(50), id, minutes);

    const run = await runUntilDone(coordinator, { year: YEAR });
    expect(run).toMatchObject({ status: 'completed', issued: 4, failed: 0 });
    const roster = await tiersOnRoster(coordinator, municipality);
    expect(Object.fromEntries(roster)).toEqual({ 'Jānis Ēvalds 01': 'bronza', 'Jānis Ēvalds 02': 'bronza', 'Jānis Ēvalds 03': 'sudrabs', 'Jānis Ēvalds 04': 'zelts' });
  });

  it('still issues from a programme stored earlier with tiers below its threshold: the tier reached, or none, and no failure', async () => {
    const municipality = 'LV-050';
    const coordinator = await tokenFor({ role: 'coordinator', sub: `coord-${tag}`, municipality });
    // Stored before tiers were checked: default 60 h threshold, bronza at 50 h (and two names that differ only in case).
    await hours.putProgramme({ ...defaultProgramme(municipality), tiers: [{ name: 'Sudrabs', minMinutes: h(100) }, { name: 'bronza', minMinutes: h(50) }, { name: 'sudrabs', minMinutes: h(120) }] });
    const volunteers = [[`kul-${tag}-01`, h(60)], [`kul-${tag}-02`, h(110)], [`kul-${tag}-03`, h(130)], [`kul-${tag}-04`, h(55)]] as const;
    for (const [id, minutes] of volunteers) await seed(municipality, h(60), id, minutes);

    const run = await runUntilDone(coordinator, { year: YEAR });
    expect(run).toMatchObject({ status: 'completed', issued: 3, failed: 0 });
    const roster = await tiersOnRoster(coordinator, municipality);
    expect(Object.fromEntries(roster)).toEqual({ 'Jānis Ēvalds 01': 'bronza', 'Jānis Ēvalds 02': 'Sudrabs', 'Jānis Ēvalds 03': 'sudrabs' });
  });
});
