// A young person's move to another municipality: a request the new municipality's coordinator approves or refuses.
// Approved, the profile and the account's trusted `custom:municipality` name the new municipality; the hours logged so
// far stay with the programme they were logged in (each entry carries its programme), and so do their certificates.
import * as z from 'zod';
import type { DomainEvent } from '../events.js';
import { municipalityCode } from '../municipalities/types.js';

export const MOVE_STATUSES = ['requested', 'approved', 'refused', 'withdrawn'] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];

export const MOVES_SOURCE = 'jaunatne.accounts';
export type MoveEventType = 'MunicipalityMoveRequested' | 'MunicipalityMoveApproved' | 'MunicipalityMoveRefused' | 'MunicipalityMoveWithdrawn';

export const moveRequestInputSchema = z.object({
  to: municipalityCode.describe('The municipality the young person now lives in'),
  note: z.string().trim().min(1).max(500).optional().describe('For the new coordinator, e.g. the new address or school'),
}).strict();
export type MoveRequestInput = z.infer<typeof moveRequestInputSchema>;

export const moveDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }).strict(),
  z.object({ decision: z.literal('refuse'), reason: z.string().trim().min(1).max(500) }).strict(),
]);
export type MoveDecision = z.infer<typeof moveDecisionSchema>;

export const moveRequestSchema = z.object({
  id: z.uuid(),
  volunteerId: z.string(),
  /** As the profile had them at the request: what the new coordinator decides on. */
  volunteerName: z.string(),
  birthDate: z.iso.date(),
  from: municipalityCode,
  to: municipalityCode,
  note: z.string().nullable(),
  status: z.enum(MOVE_STATUSES),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
export type MoveRequest = z.infer<typeof moveRequestSchema>;

export interface MoveRepository {
  get(id: string): Promise<MoveRequest | undefined>;
  /** The volunteer's newest request, whatever its status. */
  latestOf(volunteerId: string): Promise<MoveRequest | undefined>;
  /** Every request the volunteer made, oldest first. */
  allOf(volunteerId: string): Promise<MoveRequest[]>;
  /** The requests waiting for a municipality's decision, oldest first. */
  waitingFor(municipality: string, limit: number): Promise<MoveRequest[]>;
  /** Stores a new request with its event; ConflictError when the volunteer has one waiting already. */
  create(request: MoveRequest, events: readonly DomainEvent[]): Promise<void>;
  /**
   * Closes a waiting request (approved, refused or withdrawn) with its events, in one transaction. Approved, the
   * volunteer's profile moves from `from` to `to` in the same transaction, only while it still names `from` and is
   * not closed. ConflictError when the request was no longer waiting or the profile no longer as read.
   */
  close(next: MoveRequest, events: readonly DomainEvent[]): Promise<void>;
}
