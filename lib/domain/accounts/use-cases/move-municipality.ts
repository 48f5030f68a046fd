// A young person asks to move to another municipality; that municipality's coordinator approves or refuses.
import { randomUUID } from 'node:crypto';
import { rigaDate, type Clock } from '../../clock.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '../../errors.js';
import type { DomainEvent } from '../../events.js';
import type { HoursRepository } from '../../hours/ports.js';
import { assertActsFor, type User } from '../../identity/types.js';
import { isValidOn, type Municipality } from '../../municipalities/types.js';
import { MOVES_SOURCE, type MoveDecision, type MoveEventType, type MoveRepository, type MoveRequest, type MoveRequestInput } from '../moves.js';
import type { AccountDirectory } from '../ports.js';
import type { Mailer } from '../../mail.js';
import { moveDecisionMail } from '../move-mail.js';

export interface MoveDeps {
  moves: MoveRepository;
  hours: Pick<HoursRepository, 'getVolunteer'>;
  municipalities: readonly Municipality[];
  clock: Clock;
}

export interface MoveDecisionDeps extends MoveDeps {
  /** Writes the account's trusted `custom:municipality` (the token's municipality from the next sign-in or refresh). */
  directory: Pick<AccountDirectory, 'setTrustedAttributes'>;
  /** Tells the young person the decision (a failed send is reported, not thrown: the decision stands). */
  mailer: Mailer;
  onMailError?: (error: unknown) => void;
}

export type DecidedMove = MoveRequest & {
  /** Whether the young person was emailed the decision now (false on a repeated decision, a closed profile or a failed send). */
  emailed: boolean;
};

function event(type: MoveEventType, r: MoveRequest, at: string, by: string): DomainEvent {
  return { id: randomUUID(), type, source: MOVES_SOURCE, occurredAt: at, detail: { requestId: r.id, volunteerId: r.volunteerId, from: r.from, to: r.to, status: r.status, by } };
}

const rule = (id: string, lv: string, en: string, field: string) => new RuleViolation(`accounts.${id}`, { lv, en }, field);

function assertYouth(user: User): void {
  if (user.role !== 'youth') throw new ForbiddenError('only the young person asks to move');
}

/**
 * 1. a youth with a profile (404), not closed  2. a municipality that exists today, not the current one (422 on
 * body.to)  3. the request with MunicipalityMoveRequested, one waiting per volunteer (409 otherwise).
 */
export async function requestMove(deps: MoveDeps, user: User, input: MoveRequestInput): Promise<MoveRequest> {
  assertYouth(user);
  const volunteer = await deps.hours.getVolunteer(user.sub);
  if (!volunteer || volunteer.closedAt) throw new NotFoundError('volunteer profile', user.sub);
  const now = deps.clock.now();
  const target = deps.municipalities.find((m) => m.code === input.to);
  if (!target || !isValidOn(target, rigaDate(now))) {
    throw rule('move-unknown-municipality', 'Tādas pašvaldības nav', 'There is no such municipality', 'body.to');
  }
  if (input.to === volunteer.municipality) {
    throw rule('move-same-municipality', 'Jūs jau esat šīs pašvaldības jaunietis', 'You already belong to this municipality', 'body.to');
  }
  const at = now.toISOString();
  const request: MoveRequest = {
    id: randomUUID(), volunteerId: volunteer.id, volunteerName: volunteer.name, birthDate: volunteer.birthDate,
    from: volunteer.municipality, to: input.to, note: input.note ?? null, status: 'requested', requestedAt: at,
    decidedAt: null, decidedBy: null, reason: null,
  };
  await deps.moves.create(request, [event('MunicipalityMoveRequested', request, at, user.sub)]);
  return request;
}

/** The youth's newest request (404 when there is none). */
export async function myMove(deps: Pick<MoveDeps, 'moves'>, user: User): Promise<MoveRequest> {
  assertYouth(user);
  const latest = await deps.moves.latestOf(user.sub);
  if (!latest) throw new NotFoundError('move request', user.sub);
  return latest;
}

/** The youth takes back their waiting request (404 when none is waiting). */
export async function withdrawMyMove(deps: MoveDeps, user: User): Promise<MoveRequest> {
  assertYouth(user);
  const latest = await deps.moves.latestOf(user.sub);
  if (!latest || latest.status !== 'requested') throw new NotFoundError('waiting move request', user.sub);
  const at = deps.clock.now().toISOString();
  const withdrawn: MoveRequest = { ...latest, status: 'withdrawn', decidedAt: at, decidedBy: user.sub };
  await deps.moves.close(withdrawn, [event('MunicipalityMoveWithdrawn', withdrawn, at, user.sub)]);
  return withdrawn;
}

/** The requests waiting for the coordinator's (or the agency's) municipality, oldest first. */
export async function movesWaitingFor(deps: Pick<MoveDeps, 'moves'>, user: User, municipality: string): Promise<MoveRequest[]> {
  if (user.role !== 'coordinator' && user.role !== 'agency') throw new ForbiddenError(`a ${user.role} cannot decide moves`);
  assertActsFor(user, municipality);
  return deps.moves.waitingFor(municipality, 200);
}

/**
 * The new municipality's coordinator decides. 1. a coordinator of `to` (403 otherwise)  2. a waiting request; the
 * same decision again answers as it stands (an approval re-writes the account's municipality, so a failed directory
 * call is mended by deciding again), another decision is a 409  3. refused: the reason is kept; approved: the profile
 * moves in the request's transaction (MunicipalityMoveApproved), then the account's `custom:municipality`  4. the
 * young person is emailed the decision at their profile's address (once: a repeated decision mails nothing).
 */
export async function decideMove(deps: MoveDecisionDeps, user: User, id: string, decision: MoveDecision): Promise<DecidedMove> {
  if (user.role !== 'coordinator') throw new ForbiddenError(`a ${user.role} cannot decide moves`);
  const request = await deps.moves.get(id);
  if (!request) throw new NotFoundError('move request', id);
  assertActsFor(user, request.to);
  const want = decision.decision === 'approve' ? 'approved' : 'refused';
  if (request.status !== 'requested') {
    if (request.status !== want) {
      throw new ConflictError(`move request ${id} is ${request.status}`, { lv: 'Šis pieprasījums jau izlemts vai atsaukts', en: 'This request was decided or withdrawn already' });
    }
    if (want === 'approved') await deps.directory.setTrustedAttributes(request.volunteerId, { municipality: request.to });
    return { ...request, emailed: false };
  }
  const at = deps.clock.now().toISOString();
  const next: MoveRequest = { ...request, status: want, decidedAt: at, decidedBy: user.sub, reason: decision.decision === 'refuse' ? decision.reason : null };
  await deps.moves.close(next, [event(want === 'approved' ? 'MunicipalityMoveApproved' : 'MunicipalityMoveRefused', next, at, user.sub)]);
  if (want === 'approved') await deps.directory.setTrustedAttributes(request.volunteerId, { municipality: request.to });
  return { ...next, emailed: await mailDecision(deps, next) };
}

async function mailDecision(deps: MoveDecisionDeps, r: MoveRequest): Promise<boolean> {
  const from = deps.municipalities.find((m) => m.code === r.from);
  const to = deps.municipalities.find((m) => m.code === r.to);
  try {
    const volunteer = await deps.hours.getVolunteer(r.volunteerId);
    if (!volunteer || volunteer.closedAt || !from || !to) return false;
    await deps.mailer.send(moveDecisionMail(r, volunteer.email, { from, to }));
    return true;
  } catch (error) {
    deps.onMailError?.(error);
    return false;
  }
}
