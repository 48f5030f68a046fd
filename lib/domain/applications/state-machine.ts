// The application's state machine as one table: which role may take which action from which state.
import { ConflictError, ForbiddenError } from '../errors.js';
import type { Role } from '../identity/types.js';
import type { ApplicationStatus } from './types.js';

export const ACTIONS = ['saveDraft', 'submit', 'resubmit', 'startReview', 'return', 'approve', 'reject'] as const;
export type ApplicationAction = (typeof ACTIONS)[number];

/**
 * from → to per action, and the one role allowed to take it. The coordinator writes (their own
 * municipality only, checked by the use case); only the agency reviews and decides. A saved edit
 * after a return keeps the state `returned`; the next frozen version comes with `resubmit`.
 */
export const TRANSITIONS: Record<ApplicationAction, { role: Role; from: readonly ApplicationStatus[]; to: ApplicationStatus | 'same' }> = {
  saveDraft: { role: 'coordinator', from: ['draft', 'returned'], to: 'same' },
  submit: { role: 'coordinator', from: ['draft'], to: 'submitted' },
  resubmit: { role: 'coordinator', from: ['returned'], to: 'resubmitted' },
  startReview: { role: 'agency', from: ['submitted', 'resubmitted'], to: 'under_review' },
  return: { role: 'agency', from: ['under_review'], to: 'returned' },
  approve: { role: 'agency', from: ['under_review'], to: 'approved' },
  reject: { role: 'agency', from: ['under_review'], to: 'rejected' },
};

/**
 * The state after `action`, or a ForbiddenError (wrong role: 403) / ConflictError (illegal from this
 * state: 409). The role is checked first: a youth learns nothing about the application's state.
 */
export function nextStatus(current: ApplicationStatus, action: ApplicationAction, role: Role): ApplicationStatus {
  const t = TRANSITIONS[action];
  if (t.role !== role) throw new ForbiddenError(`the ${role} role cannot ${action} an application`);
  if (!t.from.includes(current)) {
    throw new ConflictError(`cannot ${action} an application that is ${current} (allowed from: ${t.from.join(', ')})`, {
      lv: `Pieteikumu, kura statuss ir "${STATUS_LV[current]}", nevar ${ACTION_LV[action]}`,
      en: `An application that is ${current} cannot be ${ACTION_EN[action]}`,
    });
  }
  return t.to === 'same' ? current : t.to;
}

export const STATUS_LV: Record<ApplicationStatus, string> = {
  draft: 'melnraksts', submitted: 'iesniegts', under_review: 'vērtēšanā', returned: 'atgriezts labošanai',
  resubmitted: 'iesniegts atkārtoti', approved: 'apstiprināts', rejected: 'noraidīts',
};

const ACTION_LV: Record<ApplicationAction, string> = {
  saveDraft: 'labot', submit: 'iesniegt', resubmit: 'iesniegt atkārtoti', startReview: 'sākt vērtēt',
  return: 'atgriezt labošanai', approve: 'apstiprināt', reject: 'noraidīt',
};
const ACTION_EN: Record<ApplicationAction, string> = {
  saveDraft: 'edited', submit: 'submitted', resubmit: 'resubmitted', startReview: 'taken into review',
  return: 'returned', approve: 'approved', reject: 'rejected',
};
