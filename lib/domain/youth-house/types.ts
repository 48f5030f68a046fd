// The digital youth house: opportunities (volunteering, events, trainings, youth-centre activities) and sign-ups for their shifts.
import * as z from 'zod';
import { rigaTime } from '../clock.js';
import { RuleViolation } from '../errors.js';
import { municipalityCode } from '../municipalities/types.js';

export const OPPORTUNITY_KINDS = ['volunteering', 'event', 'training', 'youth-centre-activity'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

/**
 * The fixed topic list. Where one fits, a topic is one of the "Activity topics" of the European Youth Portal's
 * volunteering opportunities (European Solidarity Corps), and EYP_TOPIC_CODES names its code there; three topics of
 * a municipal youth house have none (volunteering itself is the portal's activity type, not a topic).
 */
export const TOPICS = [
  'volunteering', 'education-training', 'employment-entrepreneurship', 'culture-creativity', 'health-wellbeing',
  'participation-democracy', 'inclusion', 'anti-discrimination', 'migrants-refugees', 'environment-climate', 'digital', 'sport',
  'mobility-travel',
] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * The European Youth Portal's topic code of each topic (the `topics` values of its opportunity search, as used by the
 * portal's volunteering opportunities), or null where the portal has none. Sources: the portal's opportunity pages
 * ("Activity topics") and its search results; the portal publishes no specification of the codes.
 */
export const EYP_TOPIC_CODES: Readonly<Record<Topic, { code: string; label: string } | null>> = {
  volunteering: null,
  'education-training': { code: 'edu', label: 'Education and training' },
  'employment-entrepreneurship': { code: 'job', label: 'Employment and entrepreneurship' },
  'culture-creativity': { code: 'cult', label: 'Creativity and culture' },
  'health-wellbeing': { code: 'health', label: 'Health and wellbeing' },
  'participation-democracy': { code: 'citzn', label: 'Citizenship and democratic participation' },
  inclusion: { code: 'socl', label: 'Social challenges' },
  'anti-discrimination': { code: 'discr', label: 'Working against discrimination (including gender discrimination)' },
  'migrants-refugees': { code: 'migr', label: 'Reception and integration of refugees and migrants' },
  'environment-climate': { code: 'natr', label: 'Environment and natural protection' },
  digital: null,
  sport: { code: 'sprt', label: 'Physical education and sport' },
  'mobility-travel': null,
};

/** Stored statuses; `full` is derived for the public view when no shift has a place left. */
export const OPPORTUNITY_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const PUBLIC_STATUSES = ['published', 'full', 'closed', 'cancelled'] as const;

/** A freed place is offered to the first on the waitlist for this long (hours) unless the opportunity says otherwise. */
export const DEFAULT_OFFER_HOURS = 24;
/** Registered young people are reminded this long (hours) before their shift unless the opportunity says otherwise. */
export const DEFAULT_REMINDER_HOURS = 24;
export const offerHoursOf = (o: Pick<OpportunityInput, 'offerHours'>): number => o.offerHours ?? DEFAULT_OFFER_HOURS;
export const reminderHoursOf = (o: Pick<OpportunityInput, 'reminderHours'>): number => o.reminderHours ?? DEFAULT_REMINDER_HOURS;

const bilingual = (max: number) => z.object({ lv: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max).optional() }).strict();
/** An instant with its offset, e.g. 2026-06-01T10:00:00+03:00. */
const instant = z.iso.datetime({ offset: true });

export const placeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('address'),
    address: z.string().trim().min(1).max(300),
    coordinates: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict().optional(),
  }).strict(),
  z.object({ type: z.literal('online'), url: z.url().max(500).optional() }).strict(),
]);

export const shiftInputSchema = z.object({
  start: instant.describe('Start, ISO 8601 with offset'),
  durationMinutes: z.number().int().min(15).max(720).multipleOf(15),
  places: z.number().int().min(1).max(1000),
}).strict();

export const opportunityInputSchema = z.object({
  kind: z.enum(OPPORTUNITY_KINDS),
  /** The host institution: required for volunteering, and for every opportunity a supervisor publishes. */
  institutionId: z.uuid().optional(),
  title: bilingual(200),
  description: bilingual(5000),
  topics: z.array(z.enum(TOPICS)).min(1).max(5).refine((t) => new Set(t).size === t.length, { message: 'topics must not repeat', params: { rule: 'unique' } }),
  place: placeSchema,
  ageRange: z.object({ min: z.number().int().min(13).max(30), max: z.number().int().min(13).max(30) }).strict()
    .refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['min'], params: { rule: 'min-not-above-max' } }),
  shifts: z.array(shiftInputSchema).min(1).max(50),
  creditedMinutesPerShift: z.number().int().min(0).max(720).multipleOf(15).describe('Logbook minutes credited per attended shift'),
  signUpDeadline: instant,
  contact: z.object({ name: z.string().trim().min(1).max(200), email: z.email().optional(), phone: z.string().regex(/^\+?[0-9 ]{7,20}$/, 'must be a phone number').optional() }).strict(),
  offerHours: z.number().int().min(1).max(168).optional()
    .describe(`How long the first on the waitlist has to confirm a freed place before it passes to the next (hours; default ${DEFAULT_OFFER_HOURS})`),
  reminderHours: z.number().int().min(0).max(168).optional()
    .describe(`How long before a shift its registered young people are reminded by email (hours; 0 = no reminder; default ${DEFAULT_REMINDER_HOURS})`),
}).strict().superRefine((o, ctx) => {
  if (o.kind === 'volunteering' && !o.institutionId) {
    ctx.addIssue({ code: 'custom', path: ['institutionId'], message: 'volunteering needs its host institution', params: { rule: 'required-for-volunteering' } });
  }
  const first = Math.min(...o.shifts.map((s) => Date.parse(s.start)));
  if (Date.parse(o.signUpDeadline) > first) {
    ctx.addIssue({ code: 'custom', path: ['signUpDeadline'], message: 'the sign-up deadline must not be after the first shift starts', params: { rule: 'deadline-before-first-shift' } });
  }
});
export type OpportunityInput = z.infer<typeof opportunityInputSchema>;

/**
 * The first of the shifts `indexes` whose attendance could not enter the logbook because it would run past midnight,
 * Riga time: the logbook takes no entry past midnight (hours.crosses-midnight), and an attended shift becomes one entry
 * of its day from its start, for the longer of its duration and the minutes it credits. Undefined when all fit.
 */
export function shiftPastMidnight(o: Pick<OpportunityInput, 'shifts' | 'creditedMinutesPerShift'>, indexes: readonly number[]): number | undefined {
  return indexes.find((i) => {
    const s = o.shifts[i]!;
    const [h, m] = rigaTime(new Date(s.start)).split(':').map(Number) as [number, number];
    return h * 60 + m + Math.max(s.durationMinutes, o.creditedMinutesPerShift) > 1440;
  });
}

/**
 * The facts of a published opportunity whose change the young people signed up are emailed about (the sweep): what
 * they need to turn up — the title they know it by, where, whom to ask, and the hours it credits. A shift's time
 * never changes once published (a moved shift is a cancellation and a new shift).
 */
export const NOTICE_FIELDS = ['title', 'place', 'contact', 'creditedMinutesPerShift'] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];

/** An edit the sign-ups are still to hear about: when it was made and what changed (cleared once all were mailed). */
export interface ChangeNotice {
  at: string;
  fields: NoticeField[];
}

/** The notice fields that differ between two versions of an opportunity, in NOTICE_FIELDS order. */
export function changedNoticeFields(before: Pick<OpportunityInput, NoticeField>, after: Pick<OpportunityInput, NoticeField>): NoticeField[] {
  return NOTICE_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

export interface Opportunity extends OpportunityInput {
  id: string;
  municipality: string;
  status: OpportunityStatus;
  /** Registered sign-ups per shift (same index as `shifts`). */
  registered: number[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** An edit the sign-ups are still to be emailed about (absent when none is pending). */
  changeNotice?: ChangeNotice;
  /** Indexes of the shifts the publisher cancelled (absent: none); the other shifts go on. */
  cancelledShifts?: number[];
}

/** The refusal of anything a called-off shift no longer takes (a sign-up, a check-in, a marking): 422 youth-house.shift-cancelled. */
export const shiftCancelledRule = () =>
  new RuleViolation('youth-house.shift-cancelled', { lv: 'Šī maiņa ir atcelta', en: 'This shift is cancelled' }, 'shift');

/** Whether this shift alone was called off (`cancelShift`): nobody was meant to come, so no attendance is taken. */
export const shiftCalledOff = (o: Pick<Opportunity, 'cancelledShifts'>, shift: number): boolean => (o.cancelledShifts ?? []).includes(shift);

/**
 * Whether a shift is off: the opportunity cancelled, or this shift of it. Nobody signs up, checks in or is reminded.
 * (A shift that took place before its opportunity was cancelled still takes attendance: see shiftCalledOff.)
 */
export const shiftCancelled = (o: Pick<Opportunity, 'status' | 'cancelledShifts'>, shift: number): boolean =>
  o.status === 'cancelled' || (o.cancelledShifts ?? []).includes(shift);

export const shiftViewSchema = shiftInputSchema.extend({
  index: z.number().int(), remainingPlaces: z.number().int(),
  cancelled: z.boolean().describe('The shift is off (it, or the whole opportunity, was cancelled): no places, no sign-ups'),
});
export const opportunityViewSchema = z.object({
  id: z.uuid(), municipality: municipalityCode, status: z.enum(PUBLIC_STATUSES).or(z.literal('draft')),
  kind: z.enum(OPPORTUNITY_KINDS), institutionId: z.string().optional(),
  title: bilingual(200), description: bilingual(5000), topics: z.array(z.enum(TOPICS)), place: placeSchema,
  ageRange: z.object({ min: z.number(), max: z.number() }), shifts: z.array(shiftViewSchema), creditedMinutesPerShift: z.number(),
  signUpDeadline: z.string(), contact: z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }),
  guardianConsent: z.object({ neededUpToAge: z.number().int() }).nullable()
    .describe("Derived from the municipality's programme: young people up to and including this age need their guardian's written consent to sign up; null when nobody in the age range does"),
  offerHours: z.number().int().optional(), reminderHours: z.number().int().optional(),
  createdAt: z.string(), updatedAt: z.string(),
});
export type OpportunityView = z.infer<typeof opportunityViewSchema>;

/**
 * `offered`: the first on the waitlist holds a freed place (counted in `registered`) until they confirm (→ registered),
 * decline (→ cancelled) or the offer expires (→ cancelled, the place passes to the next).
 */
export const SIGN_UP_STATES = ['registered', 'waitlisted', 'offered', 'cancelled', 'attended', 'no-show'] as const;
export type SignUpState = (typeof SIGN_UP_STATES)[number];

export interface SignUp {
  opportunityId: string;
  shift: number;
  youthId: string;
  municipality: string;
  state: SignUpState;
  /** Place in the shift's waitlist (1 = first), when waitlisted. */
  position: number | null;
  /** The shift's date and start in Europe/Riga, and its length: what the logbook's caps count. */
  date: string;
  startTime: string;
  minutes: number;
  createdAt: string;
  updatedAt: string;
  /** Set when the sign-up became attended or no-show (lib/domain/youth-house/attendance.ts). */
  attendance?: Attendance;
  /** The place offered from the waitlist (kept after it was confirmed, declined or expired). */
  offer?: Offer;
  /** When the shift's reminder email was claimed (sent at most once). */
  remindedAt?: string;
  /** When the email saying the opportunity was cancelled was claimed (sent at most once). */
  cancellationMailedAt?: string;
  /** The change notice (its `at`) this sign-up was last emailed about: each edit is mailed at most once. */
  changeMailedAt?: string;
}

export const offerSchema = z.object({
  /** Names the offer in its email link (lib/domain/youth-house/offers.ts); a new offer gets a new nonce. */
  nonce: z.string(),
  offeredAt: z.string(),
  expiresAt: z.string(),
  /** When its email was claimed; null until then. */
  mailedAt: z.string().nullable(),
  outcome: z.enum(['accepted', 'declined', 'expired']).nullable(),
});
export type Offer = z.infer<typeof offerSchema>;

/** A sign-up as the API shows it: without the offer's link nonce and the emails' once-only markers. */
export function signUpView<T extends SignUp>(s: T): T {
  const { offer, remindedAt: _r, cancellationMailedAt: _c, changeMailedAt: _m, ...rest } = s;
  if (!offer) return rest as T;
  const { nonce: _n, ...shown } = offer;
  return { ...rest, offer: shown } as T;
}

/** How attendance was taken: marked by staff, or the youth's check-in with the shift's code. */
export const ATTENDANCE_VIA = ['marked', 'check-in'] as const;
export const attendanceSchema = z.object({
  by: z.string(), at: z.string(), via: z.enum(ATTENDANCE_VIA),
  /** The hour entry the attendance created (null for a no-show, or a shift that credits nothing or has no host institution). */
  entryId: z.string().nullable(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const signUpSchema = z.object({
  opportunityId: z.string(), shift: z.number().int(), youthId: z.string(), municipality: z.string(), state: z.enum(SIGN_UP_STATES),
  position: z.number().int().nullable(), date: z.string(), startTime: z.string(), minutes: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
  attendance: attendanceSchema.optional(),
  offer: offerSchema.omit({ nonce: true }).optional().describe('The place offered from the waitlist: confirm before expiresAt'),
});

/** Filters of the public list. */
export interface OpportunityFilter {
  kind?: OpportunityKind;
  topic?: Topic;
  /** Shifts starting on or after / on or before these dates (Europe/Riga). */
  from?: string;
  to?: string;
  /** Only opportunities whose age range includes this age. */
  age?: number;
  hasPlaces?: boolean;
}
