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
import { reminderHoursOf, type Opportunity, type SignUp } from './types.js';

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
    if (!offered.offer || offered.offer.mailedAt !== null) continue;
    const o = await opportunity(offered.opportunityId);
    if (!o || o.status !== 'published') continue;
    const url = `${deps.baseUrl.replace(/\/$/, '')}${await offerLinkPath(deps.signer, offered.offer.nonce)}`;
    if (await mailOnce(deps, offered, 'offer', offerEmail(o, offered, url), `offer-${offered.offer.nonce}`, counts)) counts.offers++;
  }

  const now = firedAt.getTime();
  for (const m of await deps.municipalities.list()) {
    for (const o of await deps.calendar.calendarOpportunities(m.code, firedAt.toISOString())) {
      const cancelled = o.status === 'cancelled';
      const window = reminderHoursOf(o) * HOUR_MS;
      const due = o.shifts.flatMap((s, i) => {
        const start = Date.parse(s.start);
        if (start <= now) return [];
        return cancelled || (window > 0 && start - now <= window) ? [i] : [];
      });
      const notice = !cancelled && o.changeNotice ? o.changeNotice : null;
      if ((due.length === 0 && !notice) || (!cancelled && o.status !== 'published' && o.status !== 'closed')) continue;
      const failedBefore = counts.failed;
      for (const s of await deps.roster.signUpsOf(o.id)) {
        if (notice && EXPECTING.includes(s.state) && s.createdAt < notice.at && Date.parse(o.shifts[s.shift]!.start) > now && (s.changeMailedAt ?? '') < notice.at) {
          if (await mailOnce(deps, s, 'change', changeEmail(o, s, notice.fields), `changed-${o.id}-${notice.at}-${s.shift}-${s.youthId}`, counts, notice.at)) counts.changes++;
        }
        if (!due.includes(s.shift)) continue;
        if (cancelled && EXPECTING.includes(s.state) && !s.cancellationMailedAt) {
          if (await mailOnce(deps, s, 'cancellation', cancellationEmail(o, s), `cancelled-${o.id}-${s.shift}-${s.youthId}`, counts)) counts.cancellations++;
        } else if (!cancelled && s.state === 'registered' && !s.remindedAt) {
          if (await mailOnce(deps, s, 'reminder', reminderEmail(o, s), `reminder-${o.id}-${s.shift}-${s.youthId}`, counts)) counts.reminders++;
        }
      }
      // every sign-up has heard of this edit (a failed send keeps the notice for the next firing)
      if (notice && counts.failed === failedBefore) await deps.youthHouse.clearChangeNotice(o.id, notice.at);
    }
  }
  return counts;
}

/** Claims the email, sends it to the youth's address, gives the claim back when the send fails. */
async function mailOnce(deps: SweepDeps, s: SignUp, mail: SignUpMail, email: Email, key: string, counts: SweepCounts, marker = deps.clock.now().toISOString()): Promise<boolean> {
  const volunteer = await deps.hours.getVolunteer(s.youthId);
  // a closed account has no address left to write to
  if (!volunteer || volunteer.closedAt) return false;
  if (!(await deps.youthHouse.claimMail(s, mail, marker))) return false;
  try {
    await deps.mailer.send({ to: volunteer.email, ...email, idempotencyKey: key });
    return true;
  } catch (error) {
    counts.failed++;
    await deps.youthHouse.releaseMail(s, mail);
    deps.onError?.(error, `${mail} ${s.opportunityId}/${s.shift} ${s.youthId}`);
    return false;
  }
}
