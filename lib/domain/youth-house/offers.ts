// Waitlist offers: a place freed on a full shift is held for the first on the waitlist, who confirms it (API or the
// email's link) before its deadline; a declined or unanswered offer passes the place to the next in line.
import type { DomainEvent } from '../events.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '../errors.js';
import { rigaDate, type Clock } from '../clock.js';
import type { User } from '../identity/types.js';
import { signUpEvent } from './events.js';
import type { YouthHouseRepository } from './ports.js';
import { offerHoursOf, shiftCalledOff, shiftCancelled, type Offer, type Opportunity, type SignUp } from './types.js';

export interface OfferDeps {
  youthHouse: YouthHouseRepository;
  clock: Clock;
  /** 16 random bytes, base64url: names an offer in its email link. */
  newNonce: () => string;
}

const HOUR_MS = 3_600_000;

/** An offer's deadline: the opportunity's offer hours from now, but never after the shift starts; none for a cancelled shift. */
export function offerDeadline(o: Pick<Opportunity, 'offerHours' | 'shifts' | 'cancelledShifts'>, shift: number, now: Date): Date | null {
  if (shiftCalledOff(o, shift)) return null;
  const start = Date.parse(o.shifts[shift]!.start);
  if (start <= now.getTime()) return null;
  return new Date(Math.min(now.getTime() + offerHoursOf(o) * HOUR_MS, start));
}

export function offerTo(deps: Pick<OfferDeps, 'newNonce'>, next: SignUp, deadline: Date, at: string): SignUp {
  const offer: Offer = { nonce: deps.newNonce(), offeredAt: at, expiresAt: deadline.toISOString(), mailedAt: null, outcome: null };
  return { ...next, state: 'offered', position: null, offer, updatedAt: at };
}

/**
 * A sign-up leaves, and the place it held goes to the first still waiting (PlaceOffered) — in one transaction, so no
 * newcomer can take it in between. No one waiting (or the shift already started, or the opportunity no longer
 * published): the place is freed. Returns the offered sign-up, if any.
 */
export async function leaveAndHandOver(deps: OfferDeps, o: Opportunity, mine: SignUp, left: SignUp, events: readonly DomainEvent[]): Promise<SignUp | null> {
  const holds = mine.state === 'registered' || mine.state === 'offered';
  let current = o;
  for (let attempt = 0; attempt < 10; attempt++) {
    // after a failed hand-over the opportunity is read again: the shift may have been called off meanwhile
    if (attempt > 0) current = (await deps.youthHouse.getOpportunity(o.id)) ?? current;
    const at = left.updatedAt;
    const deadline = holds && current.status === 'published' ? offerDeadline(current, mine.shift, new Date(at)) : null;
    const waiting = deadline ? (await deps.youthHouse.waitlisted(o.id, mine.shift, 5)).filter((w) => w.youthId !== mine.youthId) : [];
    const next = waiting[0] ? offerTo(deps, waiting[0], deadline!, at) : undefined;
    const outcome = await deps.youthHouse.leave(mine, left, next ? [...events, signUpEvent('PlaceOffered', next, at)] : events, next);
    if (outcome === 'done') return next ?? null;
    if (outcome === 'changed') throw new ConflictError(`sign-up ${o.id}/${mine.shift} of ${mine.youthId} changed meanwhile`);
  }
  throw new ConflictError(`the waitlist of ${o.id}/${mine.shift} kept changing`);
}

const offerExpired = () => new RuleViolation('youth-house.offer-expired',
  { lv: 'Piedāvājuma termiņš ir beidzies; vieta nodota nākamajam rindā', en: 'The offer has expired; the place passed to the next in line' }, 'offer');

/** The youth (by API or by the offer's link) confirms the offered place before its deadline (OfferAccepted). */
export async function confirmOffer(deps: OfferDeps, signUp: SignUp): Promise<SignUp> {
  const now = deps.clock.now();
  if (signUp.state !== 'offered' || !signUp.offer) {
    throw new RuleViolation('youth-house.no-offer', { lv: 'Šai maiņai jums nav piedāvātas vietas', en: 'No place is offered to you for this shift' }, 'offer');
  }
  if (Date.parse(signUp.offer.expiresAt) <= now.getTime()) throw offerExpired();
  const at = now.toISOString();
  const accepted: SignUp = { ...signUp, state: 'registered', position: null, offer: { ...signUp.offer, outcome: 'accepted' }, updatedAt: at };
  if (await deps.youthHouse.acceptOffer(signUp, accepted, at, [signUpEvent('OfferAccepted', accepted, at)])) return accepted;
  const fresh = await deps.youthHouse.getSignUp(signUp.youthId, signUp.date, signUp.opportunityId, signUp.shift);
  if (fresh?.state === 'registered' && fresh.offer?.nonce === signUp.offer.nonce) return fresh;
  if (fresh?.state === 'offered' && Date.parse(fresh.offer!.expiresAt) <= deps.clock.now().getTime()) throw offerExpired();
  throw new ConflictError(`the offer of ${signUp.opportunityId}/${signUp.shift} to ${signUp.youthId} changed meanwhile`);
}

/** The youth's own sign-up of a shift, as the API's confirm route names it. */
async function mySignUp(deps: OfferDeps, user: User, opportunityId: string, shift: number): Promise<{ o: Opportunity; mine: SignUp }> {
  if (user.role !== 'youth') throw new ForbiddenError('only the young person answers their offer');
  const o = await deps.youthHouse.getOpportunity(opportunityId);
  const s = o?.shifts[shift];
  if (!o || !s) throw new NotFoundError('sign-up', `${opportunityId}/${shift}`);
  const mine = await deps.youthHouse.getSignUp(user.sub, rigaDate(new Date(s.start)), opportunityId, shift);
  if (!mine || mine.state === 'cancelled') throw new NotFoundError('sign-up', `${opportunityId}/${shift}`);
  return { o, mine };
}

export async function confirmMyOffer(deps: OfferDeps, user: User, opportunityId: string, shift: number): Promise<SignUp> {
  const { o, mine } = await mySignUp(deps, user, opportunityId, shift);
  if (shiftCancelled(o, shift)) {
    throw new RuleViolation('youth-house.not-open', o.status === 'cancelled'
      ? { lv: 'Šī iespēja ir atcelta', en: 'This opportunity was cancelled' }
      : { lv: 'Šī maiņa ir atcelta', en: 'This shift was cancelled' }, 'offer');
  }
  return confirmOffer(deps, mine);
}

/** The youth turns the offered place down: it passes to the next in line (OfferDeclined, PlaceOffered). */
export async function declineOffer(deps: OfferDeps, o: Opportunity, mine: SignUp): Promise<{ declined: SignUp; offered: SignUp | null }> {
  if (mine.state !== 'offered' || !mine.offer) {
    throw new RuleViolation('youth-house.no-offer', { lv: 'Šai maiņai jums nav piedāvātas vietas', en: 'No place is offered to you for this shift' }, 'offer');
  }
  const at = deps.clock.now().toISOString();
  const declined: SignUp = { ...mine, state: 'cancelled', position: null, offer: { ...mine.offer, outcome: 'declined' }, updatedAt: at };
  const offered = await leaveAndHandOver(deps, o, mine, declined, [signUpEvent('OfferDeclined', declined, at)]);
  return { declined, offered };
}

export interface ExpiryCounts {
  expired: number;
  passedOn: number;
}

export interface ExpiryPass extends ExpiryCounts {
  /** The offers open after the pass: those still within their deadline and the ones it made (the sweep mails these). */
  open: SignUp[];
}

/** The sweep: every offer past its deadline is cancelled (OfferExpired) and its place offered to the next in line. */
export async function expireOffers(
  deps: OfferDeps, firedAt: Date,
  opportunity: (id: string) => Promise<Opportunity | undefined> = (id) => deps.youthHouse.getOpportunity(id),
): Promise<ExpiryPass> {
  const pass: ExpiryPass = { expired: 0, passedOn: 0, open: [] };
  for (const offered of await deps.youthHouse.openOffers()) {
    if (!offered.offer) continue;
    if (Date.parse(offered.offer.expiresAt) > firedAt.getTime()) {
      pass.open.push(offered);
      continue;
    }
    const o = await opportunity(offered.opportunityId);
    if (!o) continue;
    const at = deps.clock.now().toISOString();
    const expired: SignUp = { ...offered, state: 'cancelled', position: null, offer: { ...offered.offer, outcome: 'expired' }, updatedAt: at };
    try {
      const next = await leaveAndHandOver(deps, o, offered, expired, [signUpEvent('OfferExpired', expired, at)]);
      pass.expired++;
      if (next) {
        pass.passedOn++;
        pass.open.push(next);
      }
    } catch (error) {
      // answered meanwhile (confirmed or declined): nothing to pass on
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return pass;
}
