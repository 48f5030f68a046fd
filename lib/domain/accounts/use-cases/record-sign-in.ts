// The last sign-in of a staff account, for the municipality's users list: recorded by the post-authentication trigger.
import type { Clock } from '../../clock.js';
import type { SignInLog } from '../invitation-ports.js';

export interface SignInDeps {
  signIns: Pick<SignInLog, 'recordSignIn'>;
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
