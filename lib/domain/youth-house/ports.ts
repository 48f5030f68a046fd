// What the youth house's use cases need from storage.
import type { DomainEvent } from '../events.js';
import type { Opportunity, OpportunityStatus, SignUp } from './types.js';

export interface OpportunityPage {
  items: Opportunity[];
  /** Opaque: pass back to get the next page; absent on the last one. */
  cursor?: string;
}

/** Why a registration was not written. */
export type RegisterOutcome = 'registered' | 'full' | 'not-open' | 'already-signed-up';

/** The emails sent about one sign-up, each at most once. */
export type SignUpMail = 'offer' | 'reminder' | 'cancellation' | 'change';

export interface YouthHouseRepository {
  createOpportunity(opportunity: Opportunity): Promise<void>;
  /** Strongly consistent. */
  getOpportunity(id: string): Promise<Opportunity | undefined>;
  /** Moves the status from `from` (ConflictError when it changed), with the events, in one transaction. */
  setStatus(id: string, from: OpportunityStatus, to: OpportunityStatus, at: string, events: readonly DomainEvent[]): Promise<void>;
  /**
   * Replaces the publisher's fields with `after`'s (in one conditional update with the events): the status, the last
   * change and the shift count as `before` had them, and no shift with more registered than its new places (else
   * ConflictError). Shifts beyond `before`'s are appended with their counters at zero; the indexes follow the shifts.
   */
  updateOpportunity(before: Opportunity, after: Opportunity, events: readonly DomainEvent[]): Promise<void>;
  /**
   * Adds the shift to the cancelled ones (one conditional update with the events): only while the opportunity is
   * published or closed and the shift not cancelled yet, else ConflictError. Its sign-ups stay as they are; every
   * later sign-up, waitlisting and promotion for it is refused by the counter's condition.
   */
  cancelShift(id: string, shift: number, at: string, events: readonly DomainEvent[]): Promise<void>;
  /** Published opportunities of a municipality by first shift start; the filter keeps some, `limit` per page. */
  listPublished(municipality: string, keep: (o: Opportunity) => boolean, limit: number, cursor?: string): Promise<OpportunityPage>;

  getSignUp(youthId: string, date: string, opportunityId: string, shift: number): Promise<SignUp | undefined>;
  /** The youth's live (registered or waitlisted) sign-ups for shifts dated from..to inclusive. */
  signUpsBetween(youthId: string, from: string, to: string): Promise<SignUp[]>;
  /**
   * One transaction: the shift's counter goes up only while below its places and the opportunity is published,
   * the sign-up is put (new, or replacing a cancelled one) and its event goes to the outbox.
   */
  register(signUp: SignUp, places: number, events: (s: SignUp) => readonly DomainEvent[]): Promise<RegisterOutcome>;
  /** Takes the next waitlist number of the shift (arrival order) and puts the waitlisted sign-up with its event. */
  waitlist(signUp: SignUp, events: (s: SignUp) => readonly DomainEvent[]): Promise<SignUp | 'not-open' | 'already-signed-up'>;
  /**
   * A live sign-up leaves (cancelled: by the youth, a declined or an expired offer) with its events, in one
   * transaction. A place it held (registered or offered) either goes to `handOver` (the next on the waitlist, moved
   * from waitlisted to offered; the shift's counter stays) or is freed (counter down). 'changed': the sign-up was no
   * longer as read; 'next-changed': the next on the waitlist was no longer waiting, or the shift no longer takes place
   * (published, not called off: a condition of the hand-over) — read again and retry.
   */
  leave(signUp: SignUp, left: SignUp, events: readonly DomainEvent[], handOver?: SignUp): Promise<'done' | 'changed' | 'next-changed'>;
  /** offered → registered while the offer (same nonce) has not expired at `at`; false otherwise. */
  acceptOffer(signUp: SignUp, accepted: SignUp, at: string, events: readonly DomainEvent[]): Promise<boolean>;
  /** Every open offer, earliest deadline first (the sweep). */
  openOffers(): Promise<SignUp[]>;
  /** The offered sign-up whose offer has this nonce (its email link). */
  offerByNonce(nonce: string): Promise<SignUp | undefined>;
  /**
   * Claims one email about a sign-up (a conditional write of its marker: the offer's `mailedAt`, `remindedAt`,
   * `cancellationMailedAt`, or for a change `changeMailedAt`, written with the notice's `at` and claimed only while
   * older): false when it was claimed already, so a doubled job sends nothing twice.
   */
  claimMail(signUp: SignUp, mail: SignUpMail, at: string): Promise<boolean>;
  /** Clears an opportunity's change notice once every sign-up heard of it, only while it is still the notice `at`. */
  clearChangeNotice(opportunityId: string, at: string): Promise<void>;
  /** Gives a claim back after a failed send (the next firing tries again). */
  releaseMail(signUp: SignUp, mail: SignUpMail): Promise<void>;
  /** The first waitlisted sign-ups of a shift, in arrival order. */
  waitlisted(opportunityId: string, shift: number, limit: number): Promise<SignUp[]>;
  /** Moves a waitlisted sign-up onto a free place (registered, or offered; conditional counter), with its event; false when no place or no longer waitlisted. */
  promote(signUp: SignUp, to: SignUp, places: number, events: readonly DomainEvent[]): Promise<boolean>;
}
