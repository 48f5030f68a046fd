// Staff invitations: who may invite whom (the one role × inviter rule), what an invitation is, and when it still works.
import * as z from 'zod';
import type { Bilingual } from '../errors.js';
import type { Role } from '../identity/types.js';
import { municipalityCode } from '../municipalities/types.js';

/** The roles an invitation can grant; young people register themselves. */
export const STAFF_ROLES = ['supervisor', 'coordinator', 'agency'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** An invitation opens an account for this long after it was (re)sent. */
export const INVITATION_DAYS = 7;

/** Who invites: the signed-in user's role and municipality (null for the agency). */
export interface Inviter {
  role: Role;
  municipality: string | null;
}

/** Whom an invitation is for: the role, the municipality (null for agency staff) and, for a supervisor, the institutions. */
export interface InvitationTarget {
  role: Role;
  municipality: string | null;
  institutions: readonly { id: string; municipality: string }[];
}

export interface InvitationRefusal {
  rule: string;
  message: Bilingual;
}

const refuse = (rule: string, lv: string, en: string): InvitationRefusal => ({ rule: `accounts.${rule}`, message: { lv, en } });

/** How far a role reaches, for "nobody invites above their own role". */
const RANK: Record<Role, number> = { youth: 0, supervisor: 1, coordinator: 2, agency: 3 };

/**
 * The one rule of who may invite (and so manage) whom, pure: null when `inviter` may invite `target`, else why not.
 * - the agency invites coordinators of any municipality and other agency staff (agency staff belong to no municipality);
 * - a coordinator invites supervisors bound to one or more institutions of their own municipality, and other
 *   coordinators of their own municipality;
 * - nobody invites into a role above their own, into another municipality, or a young person (they register);
 *   supervisors and young people invite no one.
 * The same rule decides who may resend, revoke, deactivate and reactivate an account.
 */
export function invitationRefusal(inviter: Inviter, target: InvitationTarget): InvitationRefusal | null {
  if (target.role === 'youth') {
    return refuse('invite-youth', 'Jaunieši reģistrējas paši; viņus neuzaicina', 'Young people register themselves; they are not invited');
  }
  if (inviter.role !== 'agency' && inviter.role !== 'coordinator') {
    return refuse('invite-not-allowed', 'Šī loma nevienu nevar uzaicināt', 'This role cannot invite anyone');
  }
  if (RANK[target.role] > RANK[inviter.role]) {
    return refuse('invite-role-above', 'Nevar uzaicināt lomā, kas ir augstāka par paša lomu', 'Nobody can invite into a role above their own');
  }
  if (target.role === 'agency') {
    return target.municipality === null ? null
      : refuse('invite-agency-municipality', 'Aģentūras darbinieki nepieder pašvaldībai', 'Agency staff belong to no municipality');
  }
  if (target.municipality === null) {
    return refuse('invite-municipality-missing', 'Pašvaldības darbiniekam jānorāda pašvaldība', 'A municipal staff member needs a municipality');
  }
  if (inviter.role === 'agency') {
    return target.role === 'coordinator' ? null
      : refuse('invite-supervisor-by-agency', 'Iestāžu vadītājus uzaicina savas pašvaldības koordinators', "Supervisors are invited by their municipality's coordinator");
  }
  if (inviter.municipality !== target.municipality) {
    return refuse('invite-other-municipality', 'Nevar uzaicināt citas pašvaldības darbiniekus', 'Nobody can invite staff of another municipality');
  }
  if (target.role === 'supervisor') {
    if (target.institutions.length === 0) {
      return refuse('invite-institution-missing', 'Iestādes vadītājam jānorāda vismaz viena iestāde', 'A supervisor needs at least one institution');
    }
    if (target.institutions.some((i) => i.municipality !== inviter.municipality)) {
      return refuse('invite-institution-other-municipality', 'Iestādei jābūt savā pašvaldībā', 'The institutions must be of your own municipality');
    }
  }
  return null;
}

/** What an inviter sends. `language` is the email's (Latvian unless asked otherwise). */
export const invitationInputSchema = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(STAFF_ROLES),
  institutions: z.array(z.string().min(1).max(64)).max(20).default([]).describe('Host institutions (supervisors only; one or more)'),
  language: z.enum(['lv', 'en']).default('lv').describe('Language of the invitation email'),
}).strict();
export type InvitationInput = z.infer<typeof invitationInputSchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked'] as const;

/**
 * One invitation and, once accepted, the staff account it opened (our record of it: Cognito keeps the credentials).
 * `nonce` is the secret half of the emailed link (the URL carries the nonce and its HMAC); a resend replaces it, so
 * an older link stops working.
 */
export interface Invitation {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  municipality: string | null;
  institutions: string[];
  language: 'lv' | 'en';
  invitedBy: string;
  invitedAt: string;
  sentAt: string;
  expiresAt: string;
  nonce: string;
  status: (typeof INVITATION_STATUSES)[number];
  /** The Cognito user's sub, once the invitation was accepted. */
  sub: string | null;
  acceptedAt: string | null;
  revokedAt: string | null;
  /** False after a deactivation (mirrors AdminDisableUser). */
  active: boolean;
  /** Bumped by every change; every write is conditional on the version read. */
  version: number;
}

export const invitationViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  municipality: municipalityCode.nullable(),
  institutions: z.array(z.string()),
  language: z.enum(['lv', 'en']),
  invitedBy: z.string(),
  invitedAt: z.string(),
  sentAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['pending', 'expired', 'accepted', 'revoked']),
  emailed: z.boolean().optional().describe('Whether the email was handed to the mail service (false: resend it)'),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

/** The state a reader sees: a pending invitation past its expiry is `expired`. */
export function invitationState(invitation: Pick<Invitation, 'status' | 'expiresAt'>, now: Date): InvitationView['status'] {
  if (invitation.status === 'pending' && invitation.expiresAt <= now.toISOString()) return 'expired';
  return invitation.status;
}

export function viewOf(invitation: Invitation, now: Date): InvitationView {
  const { nonce: _nonce, sub: _sub, acceptedAt: _a, revokedAt: _r, active: _active, version: _v, status: _s, ...rest } = invitation;
  return { ...rest, status: invitationState(invitation, now) };
}

export function expiryFrom(now: Date): string {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
}

/** One staff account of a municipality as the users list shows it. */
export const staffUserSchema = z.object({
  invitationId: z.string().nullable().describe('null for an account opened without an invitation (e.g. the first agency user, created by hand)'),
  sub: z.string().nullable(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  institutions: z.array(z.string()).describe('Assigned host institutions (supervisors)'),
  status: z.enum(['invited', 'expired', 'revoked', 'active', 'deactivated']),
  invitedAt: z.string().nullable(),
  invitedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  lastSignInAt: z.string().nullable().describe('Last sign-in, as the post-authentication trigger recorded it (null: never signed in since it was recorded)'),
  mfa: z.boolean().nullable().describe('TOTP MFA set up (from Cognito); null for an invitation not yet accepted'),
});
export type StaffUser = z.infer<typeof staffUserSchema>;
