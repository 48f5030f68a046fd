// The youth house's use cases: publish opportunities (role + municipality checked here), the public views, sign-ups.
import { randomUUID } from 'node:crypto';
import { rigaDate, rigaTime, type Clock } from '../clock.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '../errors.js';
import { ageOn, checkAgeAndConsent, checkHomeMunicipality, checkWorkload, consentNeededUpTo, isoWeek } from '../hours/rules.js';
import { defaultProgramme, type Programme } from '../hours/types.js';
import type { HoursRepository } from '../hours/ports.js';
import { assertNotClosed } from '../hours/use-cases/deps.js';
import { assertActsFor, type User } from '../identity/types.js';
import type { MunicipalityRepository } from '../municipalities/ports.js';
import { opportunityEvent, shiftCancelledEvent, signUpEvent } from './events.js';
import { declineOffer, leaveAndHandOver, offerDeadline, offerTo } from './offers.js';
import type { OpportunityPage, YouthHouseRepository } from './ports.js';
import { changedNoticeFields, NOTICE_FIELDS, shiftCalledOff, shiftCancelled, shiftCancelledRule, shiftPastMidnight, type Opportunity, type OpportunityFilter, type OpportunityInput, type OpportunityStatus, type OpportunityView, type SignUp } from './types.js';

export interface YouthHouseDeps {
  youthHouse: YouthHouseRepository;
  /** The logbook's storage: institutions, supervisor assignments, volunteer profiles, programmes, hour entries. */
  hours: Pick<HoursRepository, 'getInstitution' | 'isAssigned' | 'getVolunteer' | 'getProgramme' | 'entriesBetween'>;
  municipalities: Pick<MunicipalityRepository, 'get'>;
  clock: Clock;
  /** 16 random bytes, base64url: names a waitlist offer in its email link (offers.ts). */
  newNonce: () => string;
}

const rule = (id: string, lv: string, en: string, field?: string) => new RuleViolation(`youth-house.${id}`, { lv, en }, field);

/**
 * Who may publish for a municipality (and an institution): its coordinators (and the agency) for the whole
 * municipality, supervisors only for an institution of it they are assigned to. Anything else is a 403.
 */
async function assertPublishes(deps: YouthHouseDeps, user: User, municipality: string, institutionId: string | undefined): Promise<void> {
  if (user.role === 'youth') throw new ForbiddenError('a youth cannot publish opportunities');
  assertActsFor(user, municipality);
  if (institutionId === undefined) {
    if (user.role === 'supervisor') throw new ForbiddenError('a supervisor publishes only for an institution assigned to them');
    return;
  }
  const institution = await deps.hours.getInstitution(institutionId);
  if (!institution || institution.municipality !== municipality) {
    throw rule('institution-unknown', 'Šī pašvaldība šādu iestādi nav reģistrējusi', 'The municipality has no such institution', 'body.institutionId');
  }
  if (user.role === 'supervisor' && !(await deps.hours.isAssigned(institutionId, user.sub))) {
    throw new ForbiddenError(`supervisor ${user.sub} is not assigned to institution ${institutionId}`);
  }
}

export async function createOpportunity(deps: YouthHouseDeps, user: User, municipality: string, input: OpportunityInput): Promise<OpportunityView> {
  await assertPublishes(deps, user, municipality, input.institutionId);
  if (!(await deps.municipalities.get(municipality))) throw new NotFoundError('municipality', municipality);
  assertEndsByMidnight(input, input.shifts.map((_, i) => i));
  const at = deps.clock.now().toISOString();
  const opportunity: Opportunity = {
    ...input, id: randomUUID(), municipality, status: 'draft', registered: input.shifts.map(() => 0),
    createdAt: at, createdBy: user.sub, updatedAt: at,
  };
  await deps.youthHouse.createOpportunity(opportunity);
  return viewOf(opportunity, await programmeOf(deps, municipality));
}

/** 422 youth-house.shift-past-midnight on the first of `indexes` whose logbook entry would run past midnight. */
function assertEndsByMidnight(o: OpportunityInput, indexes: readonly number[]): void {
  const i = shiftPastMidnight(o, indexes);
  if (i !== undefined) {
    throw rule('shift-past-midnight', 'Maiņai (un tās ieskaitāmajām stundām) jābeidzas līdz pusnaktij; nakts pasākumu sadaliet divās maiņās',
      'A shift (and the hours it credits) must end by midnight; split an overnight activity into two shifts', `body.shifts.${i}.durationMinutes`);
  }
}

const TRANSITIONS: Record<OpportunityStatus, readonly OpportunityStatus[]> = {
  draft: ['published', 'cancelled'], published: ['closed', 'cancelled'], closed: ['published', 'cancelled'], cancelled: [],
};
const EVENT_OF = { published: 'OpportunityPublished', closed: 'OpportunityClosed', cancelled: 'OpportunityCancelled' } as const;

export async function setOpportunityStatus(deps: YouthHouseDeps, user: User, id: string, to: Exclude<OpportunityStatus, 'draft'>): Promise<OpportunityView> {
  const found = await deps.youthHouse.getOpportunity(id);
  if (!found) throw new NotFoundError('opportunity', id);
  await assertPublishes(deps, user, found.municipality, found.institutionId);
  if (!TRANSITIONS[found.status].includes(to)) {
    throw rule('status-transition', `Statusu “${found.status}” nevar mainīt uz “${to}”`, `The status ${found.status} cannot change to ${to}`, 'body.status');
  }
  if (to === 'published' && Date.parse(found.signUpDeadline) <= deps.clock.now().getTime()) {
    throw rule('deadline-passed', 'Pieteikšanās termiņš jau pagājis', 'The sign-up deadline has passed', 'signUpDeadline');
  }
  const at = deps.clock.now().toISOString();
  await deps.youthHouse.setStatus(id, found.status, to, at, [opportunityEvent(EVENT_OF[to], id, found.municipality, user.sub, at)]);
  return viewOf({ ...found, status: to, updatedAt: at }, await programmeOf(deps, found.municipality));
}

/**
 * A publisher calls off one shift of a published or closed opportunity before it starts; the other shifts go on.
 * Nobody can sign up for it any more, its waitlist gets no offers, check-in and reminders stop, the feeds mark it
 * cancelled, and the sweep emails everyone registered, offered or waiting for it (once). Cancelling it again
 * changes nothing. 1. the same publishers as for the status  2. 422 `youth-house.shift-started` once it started, 422
 * `youth-house.status-transition` for a draft (edit the draft instead) or a cancelled opportunity  3. one
 * conditional update with ShiftCancelled in the outbox.
 */
export async function cancelShift(deps: YouthHouseDeps, user: User, id: string, shift: number): Promise<OpportunityView> {
  const found = await deps.youthHouse.getOpportunity(id);
  if (!found) throw new NotFoundError('opportunity', id);
  await assertPublishes(deps, user, found.municipality, found.institutionId);
  const s = found.shifts[shift];
  if (!s) throw new NotFoundError('shift', `${id}/${shift}`);
  const programme = await programmeOf(deps, found.municipality);
  if (shiftCalledOff(found, shift)) return viewOf(found, programme);
  if (found.status !== 'published' && found.status !== 'closed') {
    throw rule('status-transition', `Iespējai ar statusu “${found.status}” maiņu atcelt nevar`, `A shift of an opportunity that is ${found.status} cannot be cancelled`, 'shift');
  }
  const now = deps.clock.now();
  if (Date.parse(s.start) <= now.getTime()) throw rule('shift-started', 'Maiņa jau ir sākusies; to vairs nevar atcelt', 'The shift has already started and can no longer be cancelled', 'shift');
  const at = now.toISOString();
  await deps.youthHouse.cancelShift(id, shift, at, [shiftCancelledEvent(id, shift, found.municipality, user.sub, at)]);
  return viewOf({ ...found, cancelledShifts: [...(found.cancelledShifts ?? []), shift], updatedAt: at }, programme);
}

/**
 * What a publisher may change. A draft: everything (a new host institution is checked as at creation). Published or
 * closed (young people may have signed up): the texts, topics, place, contact, age range, credited minutes, the
 * deadline (still ahead while published) and the offer and reminder hours; each shift's places, never below those
 * registered; new shifts appended (ahead of now). Its kind, host institution and the existing shifts' times stay:
 * sign-ups are filed by them; a shift that moves is a cancellation and a new shift. A cancelled opportunity stays as
 * it was. 1. the same publishers as for the status  2. these rules, each a 422 on its field  3. one conditional
 * update (status, last change and every shift's registered count as read; a sign-up meanwhile is a 409) with
 * OpportunityUpdated in the outbox  4. a change to what the signed-up young people need to turn up (NOTICE_FIELDS)
 * leaves a change notice for the sweep to email them (a notice still pending gathers the new fields).
 */
export async function updateOpportunity(deps: YouthHouseDeps, user: User, id: string, input: OpportunityInput): Promise<OpportunityView> {
  const found = await deps.youthHouse.getOpportunity(id);
  if (!found) throw new NotFoundError('opportunity', id);
  await assertPublishes(deps, user, found.municipality, found.institutionId);
  if (found.status === 'cancelled') {
    throw new ConflictError(`opportunity ${id} is cancelled`, { lv: 'Atceltu iespēju labot nevar', en: 'A cancelled opportunity cannot be edited' });
  }
  const now = deps.clock.now();
  if (found.status === 'draft') {
    if (input.institutionId !== found.institutionId) await assertPublishes(deps, user, found.municipality, input.institutionId);
  } else {
    const fixed = 'Publicētai iespējai to mainīt nevar (jaunieši jau var būt pieteikušies); atceliet to un izveidojiet jaunu';
    const fixedEn = 'A published opportunity keeps it (young people may have signed up); cancel it and create a new one';
    if (input.kind !== found.kind) throw rule('fixed-after-publish', fixed, fixedEn, 'body.kind');
    if (input.institutionId !== found.institutionId) throw rule('fixed-after-publish', fixed, fixedEn, 'body.institutionId');
    if (input.shifts.length < found.shifts.length) {
      throw rule('shift-removed', 'Publicētas iespējas maiņas nevar dzēst; atceliet iespēju vai atstājiet maiņu', "A published opportunity's shifts cannot be removed", 'body.shifts');
    }
    found.shifts.forEach((was, i) => {
      const is = input.shifts[i]!;
      if (Date.parse(is.start) !== Date.parse(was.start) || is.durationMinutes !== was.durationMinutes) {
        throw rule('shift-time-fixed', 'Publicētas iespējas maiņas laiku mainīt nevar; pievienojiet jaunu maiņu', "A published shift's time cannot change; add a new shift", `body.shifts.${i}.start`);
      }
      const registered = found.registered[i] ?? 0;
      if (is.places < registered) {
        throw rule('places-below-registered', `Maiņā jau pieteikušies ${registered}; vietu nevar būt mazāk`, `${registered} have signed up for the shift; it cannot have fewer places`, `body.shifts.${i}.places`);
      }
    });
    input.shifts.slice(found.shifts.length).forEach((added, j) => {
      if (Date.parse(added.start) <= now.getTime()) {
        throw rule('shift-in-past', 'Jaunai maiņai jābūt nākotnē', 'A new shift must be in the future', `body.shifts.${found.shifts.length + j}.start`);
      }
    });
    if (found.status === 'published' && Date.parse(input.signUpDeadline) !== Date.parse(found.signUpDeadline) && Date.parse(input.signUpDeadline) <= now.getTime()) {
      throw rule('deadline-passed', 'Pieteikšanās termiņam jābūt nākotnē; lai pieteikšanos beigtu, slēdziet iespēju', 'The sign-up deadline must be ahead; close the opportunity to stop sign-ups', 'body.signUpDeadline');
    }
  }
  // drafts: every shift; published: the shifts added now, and all of them when the credited minutes change (the
  // shifts published before this rule keep their times)
  const all = input.shifts.map((_, i) => i);
  assertEndsByMidnight(input, found.status === 'draft' || input.creditedMinutesPerShift !== found.creditedMinutesPerShift ? all : all.slice(found.shifts.length));
  const at = now.toISOString();
  const next: Opportunity = {
    ...input, id, municipality: found.municipality, status: found.status,
    registered: [...found.registered, ...input.shifts.slice(found.registered.length).map(() => 0)].slice(0, input.shifts.length),
    createdAt: found.createdAt, createdBy: found.createdBy, updatedAt: at,
    ...noticeOf(found, input, at),
    // not the publisher's field: the stored list stays as it is (cancelShift writes it), and the answer shows it
    ...(found.cancelledShifts ? { cancelledShifts: found.cancelledShifts } : {}),
  };
  await deps.youthHouse.updateOpportunity(found, next, [opportunityEvent('OpportunityUpdated', id, found.municipality, user.sub, at)]);
  return viewOf(next, await programmeOf(deps, found.municipality));
}

/** The change notice after an edit: none for a draft (nobody signed up), the pending one when nothing noticed changed. */
function noticeOf(found: Opportunity, input: OpportunityInput, at: string): Pick<Opportunity, 'changeNotice'> {
  if (found.status === 'draft') return {};
  const changed = changedNoticeFields(found, input);
  if (changed.length === 0) return found.changeNotice ? { changeNotice: found.changeNotice } : {};
  const fields = NOTICE_FIELDS.filter((f) => changed.includes(f) || found.changeNotice?.fields.includes(f));
  return { changeNotice: { at, fields } };
}

/** The municipality's programme (its consent age), or the defaults. */
const programmeOf = async (deps: Pick<YouthHouseDeps, 'hours'>, municipality: string) => (await deps.hours.getProgramme(municipality)) ?? defaultProgramme(municipality);

/** Remaining places per shift (never below zero). */
const shiftsOf = (o: Opportunity) => o.shifts.map((s, index) => {
  const cancelled = shiftCancelled(o, index);
  return { ...s, index, cancelled, remainingPlaces: cancelled ? 0 : Math.max(0, s.places - (o.registered[index] ?? 0)) };
});

/**
 * The public view: remaining places per shift, `full` when a published opportunity has none left, and whether young
 * people of its age range need guardian consent under the municipality's programme.
 */
export function viewOf(o: Opportunity, programme: Pick<Programme, 'consentUpToAge'>): OpportunityView {
  const shifts = shiftsOf(o);
  // full: no place left on any shift that still takes place (with every shift called off it stays published, each shift says so)
  const going = shifts.filter((s) => !s.cancelled);
  const full = o.status === 'published' && going.length > 0 && going.every((s) => s.remainingPlaces === 0);
  const { registered: _r, createdBy: _c, changeNotice: _n, cancelledShifts: _x, ...rest } = o;
  const upTo = consentNeededUpTo(o.ageRange, programme);
  return { ...rest, status: full ? 'full' : o.status, shifts, guardianConsent: upTo === null ? null : { neededUpToAge: upTo } };
}

/** Public: a draft does not exist for the public. */
export async function getOpportunity(deps: Pick<YouthHouseDeps, 'youthHouse' | 'hours'>, id: string): Promise<OpportunityView> {
  const found = await deps.youthHouse.getOpportunity(id);
  if (!found || found.status === 'draft') throw new NotFoundError('opportunity', id);
  return viewOf(found, await programmeOf(deps, found.municipality));
}

/** Whether an opportunity passes the public list's filters (dates compare the shifts' Riga dates). */
export function matches(o: Opportunity, f: OpportunityFilter): boolean {
  if (f.kind && o.kind !== f.kind) return false;
  if (f.topic && !o.topics.includes(f.topic)) return false;
  if (f.age !== undefined && (f.age < o.ageRange.min || f.age > o.ageRange.max)) return false;
  const shifts = shiftsOf(o).filter((s) => {
    const day = rigaDate(new Date(s.start));
    return (!f.from || day >= f.from) && (!f.to || day <= f.to);
  });
  if (shifts.length === 0) return false;
  if (f.hasPlaces && !shifts.some((s) => s.remainingPlaces > 0)) return false;
  return true;
}

export async function listOpportunities(deps: Pick<YouthHouseDeps, 'youthHouse' | 'municipalities' | 'hours'>, municipality: string, filter: OpportunityFilter, limit: number, cursor?: string): Promise<{ items: OpportunityView[]; cursor?: string }> {
  if (!(await deps.municipalities.get(municipality))) throw new NotFoundError('municipality', municipality);
  const [page, programme] = await Promise.all([
    deps.youthHouse.listPublished(municipality, (o) => matches(o, filter), limit, cursor) as Promise<OpportunityPage>, programmeOf(deps, municipality),
  ]);
  return { items: page.items.map((o) => viewOf(o, programme)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export interface SignUpResult {
  signUp: SignUp;
}

/**
 * A youth signs up for one shift. On the shift's date (Europe/Riga): the opportunity's age range, then the
 * logbook's age range and guardian consent, then its caps and night rule counting the week's hour entries and
 * live sign-ups (lib/domain/hours/rules.ts, the one home of those rules). A free place registers (conditional
 * counter); a full shift waitlists in arrival order.
 */
export async function signUp(deps: YouthHouseDeps, user: User, opportunityId: string, shift: number): Promise<SignUp> {
  if (user.role !== 'youth') throw new ForbiddenError('only young people sign up for shifts');
  const [o, volunteer] = await Promise.all([deps.youthHouse.getOpportunity(opportunityId), deps.hours.getVolunteer(user.sub)]);
  if (!o || o.status === 'draft') throw new NotFoundError('opportunity', opportunityId);
  const s = o.shifts[shift];
  if (!s) throw new NotFoundError('shift', `${opportunityId}/${shift}`);
  if (!volunteer) throw new RuleViolation('hours.profile-missing', { lv: 'Vispirms izveidojiet brīvprātīgā profilu', en: 'Create your volunteer profile first' });
  assertNotClosed(volunteer);
  const now = deps.clock.now();
  if (o.status !== 'published') throw rule('not-open', 'Pieteikšanās šai iespējai nav atvērta', 'This opportunity is not open for sign-ups');
  if (now.getTime() > Date.parse(o.signUpDeadline)) throw rule('deadline-passed', 'Pieteikšanās termiņš jau pagājis', 'The sign-up deadline has passed');
  if (shiftCancelled(o, shift)) throw shiftCancelledRule();
  const start = new Date(s.start);
  const date = rigaDate(start);
  const age = ageOn(volunteer.birthDate, date);
  if (age < o.ageRange.min || age > o.ageRange.max) {
    throw rule('age-outside-range', `Šī iespēja ir jauniešiem no ${o.ageRange.min} līdz ${o.ageRange.max} gadu vecumam`, `This opportunity is for ages ${o.ageRange.min} to ${o.ageRange.max}`, 'shift');
  }
  const programme = (await deps.hours.getProgramme(volunteer.municipality)) ?? defaultProgramme(volunteer.municipality);
  const person = checkAgeAndConsent(volunteer, date, programme);
  if (person) throw new RuleViolation(person.ruleId, person.title, 'shift');
  if (volunteer.municipality !== o.municipality) {
    const host = (await deps.hours.getProgramme(o.municipality)) ?? defaultProgramme(o.municipality);
    const home = checkHomeMunicipality(volunteer, o.municipality, host);
    if (home) throw new RuleViolation(home.ruleId, home.title, 'shift');
  }
  const week = isoWeek(date);
  const [entries, signUps] = await Promise.all([
    deps.hours.entriesBetween(volunteer.id, week.from, week.to), deps.youthHouse.signUpsBetween(volunteer.id, week.from, week.to),
  ]);
  if (signUps.some((x) => x.opportunityId === o.id && x.shift === shift)) throw new ConflictError(`already signed up for shift ${shift} of ${o.id}`);
  const work = { date, minutes: s.durationMinutes, startTime: rigaTime(start) };
  const sameWeek = [...entries, ...(await goingAhead(deps, signUps, o)).map((x) => ({ date: x.date, state: 'pending' as const, minutes: x.minutes, approvedMinutes: 0, startTime: x.startTime }))];
  const workload = checkWorkload(work, volunteer, sameWeek, programme);
  if (workload) throw new RuleViolation(workload.ruleId, workload.title, 'shift');

  const at = now.toISOString();
  const draft: SignUp = {
    opportunityId: o.id, shift, youthId: volunteer.id, municipality: o.municipality, state: 'registered', position: null,
    date, startTime: work.startTime, minutes: s.durationMinutes, createdAt: at, updatedAt: at,
  };
  const outcome = await deps.youthHouse.register(draft, s.places, (x) => [signUpEvent('ShiftSignedUp', x, at)]);
  if (outcome === 'registered') return draft;
  if (outcome === 'already-signed-up') throw new ConflictError(`already signed up for shift ${shift} of ${o.id}`);
  if (outcome === 'not-open') throw await notOpen(deps, o.id, shift);
  const waiting = await deps.youthHouse.waitlist({ ...draft, state: 'waitlisted' }, (x) => [signUpEvent('ShiftWaitlisted', x, at)]);
  if (waiting === 'already-signed-up') throw new ConflictError(`already signed up for shift ${shift} of ${o.id}`);
  if (waiting === 'not-open') throw await notOpen(deps, o.id, shift);
  // A place freed between our full shift and our waitlisting went to nobody: hand it to the first waiting (maybe us).
  const fresh = await deps.youthHouse.getOpportunity(o.id);
  if (fresh && (fresh.registered[shift] ?? 0) < s.places) {
    await fillFreePlace(deps, fresh, shift, volunteer.id);
    return (await deps.youthHouse.getSignUp(waiting.youthId, waiting.date, o.id, shift)) ?? waiting;
  }
  return waiting;
}

/** Why a sign-up found the shift closed at the write: called off meanwhile, or the opportunity no longer published. */
async function notOpen(deps: Pick<YouthHouseDeps, 'youthHouse'>, id: string, shift: number): Promise<RuleViolation> {
  const fresh = await deps.youthHouse.getOpportunity(id);
  return fresh && shiftCancelled(fresh, shift)
    ? shiftCancelledRule()
    : rule('not-open', 'Pieteikšanās šai iespējai nav atvērta', 'This opportunity is not open for sign-ups');
}

/** The sign-ups whose shift still takes place: a cancelled shift (or opportunity) no longer counts toward the caps. */
async function goingAhead(deps: Pick<YouthHouseDeps, 'youthHouse'>, signUps: readonly SignUp[], known: Opportunity): Promise<SignUp[]> {
  const ids = [...new Set(signUps.map((x) => x.opportunityId))].filter((id) => id !== known.id);
  const found = new Map<string, Opportunity | undefined>([[known.id, known], ...await Promise.all(ids.map(async (id) => [id, await deps.youthHouse.getOpportunity(id)] as const))]);
  return signUps.filter((x) => {
    const o = found.get(x.opportunityId);
    return o !== undefined && !shiftCancelled(o, x.shift);
  });
}

/**
 * A free place with people waiting: the first still waiting takes it — registered at once when it is the youth
 * signing up right now (`caller`), else offered to them (PlaceOffered) to confirm before the deadline.
 */
async function fillFreePlace(deps: YouthHouseDeps, o: Opportunity, shift: number, caller: string): Promise<SignUp | null> {
  const now = deps.clock.now();
  const deadline = offerDeadline(o, shift, now);
  if (!deadline) return null;
  const at = now.toISOString();
  for (const next of await deps.youthHouse.waitlisted(o.id, shift, 10)) {
    const to: SignUp = next.youthId === caller ? { ...next, state: 'registered', position: null, updatedAt: at } : offerTo(deps, next, deadline, at);
    const event = signUpEvent(to.state === 'registered' ? 'WaitlistPromoted' : 'PlaceOffered', to, at);
    if (await deps.youthHouse.promote(next, to, o.shifts[shift]!.places, [event])) return to;
  }
  return null;
}

/**
 * A youth cancels their sign-up (an offered one: declines the offer); a place it held is offered to the first on the
 * waitlist in the same transaction (PlaceOffered), who confirms it by the email's link or the API.
 */
export async function cancelSignUp(deps: YouthHouseDeps, user: User, opportunityId: string, shift: number): Promise<{ cancelled: SignUp; offered: SignUp | null }> {
  if (user.role !== 'youth') throw new ForbiddenError('only the young person cancels their sign-up');
  const o = await deps.youthHouse.getOpportunity(opportunityId);
  const s = o?.shifts[shift];
  if (!o || !s) throw new NotFoundError('sign-up', `${opportunityId}/${shift}`);
  const mine = await deps.youthHouse.getSignUp(user.sub, rigaDate(new Date(s.start)), opportunityId, shift);
  if (!mine || mine.state === 'cancelled') throw new NotFoundError('sign-up', `${opportunityId}/${shift}`);
  if (mine.state === 'attended' || mine.state === 'no-show') {
    throw rule('attendance-taken', 'Apmeklējums jau atzīmēts; pieteikumu vairs nevar atsaukt', 'Attendance was already taken; the sign-up can no longer be cancelled');
  }
  if (mine.state === 'offered') {
    const { declined, offered } = await declineOffer(deps, o, mine);
    return { cancelled: declined, offered };
  }
  const at = deps.clock.now().toISOString();
  const cancelled: SignUp = { ...mine, state: 'cancelled', position: null, updatedAt: at };
  const offered = await leaveAndHandOver(deps, o, mine, cancelled, [signUpEvent('SignUpCancelled', cancelled, at)]);
  return { cancelled, offered };
}
