// The two pages of check-in at the venue. The supervisor opens the venue display (a link from the check-in code API,
// valid until the shift ends) on a screen: it shows the current code and its QR, and reloads itself when the code
// changes. The QR opens the check-in page on the young person's phone: the shift and a sign-in form; signing in with
// the account's email and password checks them in through the same use case as the API.
import { DomainError, ForbiddenError, NotFoundError, RuleViolation, type Bilingual } from '../errors.js';
import { sameMac } from '../hours/decision-links.js';
import type { User } from '../identity/types.js';
import { checkIn, currentCheckInCode, type AttendanceDeps, type AttendanceResult, type CheckInCode } from './attendance.js';
import { CHECK_IN_DIGITS, checkInWindow, venueMac } from './check-in-code.js';
import { shiftCancelled, type Opportunity } from './types.js';

/** Signs a person in with the account's email and password (Cognito's USER_PASSWORD_AUTH through the pages' client). */
export interface PasswordSignIn {
  signIn(email: string, password: string): Promise<SignInResult>;
}

/**
 * `credentials`: wrong email or password (or no such account: never told apart); `challenge`: the account needs a
 * step the page does not offer (a new password, a second factor); `identity`: signed in, but the account lacks what
 * its role needs; `busy`: too many attempts for now.
 */
export type SignInResult = { user: User } | { refused: 'credentials' | 'challenge' | 'identity' | 'busy' };

export interface CheckInPageDeps extends AttendanceDeps {
  signIn: PasswordSignIn;
}

const VENUE_TOKEN = /^([0-9a-f-]{36})\.([0-9]{1,2})\.([0-9]{1,12})\.([A-Za-z0-9_-]{32})$/;

export type VenuePage =
  | { state: 'show'; opportunity: Opportunity; shift: number; code: CheckInCode; checkInUrl: string }
  /** Check-in opens later: the page says when and reloads then. */
  | { state: 'not-yet'; opportunity: Opportunity; shift: number; opens: Date }
  /** The shift ended, or the opportunity was cancelled or closed. */
  | { state: 'ended'; opportunity: Opportunity; shift: number }
  | { state: 'invalid' };

/** The venue display: the shift's current code while check-in is open. The link itself is the supervisor's grant. */
export async function openVenueDisplay(deps: AttendanceDeps, token: string): Promise<VenuePage> {
  const m = VENUE_TOKEN.exec(token);
  const key = await deps.checkInKey();
  if (!m || !sameMac(m[4]!, venueMac(key, `${m[1]}.${m[2]}.${m[3]}`))) return { state: 'invalid' };
  const [opportunityId, shift, until] = [m[1]!, Number(m[2]), Number(m[3]) * 1000];
  const o = await shiftOf(deps, opportunityId, shift);
  if (!o) return { state: 'invalid' };
  const now = deps.clock.now();
  const window = now.getTime() > until ? { state: 'ended' as const, opportunity: o, shift } : windowState(o, shift, now);
  if (window) return window;
  const code = await currentCheckInCode(deps, o, shift);
  return { state: 'show', opportunity: o, shift, code, checkInUrl: code.qrText };
}

export type CheckInPage =
  /** The form: the shift, the code (prefilled from the QR), email and password. */
  | { state: 'ask'; opportunity: Opportunity; shift: number; code: string; email?: string; problem?: CheckInProblem }
  /** No form: check-in opens later, or the shift has ended or was cancelled. */
  | { state: 'not-yet'; opportunity: Opportunity; shift: number; opens: Date }
  | { state: 'ended'; opportunity: Opportunity; shift: number }
  | { state: 'checked-in'; opportunity: Opportunity; shift: number; result: AttendanceResult }
  | { state: 'invalid' };

/** Why the form comes back: the sign-in failed, or the check-in was refused (a logbook or youth-house rule). */
export type CheckInProblem =
  | { kind: 'credentials' | 'challenge' | 'identity' | 'busy' | 'not-youth' | 'not-signed-up' | 'form' }
  | { kind: 'rule'; rule: string; title: Bilingual };

const CODE = new RegExp(`^[0-9]{${CHECK_IN_DIGITS}}$`);
/** An email Cognito can take as a username: no whitespace, one @ with something on each side. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

async function shiftOf(deps: AttendanceDeps, opportunityId: string, shift: number): Promise<Opportunity | undefined> {
  const o = await deps.youthHouse.getOpportunity(opportunityId);
  return o && o.status !== 'draft' && o.shifts[shift] ? o : undefined;
}

/** Whether the shift takes check-ins now (null): before its window it says when, after it (or cancelled) that it ended. */
function windowState(o: Opportunity, shift: number, now: Date): { state: 'ended'; opportunity: Opportunity; shift: number } | { state: 'not-yet'; opportunity: Opportunity; shift: number; opens: Date } | null {
  const { opens, closes } = checkInWindow(o.shifts[shift]!);
  if (shiftCancelled(o, shift) || now > closes) return { state: 'ended', opportunity: o, shift };
  if (now < opens) return { state: 'not-yet', opportunity: o, shift, opens };
  return null;
}

/** GET: the shift and the form (while check-in is open); nothing is read beyond the opportunity, nothing changes. */
export async function openCheckInPage(deps: AttendanceDeps, opportunityId: string, shift: number, code: string | undefined): Promise<CheckInPage> {
  const o = await shiftOf(deps, opportunityId, shift);
  if (!o) return { state: 'invalid' };
  return windowState(o, shift, deps.clock.now()) ?? { state: 'ask', opportunity: o, shift, code: code && CODE.test(code) ? code : '' };
}

/** POST: signs the young person in and checks them in with the posted code; any refusal comes back on the form. */
export async function checkInByPage(
  deps: CheckInPageDeps, opportunityId: string, shift: number, form: { email?: string; password?: string; code?: string },
): Promise<CheckInPage> {
  const o = await shiftOf(deps, opportunityId, shift);
  if (!o) return { state: 'invalid' };
  const code = (form.code ?? '').trim();
  const email = (form.email ?? '').trim().slice(0, 254);
  const ask = (problem: CheckInProblem): CheckInPage => ({ state: 'ask', opportunity: o, shift, code: CODE.test(code) ? code : '', email, problem });
  if (!CODE.test(code) || !EMAIL.test(email) || !form.password) return ask({ kind: 'form' });
  const signedIn = await deps.signIn.signIn(email, form.password.slice(0, 256));
  if ('refused' in signedIn) return ask({ kind: signedIn.refused });
  if (signedIn.user.role !== 'youth') return ask({ kind: 'not-youth' });
  try {
    return { state: 'checked-in', opportunity: o, shift, result: await checkIn(deps, signedIn.user, opportunityId, shift, code) };
  } catch (error) {
    if (error instanceof NotFoundError && error.resource === 'sign-up') return ask({ kind: 'not-signed-up' });
    if (error instanceof RuleViolation) return ask({ kind: 'rule', rule: error.ruleId, title: error.title });
    // a closed account, a shift no longer open to sign-ups, a sign-up that changed meanwhile: said on the form
    if (error instanceof ForbiddenError) return ask({ kind: 'rule', rule: error.reason?.rule ?? 'forbidden', title: error.reason?.message ?? error.title });
    if (error instanceof DomainError && error.kind === 'conflict') return ask({ kind: 'rule', rule: 'conflict', title: error.title });
    throw error;
  }
}
