// What the invitation use cases need from storage: invitations (with the accounts they opened) and their outbox events.
import { ConflictError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { Invitation } from './invitations.js';

/** The email has a pending invitation or an account already (the email lock is held). */
export class EmailTaken extends ConflictError {}

export interface InvitationRepository {
  /** Stores a new invitation, holding the email's lock (EmailTaken when another invitation holds it), with its events. */
  create(invitation: Invitation, events: readonly DomainEvent[]): Promise<void>;
  get(id: string): Promise<Invitation | undefined>;
  /** The invitation of an accepted account, by the account's sub. */
  bySub(sub: string): Promise<Invitation | undefined>;
  /** Invitations and accounts of a municipality (null: agency staff), oldest first. */
  ofMunicipality(municipality: string | null): Promise<Invitation[]>;
  /**
   * Writes `next` (version = previous + 1) if the stored one is still at `next.version - 1`, with its events; ConflictError
   * otherwise. `releaseEmail` frees the email's lock in the same transaction (a revoked invitation); `claimSub` records
   * the sub → invitation pointer (an accepted one).
   */
  update(next: Invitation, events: readonly DomainEvent[], options?: { releaseEmail?: boolean; claimSub?: boolean }): Promise<void>;
}

/** When each staff account last signed in: one time per account, kept on the sub → invitation pointer. */
export interface SignInLog {
  /**
   * Notes that the account `sub` signed in at `at`, if it is a staff account (one an invitation opened). False, and
   * nothing written, for any other account or when a later sign-in is recorded already: the time never goes backwards.
   */
  recordSignIn(sub: string, at: string): Promise<boolean>;
  /** The last recorded sign-in of each of these staff accounts that has one. */
  lastSignIns(subs: readonly string[]): Promise<Map<string, string>>;
}
