// The logbook's rules as pure functions: data in, a RuleViolation (stable id, Latvian + English) or a result out.
import { RuleViolation, type RuleIssue } from '../errors.js';
import { isValidOn, type Municipality } from '../municipalities/types.js';
import { reachesThreshold, recognise, recognitionPolicy } from './recognition.js';
import type { Decision, EntryInput, EntryState, HourEntry, Institution, Programme, Progress, Tally, Volunteer, VolunteerInput } from './types.js';

const v = (id: string, lv: string, en: string, field?: string) => new RuleViolation(`hours.${id}`, { lv, en }, field);

/** Completed years on `date` (both YYYY-MM-DD). A 29 February birthday completes the year on 1 March. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const fromDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** Monday and Sunday of the ISO week that holds `date`. */
export function isoWeek(date: string): { from: string; to: string } {
  const n = dayNumber(date);
  const weekday = (new Date(n * 86_400_000).getUTCDay() + 6) % 7; // Monday = 0
  return { from: fromDayNumber(n - weekday), to: fromDayNumber(n - weekday + 6) };
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const fmtHours = (minutes: number) => `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

/** A profile cannot be born after today (Europe/Riga): such dates are typing mistakes. */
export function checkProfile(input: Pick<VolunteerInput, 'birthDate'>, today: string): RuleViolation | undefined {
  if (input.birthDate > today) {
    return v('birth-date-future', 'Dzimšanas datums nevar būt nākotnē', 'The birth date cannot be in the future', 'body.birthDate');
  }
  return undefined;
}

/** Which caps apply on the activity date: child (<15, or <18 in basic school), minor (15–17) or adult. */
export function ageBand(volunteer: Pick<Volunteer, 'birthDate' | 'inBasicSchool'>, date: string, p: Programme): 'child' | 'minor' | 'adult' {
  const age = ageOn(volunteer.birthDate, date);
  if (age < p.childAgeBelow || (volunteer.inBasicSchool && age < p.basicSchoolChildAgeBelow)) return 'child';
  return age < p.minorAgeBelow ? 'minor' : 'adult';
}

/** States whose minutes still count towards caps and tallies. */
export const isLive = (state: EntryState) => state === 'pending' || state === 'approved';
const countedMinutes = (e: Pick<HourEntry, 'state' | 'minutes' | 'approvedMinutes'>) => (e.state === 'approved' ? e.approvedMinutes : e.minutes);

export interface EntryContext {
  volunteer: Volunteer;
  institution: Institution;
  /** The institution's municipality from the registry (undefined when unknown). */
  institutionMunicipality: Pick<Municipality, 'validFrom' | 'validTo'> | undefined;
  /** The programme of the volunteer's municipality (ages, consent, caps, window). */
  programme: Programme;
  /** The programme of the institution's municipality (whether it accepts other municipalities' youth). */
  institutionProgramme: Programme;
  /** The volunteer's other entries in the ISO week of the entry's date (any state). */
  sameWeek: readonly Pick<HourEntry, 'date' | 'state' | 'minutes' | 'approvedMinutes' | 'startTime'>[];
  /** Today in Europe/Riga. */
  today: string;
}

/**
 * Every rule a new hour entry must pass, in a fixed order; the first broken one is returned.
 * Caps count all live entries (pending included) of the same day or ISO week.
 */
export function checkEntry(entry: EntryInput, ctx: EntryContext): RuleViolation | undefined {
  const { volunteer, institution, programme: p, today } = ctx;
  if (entry.minutes % 15 !== 0) {
    return v('duration-step', 'Ilgumam jābūt 15 minūšu solī (15, 30, 45, …)', 'The duration must be in 15-minute steps (15, 30, 45, …)', 'body.minutes');
  }
  if (entry.startTime && toMinutes(entry.startTime) + entry.minutes > 1440) {
    return v('crosses-midnight', 'Ieraksts nedrīkst turpināties pāri pusnaktij: sadaliet to pa dienām', 'An entry must not run past midnight: split it by day', 'body.startTime');
  }
  if (entry.date > today) {
    return v('future-date', 'Nevar reģistrēt stundas nākotnes datumā', 'Hours cannot be logged for a future date', 'body.date');
  }
  const closes = `${Number(entry.date.slice(0, 4)) + 1}-${p.lateEntryDeadline}`;
  if (today > closes) {
    return v('entry-too-old', `${entry.date.slice(0, 4)}. gada stundas varēja reģistrēt līdz ${closes}`, `Hours of ${entry.date.slice(0, 4)} could be logged until ${closes}`, 'body.date');
  }
  const person = checkAgeAndConsent(volunteer, entry.date, p);
  if (person) return person;
  if (!institution.active) {
    return v('institution-inactive', 'Šī iestāde pašlaik nepieņem brīvprātīgos', 'This institution is not active', 'body.institutionId');
  }
  if (!ctx.institutionMunicipality || !isValidOn(ctx.institutionMunicipality, entry.date)) {
    return v('institution-municipality', 'Iestāde nepieder pašvaldībai, kas darbojās šajā datumā', 'The institution does not belong to a municipality that existed on this date', 'body.institutionId');
  }
  const home = checkHomeMunicipality(volunteer, institution.municipality, ctx.institutionProgramme);
  if (home) return home;
  return checkWorkload(entry, volunteer, ctx.sameWeek, p);
}

/**
 * Only young people of the host municipality work at its institutions, unless its programme accepts others
 * (`acceptsOtherMunicipalities`, the coordinator's choice): the logbook's entries and the youth house's sign-ups.
 */
export function checkHomeMunicipality(volunteer: Pick<Volunteer, 'municipality'>, hostMunicipality: string, hostProgramme: Pick<Programme, 'acceptsOtherMunicipalities'>): RuleViolation | undefined {
  if (hostMunicipality === volunteer.municipality || hostProgramme.acceptsOtherMunicipalities) return undefined;
  return v('other-municipality', 'Šīs pašvaldības iestādēs var reģistrēt tikai tās pašas pašvaldības jaunieši', "Only young people of the institution's own municipality can log hours there", 'body.institutionId');
}

/**
 * Up to which age of an age range the guardian's written consent is needed under the programme (the same
 * `consentUpToAge` checkAgeAndConsent enforces), or null when nobody in the range needs it.
 */
export function consentNeededUpTo(ageRange: { min: number; max: number }, p: Pick<Programme, 'consentUpToAge'>): number | null {
  return ageRange.min <= p.consentUpToAge ? Math.min(p.consentUpToAge, ageRange.max) : null;
}

/**
 * The programme's age range and the guardian's consent on `date` (the logbook's and the youth house's one home of
 * these rules). Field names speak of the logbook's request; other callers re-map them. A withdrawn consent blocks
 * every new entry or sign-up, whatever its date; what was recorded before the withdrawal stays.
 */
export function checkAgeAndConsent(volunteer: Pick<Volunteer, 'birthDate' | 'guardianConsent'>, date: string, p: Programme): RuleViolation | undefined {
  const age = ageOn(volunteer.birthDate, date);
  if (age < p.minAge) {
    return v('age-below-13', `Brīvprātīgajam darba veikšanas dienā jābūt vismaz ${p.minAge} gadus vecam`, `A volunteer must be at least ${p.minAge} on the day of the work`, 'body.date');
  }
  if (age > p.maxAge) {
    return v('age-above-maximum', `Programma attiecas uz jauniešiem līdz ${p.maxAge} gadu vecumam`, `The programme covers young people up to age ${p.maxAge}`, 'body.date');
  }
  const consent = volunteer.guardianConsent;
  if (age <= p.consentUpToAge && consent?.withdrawnAt) {
    return v('consent-missing', `Likumiskais pārstāvis ir atsaucis piekrišanu (${consent.withdrawnAt.slice(0, 10)}): līdz ${p.consentUpToAge} gadu vecumam (ieskaitot) vajadzīga jauna rakstiska piekrišana`,
      `The legal representative withdrew their consent (${consent.withdrawnAt.slice(0, 10)}): up to and including age ${p.consentUpToAge} a new written consent is required`, 'guardianConsent');
  }
  if (age <= p.consentUpToAge && (!consent || consent.date > date)) {
    return v('consent-missing', `Līdz ${p.consentUpToAge} gadu vecumam (ieskaitot) vajadzīga likumiskā pārstāvja rakstiska piekrišana`, `Up to and including age ${p.consentUpToAge} the legal representative's written consent is required`, 'guardianConsent');
  }
  return undefined;
}

/**
 * Overlap and the daily/weekly caps and children's night rule on the work's date, counting `sameWeek` (the
 * volunteer's other live work of that ISO week: hour entries, and for the youth house also signed-up shifts).
 */
export function checkWorkload(
  entry: Pick<EntryInput, 'date' | 'minutes' | 'startTime'>, volunteer: Pick<Volunteer, 'birthDate' | 'inBasicSchool'>,
  sameWeek: EntryContext['sameWeek'], p: Programme,
): RuleViolation | undefined {
  const live = sameWeek.filter((e) => isLive(e.state));
  const sameDay = live.filter((e) => e.date === entry.date);
  if (entry.startTime) {
    const start = toMinutes(entry.startTime);
    const end = start + entry.minutes;
    if (sameDay.some((e) => e.startTime && toMinutes(e.startTime) < end && start < toMinutes(e.startTime) + e.minutes)) {
      return v('overlap', 'Ieraksts pārklājas ar citu šīs dienas ierakstu', 'The entry overlaps another entry of the same day', 'body.startTime');
    }
  }
  const dayTotal = entry.minutes + sameDay.reduce((s, e) => s + countedMinutes(e), 0);
  const band = ageBand(volunteer, entry.date, p);
  if (band === 'child') {
    if (dayTotal > p.childDailyMinutes) {
      return v('minor-daily-cap', `Bērni drīkst strādāt ne vairāk kā ${fmtHours(p.childDailyMinutes)} dienā (kopā ${fmtHours(dayTotal)})`, `Children may work at most ${fmtHours(p.childDailyMinutes)} a day (total ${fmtHours(dayTotal)})`, 'body.minutes');
    }
    if (entry.startTime) {
      const start = toMinutes(entry.startTime);
      if (start < toMinutes(p.childNightUntil) || start + entry.minutes > toMinutes(p.childNightFrom)) {
        return v('minor-night-work', `Bērni nedrīkst strādāt no ${p.childNightFrom} līdz ${p.childNightUntil}`, `Children must not work between ${p.childNightFrom} and ${p.childNightUntil}`, 'body.startTime');
      }
    }
  } else if (band === 'minor') {
    if (dayTotal > p.minorDailyMinutes) {
      return v('minor-daily-cap', `15–17 gadus veci jaunieši drīkst strādāt ne vairāk kā ${fmtHours(p.minorDailyMinutes)} dienā (kopā ${fmtHours(dayTotal)})`, `15–17-year-olds may work at most ${fmtHours(p.minorDailyMinutes)} a day (total ${fmtHours(dayTotal)})`, 'body.minutes');
    }
    const weekTotal = entry.minutes + live.reduce((s, e) => s + countedMinutes(e), 0);
    if (weekTotal > p.minorWeeklyMinutes) {
      return v('minor-weekly-cap', `15–17 gadus veci jaunieši drīkst strādāt ne vairāk kā ${fmtHours(p.minorWeeklyMinutes)} nedēļā (kopā ${fmtHours(weekTotal)})`, `15–17-year-olds may work at most ${fmtHours(p.minorWeeklyMinutes)} a week (total ${fmtHours(weekTotal)})`, 'body.minutes');
    }
  } else if (dayTotal > p.adultDailyMinutes) {
    return v('adult-daily-cap', `Dienā var reģistrēt ne vairāk kā ${fmtHours(p.adultDailyMinutes)} (kopā ${fmtHours(dayTotal)})`, `At most ${fmtHours(p.adultDailyMinutes)} can be logged per day (total ${fmtHours(dayTotal)})`, 'body.minutes');
  }
  return undefined;
}

/** A decision on a pending entry: who may make it and what it does. */
export function checkDecision(entry: Pick<HourEntry, 'state' | 'minutes' | 'volunteerId'>, decision: Decision, deciderId: string): RuleViolation | undefined {
  if (entry.volunteerId === deciderId) {
    return v('own-entry', 'Savus ierakstus apstiprināt nevar', 'You cannot decide your own entries');
  }
  if (entry.state !== 'pending') {
    return v('not-pending', 'Ieraksts jau ir izskatīts', 'The entry has already been decided');
  }
  if (decision.decision === 'approve-fewer') {
    if (decision.approvedMinutes % 15 !== 0) {
      return v('duration-step', 'Apstiprinātajam ilgumam jābūt 15 minūšu solī', 'Approved minutes must be in 15-minute steps', 'body.approvedMinutes');
    }
    if (decision.approvedMinutes >= entry.minutes) {
      return v('approve-fewer-not-fewer', 'Apstiprināto minūšu skaitam jābūt mazākam par pieteikto', 'Approved minutes must be fewer than the minutes logged', 'body.approvedMinutes');
    }
  }
  return undefined;
}

/** The entry after a decision (state, counted minutes, comment). */
export function decide(entry: HourEntry, decision: Decision, by: string, at: string): HourEntry {
  const base = { ...entry, decidedBy: by, decidedAt: at, version: entry.version + 1 };
  switch (decision.decision) {
    case 'approve': return { ...base, state: 'approved', approvedMinutes: entry.minutes, comment: null };
    case 'approve-fewer': return { ...base, state: 'approved', approvedMinutes: decision.approvedMinutes, comment: decision.comment };
    case 'reject': return { ...base, state: 'rejected', approvedMinutes: 0, comment: decision.reason };
  }
}

/** A coordinator reverses an approved entry: its minutes stop counting; nothing is deleted. */
export function reverse(entry: HourEntry, reason: string, by: string, at: string): HourEntry | RuleViolation {
  if (entry.state !== 'approved') {
    return v('not-approved', 'Atsaukt var tikai apstiprinātu ierakstu', 'Only an approved entry can be reversed');
  }
  return { ...entry, state: 'reversed', approvedMinutes: 0, comment: reason, decidedBy: by, decidedAt: at, version: entry.version + 1 };
}

/**
 * The tally after moving minutes between pending and approved. Eligibility follows the approved total;
 * `thresholdReachedAt` is set the first time only, which makes ThresholdReached fire once per year.
 */
export function nextTally(tally: Tally, change: { pending: number; approved: number }, p: Programme, at: string): { tally: Tally; firstReached: boolean } {
  const approvedMinutes = tally.approvedMinutes + change.approved;
  const eligible = reachesThreshold(approvedMinutes, p);
  const firstReached = eligible && tally.thresholdReachedAt === null;
  return {
    tally: {
      ...tally,
      approvedMinutes,
      pendingMinutes: tally.pendingMinutes + change.pending,
      eligible,
      thresholdReachedAt: firstReached ? at : tally.thresholdReachedAt,
      version: tally.version + 1,
    },
    firstReached,
  };
}

/**
 * A programme's tiers must be consistent before it is stored: each at or above the threshold (a tier is a level
 * of recognition, and recognition starts at the threshold: Līvāni 50 h threshold, tiers 50/100/150 h), strictly
 * ascending as listed, and named apart (case aside). Every broken rule is listed; the first one names the violation.
 */
export function checkProgramme(p: Pick<Programme, 'thresholdMinutes' | 'tiers'>): RuleViolation | undefined {
  const issues: RuleIssue[] = [];
  const names = new Set<string>();
  p.tiers.forEach((tier, i) => {
    if (tier.minMinutes < p.thresholdMinutes) {
      issues.push({
        field: `body.tiers.${i}.minMinutes`, rule: 'programme.tier-below-threshold',
        message: {
          lv: `Līmeņa „${tier.name}” minimums (${fmtHours(tier.minMinutes)}) nedrīkst būt zemāks par programmas slieksni (${fmtHours(p.thresholdMinutes)})`,
          en: `The minimum of tier “${tier.name}” (${fmtHours(tier.minMinutes)}) must not be below the programme's threshold (${fmtHours(p.thresholdMinutes)})`,
        },
      });
    }
    const previous = p.tiers[i - 1];
    if (previous && tier.minMinutes <= previous.minMinutes) {
      issues.push({
        field: `body.tiers.${i}.minMinutes`, rule: 'programme.tiers-not-ascending',
        message: {
          lv: `Līmeņiem jābūt augošā secībā: līmeņa „${tier.name}” minimumam jābūt lielākam par iepriekšējā līmeņa „${previous.name}” minimumu`,
          en: `Tiers must ascend: the minimum of tier “${tier.name}” must be above that of the previous tier “${previous.name}”`,
        },
      });
    }
    const name = tier.name.normalize('NFC').toLocaleLowerCase('lv');
    if (names.has(name)) {
      issues.push({
        field: `body.tiers.${i}.name`, rule: 'programme.tier-name-duplicate',
        message: { lv: `Līmeņu nosaukumiem jāatšķiras: „${tier.name}” jau ir`, en: `Tier names must differ: “${tier.name}” is already used` },
      });
    }
    names.add(name);
  });
  const [first] = issues;
  return first ? new RuleViolation(first.rule, first.message, first.field, issues) : undefined;
}

/** The name of the highest tier the approved minutes reach (the recognition rule), or null. */
export function tierReached(approvedMinutes: number, p: Pick<Programme, 'thresholdMinutes' | 'tiers'>): string | null {
  return recognise(approvedMinutes, recognitionPolicy(p)).tier?.name.lv ?? null;
}

export function progressOf(tally: Tally, p: Programme): Progress {
  const recognition = recognise(tally.approvedMinutes, recognitionPolicy(p));
  return {
    year: tally.year,
    programme: tally.programme,
    approvedMinutes: tally.approvedMinutes,
    pendingMinutes: tally.pendingMinutes,
    thresholdMinutes: p.thresholdMinutes,
    eligible: recognition.eligible,
    tierReached: recognition.tier?.name.lv ?? null,
    minutesStillNeeded: recognition.minutesStillNeeded,
  };
}
