// The role × inviter rule of staff invitations, exhaustively: every inviter role and municipality against every target.
import { describe, expect, it } from 'vitest';
import { invitationRefusal, invitationState, type InvitationTarget, type Inviter } from '../../../../lib/domain/accounts/invitations.js';
import { passwordIssue } from '../../../../lib/domain/accounts/password-policy.js';
import { ROLES } from '../../../../lib/domain/identity/types.js';

const OWN = 'LV-042';
const OTHER = 'LV-RIX';
const inviters: Inviter[] = ROLES.map((role): Inviter => ({ role, municipality: role === 'agency' ? null : OWN }));
const INSTITUTION_SETS = {
  none: [],
  own: [{ id: 'i-own', municipality: OWN }],
  'own+own': [{ id: 'i-own', municipality: OWN }, { id: 'i-own-2', municipality: OWN }],
  'own+other': [{ id: 'i-own', municipality: OWN }, { id: 'i-other', municipality: OTHER }],
  other: [{ id: 'i-other', municipality: OTHER }],
} as const;
const targets: { label: string; target: InvitationTarget }[] = ROLES.flatMap((role) =>
  [OWN, OTHER, null].flatMap((municipality) => Object.entries(INSTITUTION_SETS).map(([set, institutions]) => ({
    label: `${role} of ${municipality ?? 'no municipality'} with ${set} institutions`,
    target: { role, municipality, institutions },
  }))));

/** The issue's whitelist, written independently of the rule: everything else is refused. */
function allowed(inviter: Inviter, t: InvitationTarget): boolean {
  if (inviter.role === 'agency') {
    return (t.role === 'agency' && t.municipality === null) || (t.role === 'coordinator' && t.municipality !== null);
  }
  if (inviter.role === 'coordinator') {
    if (t.municipality !== inviter.municipality) return false;
    if (t.role === 'coordinator') return true;
    return t.role === 'supervisor' && t.institutions.length > 0 && t.institutions.every((i) => i.municipality === inviter.municipality);
  }
  return false;
}

const matrix = inviters.flatMap((inviter) => targets.map(({ label, target }) => ({ inviter, label, target })));

describe('who may invite whom', () => {
  it(`covers all ${matrix.length} inviter × target combinations`, () => {
    expect(matrix).toHaveLength(4 * 4 * 3 * 5);
  });

  it.each(matrix.map((c) => [`${c.inviter.role} of ${c.inviter.municipality ?? '—'} → ${c.label}`, c] as const))('%s', (_name, { inviter, target }) => {
    const refusal = invitationRefusal(inviter, target);
    if (allowed(inviter, target)) expect(refusal).toBeNull();
    else {
      expect(refusal?.rule).toMatch(/^accounts\.invite-/);
      expect(refusal?.message.lv).toBeTruthy();
      expect(refusal?.message.en).toBeTruthy();
    }
  });

  it.each([
    ['a coordinator inviting agency staff', { role: 'coordinator', municipality: OWN }, { role: 'agency', municipality: null, institutions: [] }, 'accounts.invite-role-above'],
    ['a coordinator inviting a coordinator of another municipality', { role: 'coordinator', municipality: OWN }, { role: 'coordinator', municipality: OTHER, institutions: [] }, 'accounts.invite-other-municipality'],
    ['a coordinator binding a supervisor to another municipality\'s institution', { role: 'coordinator', municipality: OWN }, { role: 'supervisor', municipality: OWN, institutions: [{ id: 'x', municipality: OTHER }] }, 'accounts.invite-institution-other-municipality'],
    ['a supervisor without institutions', { role: 'coordinator', municipality: OWN }, { role: 'supervisor', municipality: OWN, institutions: [] }, 'accounts.invite-institution-missing'],
    ['a supervisor inviting a supervisor', { role: 'supervisor', municipality: OWN }, { role: 'supervisor', municipality: OWN, institutions: [{ id: 'x', municipality: OWN }] }, 'accounts.invite-not-allowed'],
    ['anyone inviting a young person', { role: 'agency', municipality: null }, { role: 'youth', municipality: OWN, institutions: [] }, 'accounts.invite-youth'],
    ['the agency inviting a supervisor', { role: 'agency', municipality: null }, { role: 'supervisor', municipality: OWN, institutions: [{ id: 'x', municipality: OWN }] }, 'accounts.invite-supervisor-by-agency'],
    ['agency staff with a municipality', { role: 'agency', municipality: null }, { role: 'agency', municipality: OWN, institutions: [] }, 'accounts.invite-agency-municipality'],
  ] as const)('refuses %s with its rule', (_label, inviter, target, rule) => {
    expect(invitationRefusal(inviter, target)?.rule).toBe(rule);
  });
});

describe('invitation state and passwords', () => {
  it('reads a pending invitation past its expiry as expired, and only a pending one', () => {
    const at = new Date('2026-01-08T10:00:00Z');
    expect(invitationState({ status: 'pending', expiresAt: '2026-01-08T10:00:00.000Z' }, at)).toBe('expired');
    expect(invitationState({ status: 'pending', expiresAt: '2026-01-08T10:00:01.000Z' }, at)).toBe('pending');
    expect(invitationState({ status: 'accepted', expiresAt: '2026-01-01T00:00:00.000Z' }, at)).toBe('accepted');
    expect(invitationState({ status: 'revoked', expiresAt: '2026-01-01T00:00:00.000Z' }, at)).toBe('revoked');
  });

  it.each([
    ['Short-1!', 'min-length-12'], ['NOLOWERCASE-123!', 'lowercase'], ['nouppercase-123!', 'uppercase'],
    ['No-Digits-Here!!', 'digit'], ['NoSymbols12345', 'symbol'], ['Jaunatne-2026-parole!', null],
  ])('checks %s against the pool policy', (password, issue) => {
    expect(passwordIssue(password)).toBe(issue);
  });
});
