// Whether a staff account may still act, from the invitation that opened it (a coordinator deactivates and
// reactivates it there): what the logbook's decision links and digest ask before acting for a supervisor.
import type { StaffStatus } from '../hours/decision-links.js';
import type { InvitationRepository } from './invitation-ports.js';

/** Active unless the invitation that opened the account is deactivated; accounts no invitation opened are active. */
export function staffStatusOf(invitations: Pick<InvitationRepository, 'bySub'>): StaffStatus {
  return { isActive: async (sub) => (await invitations.bySub(sub))?.active !== false };
}
