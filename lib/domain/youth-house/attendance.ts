// Attendance → logbook: staff mark a shift's sign-ups present or no-show, or the youth checks in with the shift's code;
// an attended sign-up becomes an hour entry through the logbook's own use case (recordEntry), a no-show creates nothing.
import { randomUUID } from 'node:crypto';
import { rigaDate } from '../clock.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { decideEntry, rejectShiftEntry } from '../hours/use-cases/decide-entry.js';
import { programmeOf, type HoursDeps } from '../hours/use-cases/deps.js';
import { recordEntry } from '../hours/use-cases/submit-entry.js';
import { TASK_CATEGORIES, type EntryInput, type HourEntry } from '../hours/types.js';
import { assertActsFor, type User } from '../identity/types.js';
import type { AttendanceRepository } from './attendance-ports.js';
import { checkInCodeAt, checkInQrText, checkInWindow, CHECK_IN_STEP_SECONDS, isCheckInCode, stepOf, venueDisplayPath } from './check-in-code.js';
import { YOUTH_HOUSE_SOURCE } from './events.js';
import type { YouthHouseDeps } from './use-cases.js';
import { shiftCalledOff, shiftCancelled, shiftCancelledRule, signUpView, type Attendance, type Opportunity, type SignUp, type Topic } from './types.js';

export interface AttendanceDeps extends YouthHouseDeps {
  attendance: AttendanceRepository;
  /** The logbook's own deps: attendance enters hours only through its use cases. */
  logbook: HoursDeps;
  /** The HMAC key check-in codes derive from (the link key: Parameter Store in AWS, a key file locally). */
  checkInKey: () => Promise<Uint8Array>;
  /** The public base URL the check-in QR code names. */
  publicBaseUrl: string;
}

export type AttendanceStatus = 'present' | 'no-show';

const rule = (id: string, lv: string, en: string, field?: string) => new RuleViolation(`youth-house.${id}`, { lv, en }, field);

export interface AttendanceEventDetail {
  opportunityId: string;
  shift: number;
  youthId: string;
  municipality: string;
  state: 'attended' | 'no-show';
  date: string;
  via: Attendance['via'];
  by: string;
  entryId: string | null;
}

export function attendanceEvent(s: SignUp, state: 'attended' | 'no-show', a: Attendance): DomainEvent<'AttendanceMarked', AttendanceEventDetail> {
  return {
    id: randomUUID(), type: 'AttendanceMarked', source: YOUTH_HOUSE_SOURCE, occurredAt: a.at,
    detail: { opportunityId: s.opportunityId, shift: s.shift, youthId: s.youthId, municipality: s.municipality, state, date: s.date, via: a.via, by: a.by, entryId: a.entryId },
  };
}

const CATEGORY_OF_TOPIC: Partial<Record<Topic, (typeof TASK_CATEGORIES)[number]>> = {
  'environment-climate': 'environment', 'culture-creativity': 'culture', sport: 'sport', 'education-training': 'education',
  'health-wellbeing': 'social-care', inclusion: 'social-care', 'anti-discrimination': 'social-care', 'migrants-refugees': 'social-care',
  'participation-democracy': 'community',
};

/** The logbook's task category of an opportunity: its first topic that has one, else events for an event, else other. */
export function categoryOf(o: Pick<Opportunity, 'topics' | 'kind'>): (typeof TASK_CATEGORIES)[number] {
  for (const t of o.topics) {
    const c = CATEGORY_OF_TOPIC[t];
    if (c) return c;
  }
  return o.kind === 'event' ? 'events' : 'other';
}

/**
 * The hour entry an attended sign-up becomes, or null when it credits nothing: a shift crediting 0 minutes, or an
 * opportunity without a host institution (the logbook counts hours only at institutions, whose supervisors decide).
 */
export function entryInputOf(o: Opportunity, s: Pick<SignUp, 'date' | 'startTime'>): EntryInput | null {
  if (!o.institutionId || o.creditedMinutesPerShift === 0) return null;
  return { institutionId: o.institutionId, date: s.date, minutes: o.creditedMinutesPerShift, startTime: s.startTime, activity: o.title.lv, category: categoryOf(o) };
}

/** The Idempotency-Key of a shift's entry: however often attendance is taken, the logbook gets one entry per youth and shift. */
export const attendanceKey = (opportunityId: string, shift: number) => `youth-house-shift:${opportunityId}:${shift}`;

async function loadShift(deps: AttendanceDeps, opportunityId: string, shift: number): Promise<{ o: Opportunity; s: Opportunity['shifts'][number] }> {
  const o = await deps.youthHouse.getOpportunity(opportunityId);
  if (!o || o.status === 'draft') throw new NotFoundError('opportunity', opportunityId);
  const s = o.shifts[shift];
  if (!s) throw new NotFoundError('shift', `${opportunityId}/${shift}`);
  return { o, s };
}

/**
 * Who takes a shift's attendance: the coordinators of the opportunity's municipality, and supervisors assigned to
 * its host institution (of that municipality). Returns whether the user is such a supervisor (their marking may approve).
 */
async function assertTakesAttendance(deps: AttendanceDeps, user: User, o: Opportunity): Promise<boolean> {
  if (user.role !== 'coordinator' && user.role !== 'supervisor') throw new ForbiddenError(`a ${user.role} cannot take attendance`);
  assertActsFor(user, o.municipality);
  if (user.role === 'coordinator') return false;
  if (!o.institutionId || !(await deps.hours.isAssigned(o.institutionId, user.sub))) {
    throw new ForbiddenError(`supervisor ${user.sub} is not assigned to the host institution of opportunity ${o.id}`);
  }
  return true;
}

export interface AttendanceResult {
  signUp: SignUp;
  /** The logbook entry of an attended shift (null for a no-show or a shift that credits nothing). */
  entry: HourEntry | null;
  /** True when this attendance had been taken before: nothing new was written. */
  replayed: boolean;
}

/** The reason on an attendance entry taken back because the sign-up did not end attended (the youth reads it). */
export const NOT_ATTENDED_REASON = 'Maiņā atzīmēts kā neieradies vai atteicies / Marked as not attending the shift';

/**
 * Takes one sign-up's attendance.
 * 1. an attended / no-show sign-up answers as it is (the same status again) or 409 (the other status)
 * 2. only a registered sign-up is marked (waitlisted or cancelled: 422)
 * 3. present: the entry through recordEntry (the logbook's rules, tally, audit, HoursSubmitted; its Idempotency-Key
 *    per youth and shift makes a second marking replay the first entry), a rule it breaks is its 422 and nothing is written
 * 4. the sign-up moves registered → attended / no-show with AttendanceMarked (outbox), conditional on still being registered;
 *    when a no-show (or a cancellation) won that race, the entry step 3 wrote is rejected again (rejectShiftEntry)
 * 5. the supervisor's marking approves the entry at once through decideEntry when the host programme's `attendanceApproves` is on
 */
async function take(
  deps: AttendanceDeps, o: Opportunity, signUp: SignUp, status: AttendanceStatus,
  by: { user: User; via: Attendance['via']; approves: boolean },
): Promise<AttendanceResult> {
  const want = status === 'present' ? 'attended' : 'no-show';
  if (signUp.state === 'attended' || signUp.state === 'no-show') {
    if (signUp.state !== want) {
      throw new ConflictError(`the sign-up of ${signUp.youthId} for shift ${signUp.shift} of ${o.id} is already ${signUp.state}`,
        { lv: 'Apmeklējums jau atzīmēts citādi', en: 'Attendance was already marked otherwise' });
    }
    const id = signUp.attendance?.entryId;
    return { signUp: signUpView(signUp), entry: id ? (await deps.logbook.hours.getEntry(id)) ?? null : null, replayed: true };
  }
  if (signUp.state !== 'registered') {
    throw rule('not-registered', 'Šim jaunietim šajā maiņā nav vietas (gaida rindā vai atteicies)', 'This young person has no place in this shift (waitlisted or cancelled)');
  }
  const at = deps.clock.now().toISOString();
  let entry: HourEntry | null = null;
  if (want === 'attended') {
    const input = entryInputOf(o, signUp);
    if (input) {
      try {
        entry = (await recordEntry(deps.logbook, { volunteerId: signUp.youthId, by: by.user.sub, source: { kind: 'shift', opportunityId: o.id, shift: signUp.shift } },
          input, attendanceKey(o.id, signUp.shift))).entry;
      } catch (error) {
        // a closed account's logbook takes nothing new: the attendance stands, without an entry
        if (!(error instanceof ForbiddenError && error.reason?.rule === 'hours.account-closed')) throw error;
      }
    }
  }
  const attendance: Attendance = { by: by.user.sub, at, via: by.via, entryId: entry?.id ?? null };
  const marked: SignUp = { ...signUp, state: want, updatedAt: at, attendance };
  if (!(await deps.attendance.markAttendance(signUp, want, attendance, [attendanceEvent(signUp, want, attendance)]))) {
    // Someone else took it meanwhile: the same status is theirs to answer with; the other is a conflict.
    const fresh = await deps.youthHouse.getSignUp(signUp.youthId, signUp.date, o.id, signUp.shift);
    // The entry this marking wrote stays only for an attended sign-up: a no-show marked (or a cancellation) meanwhile
    // takes it back, so the logbook never holds hours for a shift its roster says nobody attended.
    if (entry && fresh?.state !== 'attended') await rejectShiftEntry(deps.logbook, by.user.sub, entry.id, { opportunityId: o.id, shift: signUp.shift }, NOT_ATTENDED_REASON);
    if (!fresh || fresh.state === 'registered') throw new ConflictError(`sign-up ${o.id}/${signUp.shift} of ${signUp.youthId} changed meanwhile`);
    return take(deps, o, fresh, status, by);
  }
  if (entry && by.approves && entry.state === 'pending' && (await programmeOf(deps.logbook, o.municipality)).attendanceApproves) {
    try {
      entry = await decideEntry(deps.logbook, by.user, entry.id, { decision: 'approve' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // decided meanwhile: that decision stands
    }
  }
  return { signUp: signUpView(marked), entry, replayed: false };
}

/** Staff mark one youth's attendance of a shift once it has started (present or no-show). */
export async function markAttendance(deps: AttendanceDeps, user: User, opportunityId: string, shift: number, youthId: string, status: AttendanceStatus): Promise<AttendanceResult> {
  const { o, s } = await loadShift(deps, opportunityId, shift);
  const approves = await assertTakesAttendance(deps, user, o);
  // a shift that took place before its opportunity was cancelled is still marked; one called off is not
  if (shiftCalledOff(o, shift)) throw shiftCancelledRule();
  if (deps.clock.now().getTime() < Date.parse(s.start)) {
    throw rule('shift-not-started', 'Apmeklējumu var atzīmēt, kad maiņa ir sākusies', 'Attendance can be marked once the shift has started', 'shift');
  }
  const signUp = await deps.youthHouse.getSignUp(youthId, rigaDate(new Date(s.start)), opportunityId, shift);
  if (!signUp) throw new NotFoundError('sign-up', `${opportunityId}/${shift}/${youthId}`);
  return take(deps, o, signUp, status, { user, via: 'marked', approves });
}

export interface RosterLine extends SignUp {
  name: string | null;
}

/** The shift's sign-ups for whoever takes its attendance, with the volunteers' names. */
export async function shiftRoster(deps: AttendanceDeps, user: User, opportunityId: string, shift: number): Promise<{ items: RosterLine[] }> {
  const { o } = await loadShift(deps, opportunityId, shift);
  await assertTakesAttendance(deps, user, o);
  const signUps = (await deps.attendance.signUpsOf(opportunityId)).filter((x) => x.shift === shift);
  const names = await Promise.all(signUps.map(async (x) => (await deps.hours.getVolunteer(x.youthId))?.name ?? null));
  return { items: signUps.map((x, i) => ({ ...signUpView(x), name: names[i]! })) };
}

export interface CheckInCode {
  code: string;
  /** The step's end: a new code from then on (this one is still taken for one more step). */
  validUntil: string;
  stepSeconds: number;
  /** What the QR code carries: the check-in page of the shift with the code. */
  qrText: string;
}

/**
 * The current check-in code of a shift, for staff to show at the venue while check-in is open, and the venue display's
 * link: a page that shows the code and its QR on a screen and follows each new code, valid until the shift ends.
 */
export async function checkInCode(deps: AttendanceDeps, user: User, opportunityId: string, shift: number): Promise<CheckInCode & { displayUrl: string }> {
  const { o, s } = await loadShift(deps, opportunityId, shift);
  await assertTakesAttendance(deps, user, o);
  const code = await currentCheckInCode(deps, o, shift);
  return { ...code, displayUrl: await displayUrlOf(deps, o.id, shift, checkInWindow(s).closes) };
}

/** The venue display's URL for a shift, valid until `closes` (the end of its check-in). */
async function displayUrlOf(deps: AttendanceDeps, opportunityId: string, shift: number, closes: Date): Promise<string> {
  return `${deps.publicBaseUrl.replace(/\/$/, '')}${venueDisplayPath(await deps.checkInKey(), opportunityId, shift, closes)}`;
}

export interface VenueDisplayLink {
  displayUrl: string;
  /** When the display starts showing codes (check-in opens) and stops (the shift ends). */
  opensAt: string;
  closesAt: string;
}

/**
 * The venue display's link for a shift, at any time before the shift ends, so a screen can be set up ahead (it says
 * when check-in opens and starts showing codes then); after the end 422 youth-house.check-in-closed.
 */
export async function venueDisplayLink(deps: AttendanceDeps, user: User, opportunityId: string, shift: number): Promise<VenueDisplayLink> {
  const { o, s } = await loadShift(deps, opportunityId, shift);
  await assertTakesAttendance(deps, user, o);
  assertShiftOn(o, shift);
  const { opens, closes } = checkInWindow(s);
  if (deps.clock.now() > closes) assertCheckInOpen(s, deps.clock.now());
  return { displayUrl: await displayUrlOf(deps, o.id, shift, closes), opensAt: opens.toISOString(), closesAt: closes.toISOString() };
}

/** The shift's code now, while check-in is open (422 youth-house.check-in-closed otherwise); the caller has authorised the read. */
export async function currentCheckInCode(deps: AttendanceDeps, o: Opportunity, shift: number): Promise<CheckInCode> {
  assertShiftOn(o, shift);
  const now = deps.clock.now();
  assertCheckInOpen(o.shifts[shift]!, now);
  const step = stepOf(now);
  const code = checkInCodeAt(await deps.checkInKey(), o.id, shift, step);
  return {
    code, validUntil: new Date((step + 1) * CHECK_IN_STEP_SECONDS * 1000).toISOString(), stepSeconds: CHECK_IN_STEP_SECONDS,
    qrText: checkInQrText(deps.publicBaseUrl, o.id, shift, code),
  };
}

/** A shift called off (alone or with its opportunity) takes no attendance: nobody was meant to come. */
function assertShiftOn(o: Opportunity, shift: number): void {
  if (shiftCancelled(o, shift)) throw shiftCancelledRule();
}

function assertCheckInOpen(s: Opportunity['shifts'][number], now: Date): void {
  const { opens, closes } = checkInWindow(s);
  if (now < opens || now > closes) {
    throw rule('check-in-closed', 'Ierašanos var reģistrēt no pusstundas pirms maiņas sākuma līdz tās beigām', 'Check-in is open from half an hour before the shift starts until it ends', 'shift');
  }
}

/** A signed-up youth checks in at the venue with the code shown there: counted present, as if marked. */
export async function checkIn(deps: AttendanceDeps, user: User, opportunityId: string, shift: number, code: string): Promise<AttendanceResult> {
  if (user.role !== 'youth') throw new ForbiddenError('only the young person checks in');
  const { o, s } = await loadShift(deps, opportunityId, shift);
  const signUp = await deps.youthHouse.getSignUp(user.sub, rigaDate(new Date(s.start)), opportunityId, shift);
  if (!signUp || signUp.state === 'cancelled') throw new NotFoundError('sign-up', `${opportunityId}/${shift}`);
  assertShiftOn(o, shift);
  const now = deps.clock.now();
  assertCheckInOpen(s, now);
  if (!isCheckInCode(await deps.checkInKey(), o.id, shift, now, code)) {
    throw rule('check-in-code', 'Kods nav derīgs: noskenējiet to, kas redzams pašlaik', 'The code is not valid: scan the one shown now', 'body.code');
  }
  return take(deps, o, signUp, 'present', { user, via: 'check-in', approves: false });
}

export interface MySignUp extends SignUp {
  title: Opportunity['title'];
  start: string;
  /** The shift is off (it, or its opportunity, was cancelled). */
  shiftCancelled: boolean;
}

/**
 * A youth's own sign-ups (any state) for shifts dated from..to (default: 30 days back, a year ahead, Europe/Riga),
 * with the opportunity's title and the shift's start.
 */
export async function mySignUps(deps: AttendanceDeps, user: User, range: { from?: string; to?: string } = {}): Promise<{ items: MySignUp[] }> {
  if (user.role !== 'youth') throw new ForbiddenError('only a young person has sign-ups');
  const now = deps.clock.now().getTime();
  const from = range.from ?? rigaDate(new Date(now - 30 * 86_400_000));
  const to = range.to ?? rigaDate(new Date(now + 366 * 86_400_000));
  const signUps = await deps.attendance.signUpsOfYouth(user.sub, from, to);
  const ids = [...new Set(signUps.map((x) => x.opportunityId))];
  const found = new Map((await Promise.all(ids.map((id) => deps.youthHouse.getOpportunity(id)))).flatMap((o) => (o ? [[o.id, o] as const] : [])));
  return {
    items: signUps.flatMap((x) => {
      const o = found.get(x.opportunityId);
      return o ? [{ ...signUpView(x), title: o.title, start: o.shifts[x.shift]?.start ?? '', shiftCancelled: shiftCancelled(o, x.shift) }] : [];
    }),
  };
}
