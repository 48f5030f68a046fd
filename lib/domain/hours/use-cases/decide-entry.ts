// A supervisor decides a pending entry: the entry's state and the tally move together, exactly once.
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '../../errors.js';
import type { DomainEvent } from '../../events.js';
import { assertActsFor, type User } from '../../identity/types.js';
import { entryEvent, thresholdReached } from '../events.js';
import { checkDecision, decide, nextTally, reverse } from '../rules.js';
import type { Decision, EntrySource, HourEntry } from '../types.js';
import { assertRole, programmeOf, retrying, type HoursDeps } from './deps.js';

/**
 * 1. load the entry and its institution  2. the supervisor acts for the institution's municipality and is assigned to it
 * 3. the entry must still be pending (else 409), then the decision rule  4. save entry + tally + audit + events
 * (HoursApproved / HoursRejected, and ThresholdReached when this decision first crossed the threshold) in one
 * transaction guarded by the entry's state and version and the tally's version (tally races are retried)
 */
export async function decideEntry(
  deps: HoursDeps, user: User, entryId: string, decision: Decision,
  /** A decision by email link: its nonce is claimed in the same transaction and the audit says so. */
  byLink?: { nonce: string },
): Promise<HourEntry> {
  assertRole(user, ['supervisor'], 'decide hour entries');
  return retrying(async () => {
    const entry = await deps.hours.getEntry(entryId);
    if (!entry) throw new NotFoundError('hour entry', entryId);
    const [institution, assigned] = await Promise.all([deps.hours.getInstitution(entry.institutionId), deps.hours.isAssigned(entry.institutionId, user.sub)]);
    if (!institution) throw new NotFoundError('institution', entry.institutionId);
    assertActsFor(user, institution.municipality);
    if (!assigned) {
      throw new ForbiddenError(`supervisor ${user.sub} is not assigned to institution ${institution.id}`);
    }
    if (entry.state !== 'pending') throw new ConflictError(`entry ${entryId} is already ${entry.state}`);
    const violation = checkDecision(entry, decision, user.sub);
    if (violation) throw violation;

    const now = deps.clock.now().toISOString();
    const decided = decide(entry, decision, user.sub, now);
    const [programme, tally] = await Promise.all([
      programmeOf(deps, entry.programme),
      deps.hours.getTally(entry.volunteerId, entry.programme, Number(entry.date.slice(0, 4))),
    ]);
    const next = nextTally(tally, { pending: -entry.minutes, approved: decided.approvedMinutes }, programme, now);
    const events: DomainEvent[] = [entryEvent(decided, user.sub, now)];
    if (next.firstReached) events.push(thresholdReached(next.tally, programme.thresholdMinutes, entryId));
    const audit = { entryId, at: now, by: user.sub, from: 'pending' as const, to: decided.state, reason: decided.comment, ...(byLink ? { via: 'email-link' as const } : {}) };
    await deps.hours.transition(decided, 'pending', next.tally, audit, events, byLink ? { nonce: byLink.nonce, at: now } : undefined);
    return decided;
  });
}

export type BulkItemResult = { entryId: string; status: number; entry?: HourEntry; error?: unknown };

/** Decides up to 100 entries one by one; each item succeeds or fails on its own. */
export async function decideEntries(deps: HoursDeps, user: User, items: readonly { entryId: string; decision: Decision }[]): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  for (const item of items) {
    try {
      results.push({ entryId: item.entryId, status: 200, entry: await decideEntry(deps, user, item.entryId, item.decision) });
    } catch (error) {
      results.push({ entryId: item.entryId, status: 0, error });
    }
  }
  return results;
}

/**
 * 1. a coordinator (or the agency)  2. load the entry  3. the caller acts for the entry's programme municipality  4. only approved entries
 * 5. entry reversed + tally minus its minutes (eligibility dropped if below) + audit + HoursReversed, in one transaction
 */
export async function reverseEntry(deps: HoursDeps, user: User, entryId: string, reason: string): Promise<HourEntry> {
  assertRole(user, ['coordinator', 'agency'], 'reverse hour entries');
  return retrying(async () => {
    const entry = await deps.hours.getEntry(entryId);
    if (!entry) throw new NotFoundError('hour entry', entryId);
    assertActsFor(user, entry.programme);
    const now = deps.clock.now().toISOString();
    const reversed = reverse(entry, reason, user.sub, now);
    if (reversed instanceof RuleViolation) {
      throw entry.state === 'reversed' ? new ConflictError(`entry ${entryId} is already reversed`) : reversed;
    }
    const programme = await programmeOf(deps, entry.programme);
    const tally = await deps.hours.getTally(entry.volunteerId, entry.programme, Number(entry.date.slice(0, 4)));
    const next = nextTally(tally, { pending: 0, approved: -entry.approvedMinutes }, programme, now);
    await deps.hours.transition(reversed, 'approved', next.tally, { entryId, at: now, by: user.sub, from: 'approved', to: 'reversed', reason }, [entryEvent(reversed, user.sub, now)]);
    return reversed;
  });
}

/**
 * Takes back the pending entry a shift's attendance wrote when that sign-up did not end attended (two markings
 * raced and the no-show won, or the youth cancelled meanwhile): pending → rejected with `reason`, the tally's pending
 * minutes back, audit and HoursRejected in one transaction. The caller (the youth house's attendance use case) has
 * authorised `by` for the shift. Only an entry from that shift; one decided meanwhile stays as decided (null).
 */
export async function rejectShiftEntry(deps: HoursDeps, by: string, entryId: string, source: Omit<EntrySource, 'kind'>, reason: string): Promise<HourEntry | null> {
  return retrying(async () => {
    const entry = await deps.hours.getEntry(entryId);
    if (!entry || entry.state !== 'pending') return null;
    if (entry.source?.opportunityId !== source.opportunityId || entry.source.shift !== source.shift) {
      throw new ForbiddenError(`entry ${entryId} did not come from shift ${source.shift} of ${source.opportunityId}`);
    }
    const now = deps.clock.now().toISOString();
    const rejected = decide(entry, { decision: 'reject', reason }, by, now);
    const [programme, tally] = await Promise.all([
      programmeOf(deps, entry.programme),
      deps.hours.getTally(entry.volunteerId, entry.programme, Number(entry.date.slice(0, 4))),
    ]);
    const next = nextTally(tally, { pending: -entry.minutes, approved: 0 }, programme, now);
    await deps.hours.transition(rejected, 'pending', next.tally, { entryId, at: now, by, from: 'pending', to: 'rejected', reason }, [entryEvent(rejected, by, now)]);
    return rejected;
  });
}
