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

export interface YouthHouseRepository {
  createOpportunity(opportunity: Opportunity): Promise<void>;
  /** Strongly consistent. */
  getOpportunity(id: string): Promise<Opportunity | undefined>;
  /** Moves the status from `from` (ConflictError when it changed), with the events, in one transaction. */
  setStatus(id: string, from: OpportunityStatus, to: OpportunityStatus, at: string, events: readonly DomainEvent[]): Promise<void>;
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
  /** Cancels a live sign-up (freeing its place if registered) with its event; false when it was not live. */
  cancel(signUp: SignUp, at: string, events: readonly DomainEvent[]): Promise<boolean>;
  /** The first waitlisted sign-ups of a shift, in arrival order. */
  waitlisted(opportunityId: string, shift: number, limit: number): Promise<SignUp[]>;
  /** Moves a waitlisted sign-up onto a free place (conditional counter), with its event; false when no place or no longer waitlisted. */
  promote(signUp: SignUp, places: number, at: string, events: readonly DomainEvent[]): Promise<boolean>;
}
