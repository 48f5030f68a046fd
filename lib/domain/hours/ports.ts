// What the logbook's use cases need from storage, and the storage outcomes they react to.
import { ConflictError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { AuditRecord, HourEntry, Institution, Programme, SupervisorAssignment, Tally, Volunteer } from './types.js';

/** A concurrent writer touched the tally (or a transaction was in flight): re-read and try again. */
export class RetryableConflict extends ConflictError {}

/** The decision link was used (or expired) before this decision could claim it: nothing was written. */
export class LinkAlreadyUsed extends ConflictError {}

/** Another request took the same Idempotency-Key first: read its record and replay or refuse. */
export class IdempotencyKeyTaken extends ConflictError {}

export interface IdempotencyRecord {
  requestHash: string;
  result: HourEntry;
}

export interface HoursRepository {
  getVolunteer(id: string): Promise<Volunteer | undefined>;
  putVolunteer(volunteer: Volunteer): Promise<void>;

  getInstitution(id: string): Promise<Institution | undefined>;
  /** Creates a new institution; ConflictError if the id exists. */
  createInstitution(institution: Institution): Promise<void>;
  setInstitutionActive(id: string, active: boolean): Promise<void>;
  listInstitutions(municipality: string): Promise<Institution[]>;

  putAssignment(assignment: SupervisorAssignment): Promise<void>;
  isAssigned(institutionId: string, supervisorId: string): Promise<boolean>;
  institutionsOf(supervisorId: string): Promise<string[]>;

  getProgramme(municipality: string): Promise<Programme | undefined>;
  putProgramme(programme: Programme): Promise<void>;

  getEntry(id: string): Promise<HourEntry | undefined>;
  /** A volunteer's entries dated from..to inclusive (any state), strongly consistent. */
  entriesBetween(volunteerId: string, from: string, to: string): Promise<HourEntry[]>;
  pendingQueue(institutionId: string, limit: number): Promise<HourEntry[]>;
  entriesOfProgrammeYear(programme: string, year: number): Promise<HourEntry[]>;
  auditOf(entryId: string): Promise<AuditRecord[]>;

  getTally(volunteerId: string, programme: string, year: number): Promise<Tally>;
  eligibleVolunteers(programme: string, year: number): Promise<Tally[]>;

  getIdempotency(volunteerId: string, key: string): Promise<IdempotencyRecord | undefined>;

  /**
   * Writes a new entry with its tally (expected at `tally.version - 1`), audit record, the events reporting it
   * (outbox items) and, when given, the idempotency record, all in one transaction. Throws RetryableConflict or IdempotencyKeyTaken.
   */
  createEntry(entry: HourEntry, tally: Tally, audit: AuditRecord, events: readonly DomainEvent[], idempotency?: { key: string; requestHash: string }): Promise<void>;

  /**
   * Moves an entry from `from` (at `entry.version - 1`) to its new state together with its tally, an audit
   * record and the events reporting it (outbox items), in one transaction. ConflictError when the entry changed;
   * RetryableConflict when only the tally did.
   */
  /**
   * `linkClaim`: the decision came by email link; the link's `usedAt` is set in the same transaction, conditional on
   * being unset and the link not expired at `at` (LinkAlreadyUsed otherwise, nothing written).
   */
  transition(entry: HourEntry, from: HourEntry['state'], tally: Tally, audit: AuditRecord, events: readonly DomainEvent[], linkClaim?: { nonce: string; at: string }): Promise<void>;
}
