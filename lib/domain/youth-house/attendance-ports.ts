// What attendance, check-in and the coordinator's report need from the youth house's storage (beside ports.ts).
import type { DomainEvent } from '../events.js';
import type { Attendance, Opportunity, SignUp } from './types.js';

export interface AttendanceRepository {
  /** Every sign-up of an opportunity (any state), by shift then youth. */
  signUpsOf(opportunityId: string): Promise<SignUp[]>;
  /**
   * Moves a registered sign-up to attended or no-show with its attendance and events, in one transaction
   * conditional on it still being registered; false (nothing written) when it no longer was.
   */
  markAttendance(signUp: SignUp, to: 'attended' | 'no-show', attendance: Attendance, events: readonly DomainEvent[]): Promise<boolean>;
  /** Every opportunity of a municipality whatever its status, by first shift start. */
  opportunitiesOf(municipality: string): Promise<Opportunity[]>;
  /** A youth's sign-ups (any state) for shifts dated from..to inclusive, by date. */
  signUpsOfYouth(youthId: string, from: string, to: string): Promise<SignUp[]>;
}
