import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../../../lib/domain/errors.js';
import { ACTIONS, nextStatus, type ApplicationAction } from '../../../../lib/domain/applications/state-machine.js';
import { STATUSES, type ApplicationStatus } from '../../../../lib/domain/applications/types.js';
import { ROLES, type Role } from '../../../../lib/domain/identity/types.js';

/** The expected machine, written out independently of TRANSITIONS: [action, from, role allowed, to]. */
const LEGAL: [ApplicationAction, ApplicationStatus, Role, ApplicationStatus][] = [
  ['saveDraft', 'draft', 'coordinator', 'draft'],
  ['saveDraft', 'returned', 'coordinator', 'returned'],
  ['submit', 'draft', 'coordinator', 'submitted'],
  ['resubmit', 'returned', 'coordinator', 'resubmitted'],
  ['startReview', 'submitted', 'agency', 'under_review'],
  ['startReview', 'resubmitted', 'agency', 'under_review'],
  ['return', 'under_review', 'agency', 'returned'],
  ['approve', 'under_review', 'agency', 'approved'],
  ['reject', 'under_review', 'agency', 'rejected'],
];

const roleOf = (action: ApplicationAction): Role => (['saveDraft', 'submit', 'resubmit'].includes(action) ? 'coordinator' : 'agency');

const every = ACTIONS.flatMap((action) => STATUSES.flatMap((from) => ROLES.map((role) => ({ action, from, role }))));
const legal = every.filter(({ action, from, role }) => LEGAL.some(([a, f, r]) => a === action && f === from && r === role));
const wrongRole = every.filter(({ action, role }) => role !== roleOf(action));
const illegalState = every.filter(({ action, from, role }) => role === roleOf(action) && !LEGAL.some(([a, f]) => a === action && f === from));

describe('the application state machine', () => {
  it('covers every action × state × role combination exactly once across the three tables', () => {
    expect(legal.length + wrongRole.length + illegalState.length).toBe(ACTIONS.length * STATUSES.length * ROLES.length);
    expect(legal).toHaveLength(LEGAL.length);
  });

  it.each(legal)('lets the $role $action from $from', ({ action, from, role }) => {
    const to = LEGAL.find(([a, f]) => a === action && f === from)![3];
    expect(nextStatus(from, action, role)).toBe(to);
  });

  it.each(wrongRole)('refuses $action by a $role (from $from) with 403', ({ action, from, role }) => {
    expect(() => nextStatus(from, action, role)).toThrow(ForbiddenError);
  });

  it.each(illegalState)('refuses $action from $from by the $role with 409', ({ action, from, role }) => {
    expect(() => nextStatus(from, action, role)).toThrow(ConflictError);
  });

  it('never leaves approved or rejected', () => {
    for (const from of ['approved', 'rejected'] as const) {
      for (const action of ACTIONS) expect(() => nextStatus(from, action, roleOf(action))).toThrow(ConflictError);
    }
  });

  it('explains an illegal transition in Latvian and English', () => {
    try {
      nextStatus('approved', 'submit', 'coordinator');
      expect.unreachable();
    } catch (error) {
      expect((error as ConflictError).title).toEqual({
        lv: 'Pieteikumu, kura statuss ir "apstiprināts", nevar iesniegt',
        en: 'An application that is approved cannot be submitted',
      });
    }
  });
});
