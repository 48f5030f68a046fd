import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoHoursRepository } from '../../../lib/data/hours-repository.js';
import { DynamoAttendanceRepository } from '../../../lib/data/youth-house-attendance.js';
import { DynamoYouthHouseRepository } from '../../../lib/data/youth-house-repository.js';
import { rigaDate, type Clock } from '../../../lib/domain/clock.js';
import type { User } from '../../../lib/domain/identity/types.js';
import { markAttendance, NOT_ATTENDED_REASON, type AttendanceDeps } from '../../../lib/domain/youth-house/attendance.js';
import { attendanceReport } from '../../../lib/domain/youth-house/attendance-report.js';
import type { Opportunity, SignUp } from '../../../lib/domain/youth-house/types.js';
import { rigaTime } from '../../../lib/domain/clock.js';
import { suiteTable } from '../../support/dynamo.js';
import { aVolunteer, anInstitution } from '../../support/hours-builders.js';
import { anOpportunityInput } from '../../support/youth-house-builders.js';

const M = 'LV-042';
const START = '2026-03-10T08:00:00.000Z'; // 10:00 in Riga
let t: Awaited<ReturnType<typeof suiteTable>>;
let deps: AttendanceDeps;
const clock: Clock = { now: () => new Date('2026-03-10T12:00:00.000Z') };
const coordinator: User = { sub: 'c-1', role: 'coordinator', municipality: M, institution: null, email: null, name: null };
const supervisor: User = { sub: 's-1', role: 'supervisor', municipality: M, institution: 'inst-1', email: null, name: null };

beforeAll(async () => {
  t = await suiteTable('attendance');
  const hours = new DynamoHoursRepository(t.doc, t.table);
  const municipalities = { get: async (code: string) => (code === M ? { code, name: 'Jēkabpils novads', nameEn: 'Jēkabpils Municipality', validFrom: '2021-07-01', validTo: null } as never : undefined) };
  await hours.createInstitution(anInstitution());
  await hours.putAssignment({ institutionId: 'inst-1', supervisorId: 's-1', municipality: M, assignedAt: START, assignedBy: 'c-1' });
  deps = {
    youthHouse: new DynamoYouthHouseRepository(t.doc, t.table), hours, municipalities, clock, newNonce: () => randomBytes(16).toString('base64url'),
    attendance: new DynamoAttendanceRepository(t.doc, t.table), logbook: { hours, municipalities, clock },
    checkInKey: async () => new Uint8Array(32), publicBaseUrl: 'https://api.example.lv',
  };
});
afterAll(async () => t.drop());

async function aShiftWith(youthIds: string[]): Promise<Opportunity> {
  const input = anOpportunityInput({ kind: 'volunteering', institutionId: 'inst-1', shifts: [{ start: START, durationMinutes: 120, places: 50 }], signUpDeadline: '2026-03-09T08:00:00.000Z', creditedMinutesPerShift: 120 });
  const o: Opportunity = { ...input, id: crypto.randomUUID(), municipality: M, status: 'published', registered: [0], createdAt: START, createdBy: 'c-1', updatedAt: START };
  await deps.youthHouse.createOpportunity(o);
  for (const youthId of youthIds) {
    await (deps.hours as DynamoHoursRepository).putVolunteer(aVolunteer({ id: youthId, birthDate: '2004-05-01' }));
    const s: SignUp = { opportunityId: o.id, shift: 0, youthId, municipality: M, state: 'registered', position: null, date: rigaDate(new Date(START)), startTime: rigaTime(new Date(START)), minutes: 120, createdAt: START, updatedAt: START };
    expect(await deps.youthHouse.register(s, 50, () => [])).toBe('registered');
  }
  return o;
}

const items = async () => (await t.doc.send(new ScanCommand({ TableName: t.table }))).Items ?? [];

describe('attendance on DynamoDB Local', () => {
  it('writes one entry, one HoursSubmitted and one AttendanceMarked under 20 concurrent markings of the same sign-up', async () => {
    const o = await aShiftWith(['y-race']);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => markAttendance(deps, i % 2 ? supervisor : coordinator, o.id, 0, 'y-race', 'present')));
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(new Set(ok.map((r) => r.entry?.id)).size).toBe(1);
    const all = await items();
    expect(all.filter((i) => i.entityType === 'HourEntry' && i.volunteerId === 'y-race')).toHaveLength(1);
    const events = all.filter((i) => i.entityType === 'OutboxEvent').map((i) => JSON.parse(i.event as string) as { type: string; detail: { volunteerId?: string; youthId?: string } });
    expect(events.filter((e) => e.type === 'HoursSubmitted' && e.detail.volunteerId === 'y-race')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'AttendanceMarked' && e.detail.youthId === 'y-race')).toHaveLength(1);
    const tally = await deps.logbook.hours.getTally('y-race', M, 2026);
    expect(tally.pendingMinutes).toBe(120);
  });

  it('marks a youth whose account was closed meanwhile attended, writing no entry into the closed logbook', async () => {
    const o = await aShiftWith(['y-closed']);
    const hours = deps.hours as DynamoHoursRepository;
    await hours.putVolunteer({ ...(await hours.getVolunteer('y-closed'))!, name: 'Slēgts konts', closedAt: START, retainedUntil: '2031-03-10' });
    const marked = await markAttendance(deps, supervisor, o.id, 0, 'y-closed', 'present');
    expect(marked.signUp).toMatchObject({ state: 'attended', attendance: { entryId: null } });
    expect(marked.entry).toBeNull();
    expect((await items()).filter((i) => i.entityType === 'HourEntry' && i.volunteerId === 'y-closed')).toHaveLength(0);
  });

  it('a no-show marked while a present marking is between its entry and its sign-up leaves no hours: the entry is rejected again, the tally back to zero', async () => {
    const o = await aShiftWith(['y-split']);
    const attendance = deps.attendance as DynamoAttendanceRepository;
    const real = attendance.markAttendance.bind(attendance);
    let noShow: Promise<unknown> | undefined;
    // the present marking has written its entry; before its sign-up moves, a colleague marks the youth a no-show
    const spy = vi.spyOn(attendance, 'markAttendance').mockImplementation(async (...args) => {
      if (args[1] === 'attended' && !noShow) {
        noShow = markAttendance(deps, supervisor, o.id, 0, 'y-split', 'no-show');
        await noShow;
      }
      return real(...args);
    });
    try {
      await expect(markAttendance(deps, coordinator, o.id, 0, 'y-split', 'present')).rejects.toMatchObject({ kind: 'conflict' });
    } finally {
      spy.mockRestore();
    }
    await expect(noShow).resolves.toMatchObject({ signUp: { state: 'no-show' }, entry: null });
    const entries = (await items()).filter((i) => i.entityType === 'HourEntry' && i.volunteerId === 'y-split');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ state: 'rejected', approvedMinutes: 0, comment: NOT_ATTENDED_REASON, decidedBy: 'c-1' });
    const tally = await deps.logbook.hours.getTally('y-split', M, 2026);
    expect(tally).toMatchObject({ pendingMinutes: 0, approvedMinutes: 0 });
    const events = (await items()).filter((i) => i.entityType === 'OutboxEvent').map((i) => JSON.parse(i.event as string) as { type: string; detail: { volunteerId?: string } });
    expect(events.filter((e) => e.detail.volunteerId === 'y-split').map((e) => e.type).sort()).toEqual(['HoursRejected', 'HoursSubmitted']);
    // the sign-up stays a no-show; marking present again is the same 409, nothing more written
    await expect(markAttendance(deps, coordinator, o.id, 0, 'y-split', 'present')).rejects.toMatchObject({ kind: 'conflict' });
    expect((await items()).filter((i) => i.entityType === 'HourEntry' && i.volunteerId === 'y-split')).toHaveLength(1);
  });

  it("reports the municipality's opportunities with their roster counts, read from the indexes every sign-up and opportunity carry", async () => {
    const o = await aShiftWith(['y-r1', 'y-r2']);
    await markAttendance(deps, coordinator, o.id, 0, 'y-r1', 'present');
    await markAttendance(deps, supervisor, o.id, 0, 'y-r2', 'no-show');
    const roster = await deps.attendance.signUpsOf(o.id);
    expect(roster.map((s) => [s.youthId, s.state]).sort()).toEqual([['y-r1', 'attended'], ['y-r2', 'no-show']]);
    const report = await attendanceReport(deps, coordinator, M);
    expect(report.opportunities.find((r) => r.opportunityId === o.id)).toMatchObject({ institutionName: 'Jēkabpils bibliotēka', signUps: 2, attended: 1, noShows: 1, creditedMinutes: 120 });
  });
});
