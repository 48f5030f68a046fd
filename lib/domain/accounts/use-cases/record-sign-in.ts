// The last sign-in of a staff account, for the municipality's users list: recorded by the post-authentication trigger.
import type { Clock } from '../../clock.js';
import type { DigestStore } from '../../hours/use-cases/decision-digest.js';
import type { SignInLog } from '../invitation-ports.js';

export interface SignInDeps {
  signIns: Pick<SignInLog, 'recordSignIn'>;
  /** The supervisors' daily digest: a supervisor who never chose is subscribed at sign-in. */
  digests: Pick<DigestStore, 'subscribeUnlessChosen'>;
  clock: Clock;
}

/**
 * Only staff accounts (those an invitation opened) are recorded: the coordinator's list shows when each staff member
 * last signed in. A young person's sign-ins are not kept (nothing reads them; data minimisation, GDPR Art. 5(1)(c)).
 * Only the latest time is kept, never a history. Returns whether anything was written.
 */
export function recordSignIn(deps: SignInDeps, sub: string): Promise<boolean> {
  return deps.signIns.recordSignIn(sub, deps.clock.now().toISOString());
}

/** The trusted attributes of a signing-in account that make it a supervisor of an institution. */
export interface SignedInAccount {
  sub: string;
  email?: string | undefined;
  name?: string | undefined;
  municipality?: string | undefined;
  institution?: string | undefined;
}

/**
 * A supervisor bound to an institution (`custom:institution`, which only admins write) who never chose is subscribed
 * to the daily digest at their address: those invited are subscribed at acceptance, this covers accounts made by hand.
 * One who turned it off stays off. Returns whether a subscription was made.
 */
export function subscribeSupervisor(deps: SignInDeps, a: SignedInAccount): Promise<boolean> {
  if (!a.institution || !a.municipality || !a.email) return Promise.resolve(false);
  return deps.digests.subscribeUnlessChosen({
    sub: a.sub, municipality: a.municipality, institution: a.institution, email: a.email, name: a.name ?? null, subscribedAt: deps.clock.now().toISOString(),
  });
}
