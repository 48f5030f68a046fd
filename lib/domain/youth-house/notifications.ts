// The youth house's scheduled sweep (every few minutes): passes expired waitlist offers on, and sends each email about
// a sign-up at most once — the offer with its link, the reminder before the shift, the cancelled or changed opportunity. Each
// email is claimed with a conditional write first, so a scheduler that fires twice sends nothing twice; a failed send
// gives the claim back for the next firing.
import type { Mailer } from '../mail.js';
import type { MunicipalityRepository } from '../municipalities/ports.js';
import type { HoursRepository } from '../hours/ports.js';
import type { AttendanceRepository } from './attendance-ports.js';
import { cancellationEmail, changeEmail, offerEmail, reminderEmail, type Email } from './emails.js';
import type { FeedReader } from './feed-ports.js';
import { offerLinkPath, type OfferLinkDeps } from './offer-links.js';
import { expireOffers } from './offers.js';
import type { SignUpMail } from './ports.js';
import { reminderHoursOf, shiftCancelled, type Opportunity, type SignUp } from './types.js';

/** How often the sweep fires (infra's schedule, the local stack's timer): offer emails leave, and expired offers pass on, within this many minutes. */
export const SWEEP_EVERY_MINUTES = 5;

export interface SweepDeps extends OfferLinkDeps {
  hours: Pick<HoursRepository, 'getVolunteer'>;
  municipalities: Pick<MunicipalityRepository, 'list'>;
  /** Non-draft opportunities by last shift end (the calendar feed's read). */
  calendar: Pick<FeedReader, 'calendarOpportunities'>;
  /** An opportunity's sign-ups (attendance's roster). */
  roster: Pick<AttendanceRepository, 'signUpsOf'>;
  mailer: Mailer;
  /** The public origin the offer links hang off. */
  baseUrl: string;
  onError?: (error: unknown, what: string) => void;
}

export interface SweepCounts {
  expired: number;
  passedOn: number;
  offers: number;
  reminders: number;
  cancellations: number;
  changes: number;
  failed: number;
}

const HOUR_MS = 3_600_000;
/** Sign-ups that hear about a cancelled opportunity: everyone still expecting to come or waiting. */
const EXPECTING: readonly SignUp['state'][] = ['registered', 'offered', 'waitlisted'];

/**
 * One firing. 1. expired offers are cancelled and their places offered to the next in line  2. every open offer not
 * yet mailed gets its email  3. per municipality, the opportunities with shifts still to come: registered sign-ups of a
 * shift starting within the opportunity's reminder hours get the reminder; everyone signed up for a cancelled one
 * gets the cancellation; for one with a change notice, everyone signed up before the edit for a shift still to come
 * gets the change (each edit once), and the notice is cleared when all of them were mailed.
 */
export async function sweepYouthHouse(deps: SweepDeps, firedAt: Date): Promise<SweepCounts> {
  const opportunities = new Map<string, Opportunity | undefined>();
  const opportunity = async (id: string) => {
    if (!opportunities.has(id)) opportunities.set(id, await deps.youthHouse.getOpportunity(id));
    return opportunities.get(id);
  };
  // one read of the open offers: the pass returns those it left open and those it made
  const { expired, passedOn, open } = await expireOffers(deps, firedAt, opportunity);
  const counts: SweepCounts = { expired, passedOn, offers: 0, reminders: 0, cancellations: 0, changes: 0, failed: 0 };

  for (const offered of open) {
    const outcome = await mailOffer(deps, offered, await opportunity(offered.opportunityId));
    if (outcome === 'mailed') counts.offers++;
    if (outcome === 'failed') counts.failed++;
  }

  /** true when mailed; a failed send is counted. */
  const tally = (outcome: MailOutcome) => {
    if (outcome === 'failed') counts.failed++;
    return outcome === 'mailed';
  };
  const now = firedAt.getTime();
  for (const m of await deps.municipalities.list()) {
    for (const o of await deps.calendar.calendarOpportunities(m.code, firedAt.toISOString())) {
      const cancelled = o.status === 'cancelled';
      const window = reminderHoursOf(o) * HOUR_MS;
      // shifts still to come that are off (the opportunity, or the shift alone) or start within the reminder window
      const due = o.shifts.flatMap((s, i) => {
        const start = Date.parse(s.start);
        if (start <= now) return [];
        return shiftCancelled(o, i) || (window > 0 && start - now <= window) ? [i] : [];
      });
      const notice = !cancelled && o.changeNotice ? o.changeNotice : null;
      if ((due.length === 0 && !notice) || (!cancelled && o.status !== 'published' && o.status !== 'closed')) continue;
      const failedBefore = counts.failed;
      for (const s of await deps.roster.signUpsOf(o.id)) {
        const off = shiftCancelled(o, s.shift);
        if (notice && !off && EXPECTING.includes(s.state) && s.createdAt < notice.at && Date.parse(o.shifts[s.shift]!.start) > now && (s.changeMailedAt ?? '') < notice.at) {
          if (tally(await mailOnce(deps, s, 'change', changeEmail(o, s, notice.fields), `changed-${o.id}-${notice.at}-${s.shift}-${s.youthId}`, notice.at))) counts.changes++;
        }
        if (!due.includes(s.shift)) continue;
        if (off && EXPECTING.includes(s.state) && !s.cancellationMailedAt) {
          if (tally(await mailOnce(deps, s, 'cancellation', cancellationEmail(o, s), `cancelled-${o.id}-${s.shift}-${s.youthId}`))) counts.cancellations++;
        } else if (!off && s.state === 'registered' && !s.remindedAt) {
          if (tally(await mailOnce(deps, s, 'reminder', reminderEmail(o, s), `reminder-${o.id}-${s.shift}-${s.youthId}`))) counts.reminders++;
        }
      }
      // every sign-up has heard of this edit (a failed send keeps the notice for the next firing)
      if (notice && counts.failed === failedBefore) await deps.youthHouse.clearChangeNotice(o.id, notice.at);
    }
  }
  return counts;
}

/** What came of one email: sent, not due (claimed already, or nothing to send to), or a failed send (claim given back). */
export type MailOutcome = 'mailed' | 'skipped' | 'failed';

/** What mailing one offer needs: the sweep's deps without its reads of calendars and rosters. */
export type OfferMailDeps = Pick<SweepDeps, 'youthHouse' | 'hours' | 'mailer' | 'baseUrl' | 'signer' | 'clock' | 'onError'>;

/** An open offer's email with its link, at most once (the sweep and the PlaceOffered reaction share the claim). */
async function mailOffer(deps: OfferMailDeps, offered: SignUp, o: Opportunity | undefined): Promise<MailOutcome> {
  if (offered.state !== 'offered' || !offered.offer || offered.offer.mailedAt !== null) return 'skipped';
  if (!o || o.status !== 'published' || shiftCancelled(o, offered.shift)) return 'skipped';
  const url = `${deps.baseUrl.replace(/\/$/, '')}${await offerLinkPath(deps.signer, offered.offer.nonce)}`;
  return mailOnce(deps, offered, 'offer', offerEmail(o, offered, url), `offer-${offered.offer.nonce}`);
}

/**
 * PlaceOffered → the offer's email at once, so the young person's deadline is not shortened by the wait for the
 * sweep. The sweep stays the backstop: a failed send gives the claim back and the next firing sends it.
 */
export async function mailPlaceOffer(deps: OfferMailDeps, event: { detail: Pick<SignUp, 'youthId' | 'date' | 'opportunityId' | 'shift'> }): Promise<MailOutcome> {
  const { youthId, date, opportunityId, shift } = event.detail;
  const offered = await deps.youthHouse.getSignUp(youthId, date, opportunityId, shift);
  if (!offered) return 'skipped';
  return mailOffer(deps, offered, await deps.youthHouse.getOpportunity(opportunityId));
}

/** Claims the email, sends it to the youth's address, gives the claim back when the send fails. */
async function mailOnce(deps: OfferMailDeps, s: SignUp, mail: SignUpMail, email: Email, key: string, marker = deps.clock.now().toISOString()): Promise<MailOutcome> {
  const volunteer = await deps.hours.getVolunteer(s.youthId);
  // a closed account has no address left to write to
  if (!volunteer || volunteer.closedAt) return 'skipped';
  if (!(await deps.youthHouse.claimMail(s, mail, marker))) return 'skipped';
  try {
    await deps.mailer.send({ to: volunteer.email, ...email, idempotencyKey: key });
    return 'mailed';
  } catch (error) {
    await deps.youthHouse.releaseMail(s, mail);
    deps.onError?.(error, `${mail} ${s.opportunityId}/${s.shift} ${s.youthId}`);
    return 'failed';
  }
}
