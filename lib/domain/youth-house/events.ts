// The youth house's domain events, written to the outbox in the transaction of the change they report.
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../events.js';
import type { SignUp } from './types.js';

export const YOUTH_HOUSE_SOURCE = 'jaunatne.youth-house';

export type SignUpEventType =
  | 'ShiftSignedUp' | 'ShiftWaitlisted' | 'SignUpCancelled' | 'WaitlistPromoted'
  /** A freed place held for the first on the waitlist; confirmed, declined or passed on when it expired. */
  | 'PlaceOffered' | 'OfferAccepted' | 'OfferDeclined' | 'OfferExpired';
export interface SignUpEventDetail {
  opportunityId: string;
  shift: number;
  youthId: string;
  municipality: string;
  state: SignUp['state'];
  position: number | null;
  date: string;
}

export function signUpEvent(type: SignUpEventType, signUp: SignUp, at: string): DomainEvent<SignUpEventType, SignUpEventDetail> {
  const { opportunityId, shift, youthId, municipality, state, position, date } = signUp;
  return { id: randomUUID(), type, source: YOUTH_HOUSE_SOURCE, occurredAt: at, detail: { opportunityId, shift, youthId, municipality, state, position, date } };
}

/** A shift of an opportunity called off (the others go on); the sweep emails everyone signed up for it. */
export function shiftCancelledEvent(opportunityId: string, shift: number, municipality: string, by: string, at: string): DomainEvent {
  return { id: randomUUID(), type: 'ShiftCancelled', source: YOUTH_HOUSE_SOURCE, occurredAt: at, detail: { opportunityId, shift, municipality, by } };
}

export function opportunityEvent(type: 'OpportunityPublished' | 'OpportunityClosed' | 'OpportunityCancelled' | 'OpportunityUpdated', opportunityId: string, municipality: string, by: string, at: string): DomainEvent {
  return { id: randomUUID(), type, source: YOUTH_HOUSE_SOURCE, occurredAt: at, detail: { opportunityId, municipality, by } };
}
