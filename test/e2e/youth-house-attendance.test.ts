import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { rigaDate } from '../../lib/domain/clock.js';
import { aStartedShift, registered } from '../support/attendance-arrange.js';
import { aWorld, aYouth, expectStatus, type World } from '../support/hours-api.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { decodeSvgQr } from '../support/qr.js';
import { anOpportunityInput } from '../support/youth-house-builders.js';

const M = 'LV-042';
/** Its programme is changed below (attendance approves, other municipalities welcome): no other suite uses it. */
const D = 'LV-026';
let world: World;
let dobele: World;
beforeAll(async () => {
  [world, dobele] = await Promise.all([aWorld(call, tokenFor, M), aWorld(call, tokenFor, D)]);
});

const shiftPath = (o: { id: string }, shift = 0) => `/v1/opportunities/${o.id}/shifts/${shift}`;
const mark = (token: string, o: { id: string }, youthId: string, status: 'present' | 'no-show') =>
  call('PUT', `${shiftPath(o)}/sign-ups/${youthId}/attendance`, { token, body: { status } });
const entriesOf = async (token: string) => (await expectStatus(call('GET', '/v1/volunteers/me/hour-entries', { token }), 200)).json.items as { id: string; state: string; minutes: number; source?: unknown }[];
const rosterOf = async (token: string, o: { id: string }) => (await expectStatus(call('GET', `${shiftPath(o)}/sign-ups`, { token }), 200)).json.items as { youthId: string; state: string; name: string }[];
const eventsAbout = (opportunityId: string) => {
  const file = join(inject('e2eDataDir'), 'events.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; detail: { opportunityId?: string; entryId?: string; state?: string } })
    .filter((e) => e.detail.opportunityId === opportunityId);
};

describe('attendance → logbook through the local gateway', () => {
  it("the supervisor marks a sign-up present: one pending entry for the shift's credited minutes, linked to the shift; marking again writes nothing", async () => {
    const youth = await aYouth(call, tokenFor, M);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId, creditedMinutesPerShift: 90 });
    await registered(o, [youth.sub]);

    const first = await expectStatus(mark(world.supervisor, o, youth.sub, 'present'), 200);
    expect(first.json).toMatchObject({ replayed: false, signUp: { state: 'attended', attendance: { via: 'marked', entryId: first.json.entry.id } } });
    expect(first.json.entry).toMatchObject({ state: 'pending', minutes: 90, institutionId: world.institutionId, source: { kind: 'shift', opportunityId: o.id, shift: 0 } });
    const again = await expectStatus(mark(world.supervisor, o, youth.sub, 'present'), 200);
    expect(again.json).toMatchObject({ replayed: true, entry: { id: first.json.entry.id } });
    const [both] = await Promise.all([mark(world.coordinator, o, youth.sub, 'present'), mark(world.supervisor, o, youth.sub, 'present')]);
    expect(both.status).toBe(200);

    const entries = await entriesOf(youth.token);
    expect(entries.map((e) => e.id)).toEqual([first.json.entry.id]);
    const queue = await expectStatus(call('GET', '/v1/supervisors/me/queue', { token: world.supervisor }), 200);
    expect(queue.json.items.map((e: { id: string }) => e.id)).toContain(first.json.entry.id);
    await vi.waitFor(() => {
      const marked = eventsAbout(o.id).filter((e) => e.type === 'AttendanceMarked');
      expect(marked).toHaveLength(1);
      expect(marked[0]!.detail).toMatchObject({ state: 'attended', entryId: first.json.entry.id });
    }, { timeout: 20_000, interval: 100 });
  });

  it('a no-show creates nothing in the logbook, and cannot then be marked present', async () => {
    const youth = await aYouth(call, tokenFor, M);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId });
    await registered(o, [youth.sub]);
    const res = await expectStatus(mark(world.coordinator, o, youth.sub, 'no-show'), 200);
    expect(res.json).toMatchObject({ entry: null, signUp: { state: 'no-show', attendance: { entryId: null } } });
    expect((await expectStatus(mark(world.coordinator, o, youth.sub, 'no-show'), 200)).json.replayed).toBe(true);
    await expectStatus(mark(world.supervisor, o, youth.sub, 'present'), 409);
    expect(await entriesOf(youth.token)).toEqual([]);
  });

  it('refuses strangers with 403 and writes nothing: an unassigned supervisor, another municipality, a youth', async () => {
    const youth = await aYouth(call, tokenFor, M);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId });
    await registered(o, [youth.sub]);
    const stranger = await tokenFor({ role: 'supervisor', sub: `s-${randomUUID()}`, municipality: M, institution: world.institutionId });
    const elsewhere = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: 'LV-077' });
    for (const token of [stranger, elsewhere, youth.token]) {
      await expectStatus(mark(token, o, youth.sub, 'present'), 403);
      await expectStatus(call('GET', `${shiftPath(o)}/sign-ups`, { token }), 403);
      await expectStatus(call('GET', `${shiftPath(o)}/check-in-code`, { token }), 403);
    }
    expect((await rosterOf(world.supervisor, o)).map((r) => r.state)).toEqual(['registered']);
    expect(await entriesOf(youth.token)).toEqual([]);
  });

  it("refuses an unknown sign-up and a shift that has not started, writing nothing", async () => {
    const youth = await aYouth(call, tokenFor, M);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId });
    await expectStatus(mark(world.supervisor, o, youth.sub, 'present'), 404);
    const future = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, { token: world.coordinator, body: anOpportunityInput({ kind: 'volunteering', institutionId: world.institutionId }) }), 201);
    await expectStatus(call('PUT', `/v1/opportunities/${future.json.id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
    await expectStatus(call('POST', `/v1/opportunities/${future.json.id}/shifts/0/sign-ups`, { token: youth.token }), 201);
    const early = await expectStatus(mark(world.supervisor, future.json, youth.sub, 'present'), 422);
    expect(early.json.rule).toBe('youth-house.shift-not-started');
    expect(await entriesOf(youth.token)).toEqual([]);
  });

  it("a logbook rule the entry breaks is the marking's 422 with the logbook's rule id, and nothing is written", async () => {
    const youth = await aYouth(call, tokenFor, M);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId, creditedMinutesPerShift: 720 });
    await registered(o, [youth.sub]);
    // An adult's 12 h shift on top of an hour already logged that day passes the adult daily cap.
    await expectStatus(call('POST', '/v1/hour-entries', { token: youth.token, body: { institutionId: world.institutionId, date: rigaDate(new Date(o.shifts[0]!.start)), minutes: 60, activity: 'Cits darbs', category: 'other' } }), 201);
    const refused = await expectStatus(mark(world.supervisor, o, youth.sub, 'present'), 422);
    expect(refused.json.rule).toMatch(/^hours\./);
    expect((await rosterOf(world.supervisor, o)).map((r) => r.state)).toEqual(['registered']);
    expect(await entriesOf(youth.token)).toHaveLength(1);
  });

  it('with attendanceApproves on, the assigned supervisor’s marking approves at once; the coordinator’s waits for the supervisor', async () => {
    await expectStatus(call('PUT', `/v1/municipalities/${D}/hours-programme`, { token: dobele.coordinator, body: { attendanceApproves: true, acceptsOtherMunicipalities: true } }), 200);
    const [a, b] = await Promise.all([aYouth(call, tokenFor, D), aYouth(call, tokenFor, D)]);
    const o = await aStartedShift(D, 'seed', { institutionId: dobele.institutionId, creditedMinutesPerShift: 60 });
    await registered(o, [a.sub, b.sub]);
    const bySupervisor = await expectStatus(mark(dobele.supervisor, o, a.sub, 'present'), 200);
    expect(bySupervisor.json.entry).toMatchObject({ state: 'approved', approvedMinutes: 60 });
    const progress = await expectStatus(call('GET', '/v1/volunteers/me/progress', { token: a.token }), 200);
    expect(progress.json.approvedMinutes).toBe(60);
    const byCoordinator = await expectStatus(mark(dobele.coordinator, o, b.sub, 'present'), 200);
    expect(byCoordinator.json.entry.state).toBe('pending');
  });
});

describe('check-in by code through the local gateway', () => {
  it('the supervisor shows a code with its QR; a signed-up youth checks in with it and counts as present', async () => {
    const youth = await aYouth(call, tokenFor, M);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId, creditedMinutesPerShift: 60 });
    await registered(o, [youth.sub]);
    const shown = await expectStatus(call('GET', `${shiftPath(o)}/check-in-code`, { token: world.supervisor }), 200);
    expect(shown.json.code).toMatch(/^[0-9]{6}$/);
    // the QR opens the check-in page (a phone's camera); the app reads the shift and the code off the same URL
    expect(shown.json.qrText).toBe(`${baseUrl()}/check-in/${o.id}/0?code=${shown.json.code}`);
    expect(new URL(shown.json.displayUrl).pathname).toMatch(new RegExp(`^/venue/${o.id}\\.0\\.[0-9]+\\.[A-Za-z0-9_-]{32}$`));
    expect(decodeSvgQr(shown.json.qrSvg)).toBe(shown.json.qrText);
    expect(Date.parse(shown.json.validUntil)).toBeGreaterThan(Date.now() - 1000);

    const wrong = String((Number(shown.json.code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await expectStatus(call('POST', `${shiftPath(o)}/check-ins`, { token: youth.token, body: { code: wrong } }), 422);
    expect(refused.json.rule).toBe('youth-house.check-in-code');
    expect(await entriesOf(youth.token)).toEqual([]);

    const checked = await expectStatus(call('POST', `${shiftPath(o)}/check-ins`, { token: youth.token, body: { code: shown.json.code } }), 200);
    expect(checked.json).toMatchObject({ signUp: { state: 'attended', attendance: { via: 'check-in', by: youth.sub } }, entry: { state: 'pending', minutes: 60 } });
    const twice = await expectStatus(call('POST', `${shiftPath(o)}/check-ins`, { token: youth.token, body: { code: shown.json.code } }), 200);
    expect(twice.json.replayed).toBe(true);
    expect(await entriesOf(youth.token)).toHaveLength(1);
  });

  it('refuses a youth without a sign-up (404), staff posting a check-in (403), bad codes (400), and a shift long over (422)', async () => {
    const [youth, other] = await Promise.all([aYouth(call, tokenFor, M), aYouth(call, tokenFor, M)]);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId });
    await registered(o, [youth.sub]);
    const { json } = await expectStatus(call('GET', `${shiftPath(o)}/check-in-code`, { token: world.coordinator }), 200);
    await expectStatus(call('POST', `${shiftPath(o)}/check-ins`, { token: other.token, body: { code: json.code } }), 404);
    await expectStatus(call('POST', `${shiftPath(o)}/check-ins`, { token: world.supervisor, body: { code: json.code } }), 403);
    const bad = await expectStatus(call('POST', `${shiftPath(o)}/check-ins`, { token: youth.token, body: { code: '12ab' } }), 400);
    expect(JSON.stringify(bad.json)).toContain('body.code');

    const over = await aStartedShift(M, 'seed', { institutionId: world.institutionId, shifts: [{ start: new Date(Date.now() - 3 * 86_400_000).toISOString(), durationMinutes: 60, places: 5 }] }, new Date(Date.now() - 3 * 86_400_000).toISOString());
    await registered(over, [youth.sub]);
    const closed = await expectStatus(call('GET', `${shiftPath(over)}/check-in-code`, { token: world.supervisor }), 422);
    expect(closed.json.rule).toBe('youth-house.check-in-closed');
    await expectStatus(call('POST', `${shiftPath(over)}/check-ins`, { token: youth.token, body: { code: json.code } }), 422);
    expect((await rosterOf(world.supervisor, o)).map((r) => r.state)).toEqual(['registered']);
  });
});

describe("the coordinator's attendance report and my sign-ups", () => {
  it('counts sign-ups, attendance, no-shows and credited minutes per opportunity and institution, as JSON and CSV', async () => {
    const [a, b, c] = await Promise.all([aYouth(call, tokenFor, D), aYouth(call, tokenFor, D), aYouth(call, tokenFor, D)]);
    const o = await aStartedShift(D, 'seed', { institutionId: dobele.institutionId, creditedMinutesPerShift: 120 });
    await registered(o, [a.sub, b.sub, c.sub]);
    await expectStatus(mark(dobele.coordinator, o, a.sub, 'present'), 200);
    await expectStatus(mark(dobele.coordinator, o, b.sub, 'no-show'), 200);

    const report = await expectStatus(call('GET', `/v1/municipalities/${D}/attendance-report`, { token: dobele.coordinator }), 200);
    const line = report.json.opportunities.find((r: { opportunityId: string }) => r.opportunityId === o.id);
    expect(line).toMatchObject({ institutionId: dobele.institutionId, institutionName: 'Jaunatnes centrs "Ķīpsala"', signUps: 3, attended: 1, noShows: 1, unmarked: 1, creditedMinutes: 120 });
    const inst = report.json.institutions.find((r: { institutionId: string }) => r.institutionId === dobele.institutionId);
    expect(inst.attended).toBeGreaterThanOrEqual(1);
    expect(report.json.totals.creditedMinutes).toBeGreaterThanOrEqual(120);

    const csv = await expectStatus(call('GET', `/v1/municipalities/${D}/attendance-report.csv`, { token: dobele.coordinator }), 200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await (await fetch(`${baseUrl()}/v1/municipalities/${D}/attendance-report.csv`, { headers: { authorization: `Bearer ${dobele.coordinator}` } })).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const row = csv.text.split('\r\n').find((l) => l.includes(o.id))!;
    expect(row).toContain(`opportunity,${D},${dobele.institutionId},"Jaunatnes centrs ""Ķīpsala""",${o.id},Talka Mežaparkā,volunteering,published,`);
    expect(row.endsWith(',3,0,0,1,1,1,120,2.00')).toBe(true);

    await expectStatus(call('GET', `/v1/municipalities/${D}/attendance-report`, { token: dobele.supervisor }), 403);
    await expectStatus(call('GET', `/v1/municipalities/${D}/attendance-report`, { token: world.coordinator }), 403);
    await expectStatus(call('GET', `/v1/municipalities/${D}/attendance-report.csv`, { token: a.token }), 403);
  });

  it('a young person lists their own sign-ups with titles and attendance, nobody else’s', async () => {
    const [youth, other] = await Promise.all([aYouth(call, tokenFor, M), aYouth(call, tokenFor, M)]);
    const o = await aStartedShift(M, 'seed', { institutionId: world.institutionId });
    await registered(o, [youth.sub, other.sub]);
    await expectStatus(mark(world.supervisor, o, youth.sub, 'present'), 200);
    const mine = await expectStatus(call('GET', '/v1/volunteers/me/sign-ups', { token: youth.token }), 200);
    expect(mine.json.items).toEqual([expect.objectContaining({ opportunityId: o.id, youthId: youth.sub, state: 'attended', title: { lv: 'Talka Mežaparkā', en: 'Clean-up in the park' }, start: o.shifts[0]!.start })]);
    await expectStatus(call('GET', '/v1/volunteers/me/sign-ups', { token: world.supervisor }), 403);
  });
});

describe('sign-ups follow the logbook’s home-municipality rule', () => {
  it("refuses a youth of another municipality with hours.other-municipality unless the host's programme accepts others", async () => {
    const stranger = await aYouth(call, tokenFor, 'LV-022');
    const here = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, { token: world.coordinator, body: anOpportunityInput() }), 201);
    await expectStatus(call('PUT', `/v1/opportunities/${here.json.id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
    const refused = await expectStatus(call('POST', `/v1/opportunities/${here.json.id}/shifts/0/sign-ups`, { token: stranger.token }), 422);
    expect(refused.json.rule).toBe('hours.other-municipality');
    expect((await expectStatus(call('GET', `/v1/opportunities/${here.json.id}`), 200)).json.shifts[0].remainingPlaces).toBe(10);

    // Dobele's programme accepts other municipalities (set in the suite above, or here if it runs alone).
    await expectStatus(call('PUT', `/v1/municipalities/${D}/hours-programme`, { token: dobele.coordinator, body: { attendanceApproves: true, acceptsOtherMunicipalities: true } }), 200);
    const there = await expectStatus(call('POST', `/v1/municipalities/${D}/opportunities`, { token: dobele.coordinator, body: anOpportunityInput() }), 201);
    await expectStatus(call('PUT', `/v1/opportunities/${there.json.id}/status`, { token: dobele.coordinator, body: { status: 'published' } }), 200);
    await expectStatus(call('POST', `/v1/opportunities/${there.json.id}/shifts/0/sign-ups`, { token: stranger.token }), 201);
  });
});
