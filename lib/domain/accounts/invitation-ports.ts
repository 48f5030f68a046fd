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
