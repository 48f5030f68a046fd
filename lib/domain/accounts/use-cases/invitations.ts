// Staff invitations and accounts: invite, resend, revoke, accept (opens the Cognito account), list, deactivate, reactivate.
import type { Clock } from '../../clock.js';
import { rigaDate } from '../../clock.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation, ValidationError, type Bilingual } from '../../errors.js';
import type { DomainEvent } from '../../events.js';
import { linkToken, parseLinkToken, sameMac, type LinkSigner } from '../../hours/decision-links.js';
import type { HoursRepository } from '../../hours/ports.js';
import type { HourEntry } from '../../hours/types.js';
import { assertActsFor, type User } from '../../identity/types.js';
import type { Mailer } from '../../mail.js';
import { isValidOn, type Municipality } from '../../municipalities/types.js';
import { invitationMail } from '../invitation-mail.js';
import type { InvitationRepository, SignInLog } from '../invitation-ports.js';
import {
  expiryFrom, invitationRefusal, invitationState, viewOf,
  type Invitation, type InvitationInput, type InvitationTarget, type InvitationView, type StaffUser,
} from '../invitations.js';
import { passwordIssue } from '../password-policy.js';
import { UsernameTaken, WeakPassword, type DirectoryUser, type StaffDirectory } from '../ports.js';
import type { DigestStore } from '../../hours/use-cases/decision-digest.js';

export interface InvitationDeps {
  invitations: InvitationRepository;
  /** The users list's last sign-in of each staff account. */
  signIns: Pick<SignInLog, 'lastSignIns'>;
  directory: StaffDirectory;
  hours: Pick<HoursRepository, 'getInstitution' | 'putAssignment' | 'institutionsOf' | 'pendingQueue'>;
  /** An accepted supervisor gets the daily digest of pending entries from the start (they may turn it off). */
  digests: Pick<DigestStore, 'subscribe'>;
  municipalities: readonly Municipality[];
  mailer: Mailer;
  signer: LinkSigner;
  clock: Clock;
  newId: () => string;
  /** 16 random bytes, base64url (the secret half of the link). */
  newNonce: () => string;
  /** Where the invitee's page lives: the link is `<baseUrl>/invitations/<id>?token=<token>&lang=<lv|en>` (the page of lib/pages/invitation-page.ts). */
  baseUrl: string;
  onMailError?: (error: unknown) => void;
}

const SOURCE = 'jaunatne.accounts';
const rule = (id: string, lv: string, en: string, field?: string) => new RuleViolation(`accounts.${id}`, { lv, en }, field);

function event(deps: Pick<InvitationDeps, 'newId' | 'clock'>, type: string, invitation: Invitation, by: string | null): DomainEvent {
  return {
    id: deps.newId(), type, source: SOURCE, occurredAt: deps.clock.now().toISOString(),
    detail: { invitationId: invitation.id, role: invitation.role, municipality: invitation.municipality, sub: invitation.sub, by },
  };
}

/** The target of a stored invitation, for re-checking the inviter's rights on it (its institutions were checked at invite). */
const targetOf = (invitation: Invitation): InvitationTarget => ({
  role: invitation.role, municipality: invitation.municipality,
  institutions: invitation.institutions.map((id) => ({ id, municipality: invitation.municipality ?? '' })),
});

/** 403 with the rule's id unless `user` may invite (and so manage) `target`. */
function assertMayInvite(user: User, target: InvitationTarget): void {
  const refusal = invitationRefusal({ role: user.role, municipality: user.municipality }, target);
  if (refusal) throw new ForbiddenError(undefined, refusal);
}

function municipalityOf(deps: Pick<InvitationDeps, 'municipalities' | 'clock'>, code: string): Municipality {
  const m = deps.municipalities.find((x) => x.code === code);
  if (!m || !isValidOn(m, rigaDate(deps.clock.now()))) throw new NotFoundError('municipality', code);
  return m;
}

async function send(deps: InvitationDeps, invitation: Invitation): Promise<boolean> {
  const token = linkToken(invitation.nonce, await deps.signer.sign('invitation', invitation.nonce));
  const link = `${deps.baseUrl.replace(/\/$/, '')}/invitations/${invitation.id}?token=${token}&lang=${invitation.language}`;
  const m = invitation.municipality ? deps.municipalities.find((x) => x.code === invitation.municipality) : undefined;
  const name = m ? (invitation.language === 'lv' ? m.name : m.nameEn) : null;
  try {
    await deps.mailer.send(invitationMail(invitation, link, name));
    return true;
  } catch (error) {
    deps.onMailError?.(error);
    return false;
  }
}

/**
 * 1. resolve the target (municipality known and valid today, institutions known)  2. the one rule: may this inviter
 * invite into this role and municipality (403 with its rule, nothing written)  3. no account with the email exists
 * 4. store the invitation with the email's lock and its StaffInvited event in one transaction (a second pending
 * invitation for the email: 409)  5. email the one-time link (a failed send leaves the invitation: resend it).
 * No Cognito user exists until the invitee accepts.
 */
export async function inviteStaff(deps: InvitationDeps, user: User, municipality: string | null, input: InvitationInput): Promise<InvitationView> {
  if (municipality !== null) municipalityOf(deps, municipality);
  if (input.role !== 'supervisor' && input.institutions.length > 0) {
    throw new ValidationError([{ field: 'institutions', rule: 'supervisors-only', message: 'only supervisors are bound to institutions', localized: { lv: 'Iestādes norāda tikai iestāžu vadītājiem', en: 'Only supervisors are bound to institutions' } }]);
  }
  const institutions = [];
  for (const id of new Set(input.institutions)) {
    const institution = await deps.hours.getInstitution(id);
    if (!institution) throw new NotFoundError('institution', id);
    institutions.push({ id, municipality: institution.municipality });
  }
  assertMayInvite(user, { role: input.role, municipality, institutions });
  if (await deps.directory.find(input.email)) throw new ConflictError(`an account with ${input.email} exists`, { lv: 'Konts ar šo e-pasta adresi jau ir', en: 'An account with this email exists' });
  const now = deps.clock.now();
  const invitation: Invitation = {
    id: deps.newId(), email: input.email, name: input.name, role: input.role, municipality,
    institutions: institutions.map((i) => i.id), language: input.language,
    invitedBy: user.sub, invitedAt: now.toISOString(), sentAt: now.toISOString(), expiresAt: expiryFrom(now),
    nonce: deps.newNonce(), status: 'pending', sub: null, acceptedAt: null, revokedAt: null, active: true, version: 1,
  };
  await deps.invitations.create(invitation, [event(deps, 'StaffInvited', invitation, user.sub)]);
  return { ...viewOf(invitation, now), emailed: await send(deps, invitation) };
}

async function load(deps: Pick<InvitationDeps, 'invitations'>, id: string): Promise<Invitation> {
  const invitation = await deps.invitations.get(id);
  if (!invitation) throw new NotFoundError('invitation', id);
  return invitation;
}

const USED = () => rule('invitation-used', 'Uzaicinājums jau ir izmantots', 'The invitation has been used already');
const REVOKED = () => rule('invitation-revoked', 'Uzaicinājums ir atsaukts', 'The invitation has been revoked');

/**
 * 1. load  2. the inviter's rule on its target  3. only an unaccepted, unrevoked one (an expired one may be resent)
 * 4. a new nonce (the old link stops working) and 7 more days, conditional on the version read, with InvitationResent
 * 5. email the new link.
 */
export async function resendInvitation(deps: InvitationDeps, user: User, id: string): Promise<InvitationView> {
  const current = await load(deps, id);
  assertMayInvite(user, targetOf(current));
  if (current.status === 'accepted') throw USED();
  if (current.status === 'revoked') throw REVOKED();
  const now = deps.clock.now();
  const next: Invitation = { ...current, nonce: deps.newNonce(), sentAt: now.toISOString(), expiresAt: expiryFrom(now), version: current.version + 1 };
  await deps.invitations.update(next, [event(deps, 'InvitationResent', next, user.sub)]);
  return { ...viewOf(next, now), emailed: await send(deps, next) };
}

/** 1. load  2. the inviter's rule  3. an accepted one is deactivated instead (422)  4. revoked, the email's lock freed, InvitationRevoked. Revoking twice answers the revoked invitation. */
export async function revokeInvitation(deps: InvitationDeps, user: User, id: string): Promise<InvitationView> {
  const current = await load(deps, id);
  assertMayInvite(user, targetOf(current));
  const now = deps.clock.now();
  if (current.status === 'revoked') return viewOf(current, now);
  if (current.status === 'accepted') throw rule('invitation-used', 'Uzaicinājums jau ir izmantots; kontu var deaktivizēt', 'The invitation has been used; deactivate the account instead');
  const next: Invitation = { ...current, status: 'revoked', revokedAt: now.toISOString(), version: current.version + 1 };
  await deps.invitations.update(next, [event(deps, 'InvitationRevoked', next, user.sub)], { releaseEmail: true });
  return viewOf(next, now);
}

const INVALID_LINK: Bilingual = { lv: 'Uzaicinājuma saite nav derīga', en: 'The invitation link is not valid' };

/**
 * The invitee opens the account. 1. the token's MAC and nonce are the invitation's current ones (else 404: an old link
 * after a resend, a tampered or unknown one)  2. not revoked, not used, not expired (422 each)  3. the password meets the
 * pool's policy (400, nothing created)  4. the Cognito user, idempotently: created without a usable password, or the
 * one a failed earlier acceptance left (unconfirmed, no other group)  5. trusted attributes, supervisor assignments,
 * the role's group  6. the password, last: only now can anyone sign in, so no usable account lacks its group or
 * municipality  7. the invitation accepted (conditional on its version and the link's nonce), with StaffAccountOpened.
 * A crash between steps leaves an account nobody can sign in to; accepting again completes it. An invitation revoked or
 * resent while the acceptance ran fails step 7: the account is disabled again (revoked: 422; resent: 409, and accepting
 * the new link adopts and re-enables it).
 */
export async function acceptInvitation(deps: InvitationDeps, id: string, token: string, password: string): Promise<{ sub: string; email: string; role: Invitation['role']; municipality: string | null }> {
  const parsed = parseLinkToken(token);
  const invitation = parsed ? await deps.invitations.get(id) : undefined;
  if (!parsed || !invitation || parsed.nonce !== invitation.nonce || !sameMac(parsed.mac, await deps.signer.sign('invitation', parsed.nonce))) {
    throw new NotFoundError('invitation', id, INVALID_LINK);
  }
  const now = deps.clock.now();
  if (invitation.status === 'revoked') throw REVOKED();
  if (invitation.status === 'accepted') throw USED();
  if (invitationState(invitation, now) === 'expired') throw rule('invitation-expired', 'Uzaicinājuma derīguma termiņš ir beidzies; lūdziet to nosūtīt vēlreiz', 'The invitation has expired; ask for it to be resent');
  const weak = passwordIssue(password);
  if (weak) {
    throw new ValidationError([{ field: 'password', rule: weak, message: weak, localized: { lv: 'Parolei jābūt vismaz 12 rakstzīmes garai, ar mazajiem un lielajiem burtiem, ciparu un simbolu', en: 'The password needs at least 12 characters with lower- and upper-case letters, a digit and a symbol' } }]);
  }

  const attributes: Record<string, string> = {
    ...(invitation.municipality ? { 'custom:municipality': invitation.municipality } : {}),
    // The token carries one institution; the assignments (the queue's source) carry all of them.
    ...(invitation.role === 'supervisor' && invitation.institutions[0] ? { 'custom:institution': invitation.institutions[0] } : {}),
  };
  const account = await openedAccount(deps, invitation, attributes);
  await deps.directory.setAttributes(account.username, attributes);
  if (invitation.role === 'supervisor') {
    for (const institutionId of invitation.institutions) {
      await deps.hours.putAssignment({ institutionId, supervisorId: account.sub, municipality: invitation.municipality!, assignedAt: now.toISOString(), assignedBy: invitation.invitedBy });
    }
    // every supervisor hears of their pending entries without opting in (PUT /v1/supervisors/me/digest turns it off)
    await deps.digests.subscribe({
      sub: account.sub, municipality: invitation.municipality!, institution: invitation.institutions[0]!, email: invitation.email,
      name: invitation.name, subscribedAt: now.toISOString(),
    });
  }
  await deps.directory.addToGroup(account.username, invitation.role);
  try {
    await deps.directory.setPassword(account.username, password);
  } catch (error) {
    if (error instanceof WeakPassword) throw new ValidationError([{ field: 'password', rule: 'policy', message: error.message }]);
    throw error;
  }
  const next: Invitation = { ...invitation, status: 'accepted', sub: account.sub, acceptedAt: now.toISOString(), version: invitation.version + 1 };
  try {
    await deps.invitations.update(next, [event(deps, 'StaffAccountOpened', next, null)], { claimSub: true });
  } catch (error) {
    // Revoked (or resent) while this acceptance ran: the account it opened must not stay usable.
    const latest = error instanceof ConflictError ? await deps.invitations.get(id) : undefined;
    if (latest && latest.status !== 'accepted') {
      await deps.directory.setEnabled(account.username, false);
      if (latest.status === 'revoked') throw REVOKED();
    }
    throw error;
  }
  return { sub: account.sub, email: invitation.email, role: invitation.role, municipality: invitation.municipality };
}

/** The Cognito user for an invitation: a new one, or the unusable one an interrupted acceptance left (never someone else's). */
async function openedAccount(deps: InvitationDeps, invitation: Invitation, attributes: Record<string, string>): Promise<DirectoryUser> {
  const base = { email: invitation.email, email_verified: 'true', name: invitation.name, ...attributes };
  try {
    return await deps.directory.create(invitation.email, base);
  } catch (error) {
    if (!(error instanceof UsernameTaken)) throw error;
  }
  const existing = await deps.directory.find(invitation.email);
  if (!existing || !(await leftBy(deps, invitation, existing))) {
    throw new ConflictError(`an account with ${invitation.email} exists`, { lv: 'Konts ar šo e-pasta adresi jau ir', en: 'An account with this email exists' });
  }
  if (!existing.enabled) await deps.directory.setEnabled(existing.username, true);
  return existing;
}

/**
 * Whether `user` is what an earlier attempt at this invitation left: in no group but the invitation's, not the account
 * of another invitation, and either never given a password or already carrying this invitation's municipality and role
 * (the attempt got as far as the password; its last write lost a race with a resend).
 */
async function leftBy(deps: InvitationDeps, invitation: Invitation, user: DirectoryUser): Promise<boolean> {
  if (!user.groups.every((g) => g === invitation.role)) return false;
  const claimed = await deps.invitations.bySub(user.sub);
  if (claimed && claimed.id !== invitation.id) return false;
  if (user.status === 'FORCE_CHANGE_PASSWORD') return true;
  return user.groups.includes(invitation.role) && (user.attributes['custom:municipality'] ?? null) === invitation.municipality;
}

const STAFF_READERS = ['coordinator', 'agency'] as const;

/** `municipality` null: the agency's own staff, which only the agency lists. */
function assertStaffReader(user: User, municipality: string | null): void {
  if (!(STAFF_READERS as readonly string[]).includes(user.role)) throw new ForbiddenError(`a ${user.role} cannot list staff accounts`);
  if (municipality === null) {
    if (user.role !== 'agency') throw new ForbiddenError("only the agency lists the agency's staff");
  } else assertActsFor(user, municipality);
}

/** The staff roles of a municipality's accounts, or the agency's. */
const rolesOf = (municipality: string | null): readonly StaffUser['role'][] => (municipality === null ? ['agency'] : ['coordinator', 'supervisor']);

/**
 * The municipality's staff (`null`: the agency's): every invitation and the account it opened, oldest first, then
 * the accounts opened without one (e.g. created by hand before invitations, or the first agency user), found in the
 * pool's groups by their `custom:municipality`. Role, institutions (the live assignments of a supervisor), invited
 * and accepted at from our records; enabled and MFA from Cognito. Accounts without an invitation have no last
 * sign-in (the trigger records it on the invitation's account).
 */
export async function listStaff(deps: InvitationDeps, user: User, municipality: string | null): Promise<StaffUser[]> {
  assertStaffReader(user, municipality);
  if (municipality !== null) municipalityOf(deps, municipality);
  const now = deps.clock.now();
  const records = await deps.invitations.ofMunicipality(municipality);
  const signIns = await deps.signIns.lastSignIns(records.flatMap((r) => (r.status === 'accepted' && r.sub ? [r.sub] : [])));
  const invited = await Promise.all(records.map(async (r): Promise<StaffUser> => {
    const account = r.status === 'accepted' ? await deps.directory.find(r.email) : undefined;
    const institutions = r.status === 'accepted' && r.role === 'supervisor' && r.sub ? await deps.hours.institutionsOf(r.sub) : r.institutions;
    const state = invitationState(r, now);
    const status: StaffUser['status'] = state === 'pending' ? 'invited' : state === 'accepted' ? (r.active && account?.enabled !== false ? 'active' : 'deactivated') : state;
    return {
      invitationId: r.id, sub: r.sub, email: r.email, name: r.name, role: r.role, institutions, status,
      invitedAt: r.invitedAt, invitedBy: r.invitedBy, acceptedAt: r.acceptedAt, lastSignInAt: (r.sub && signIns.get(r.sub)) || null,
      mfa: account ? account.mfa : null,
    };
  }));
  const known = new Set(records.flatMap((r) => (r.sub ? [r.sub] : [])));
  const uninvited: StaffUser[] = [];
  for (const role of rolesOf(municipality)) {
    for (const member of await deps.directory.listGroup(role)) {
      if (known.has(member.sub) || (member.attributes['custom:municipality'] ?? null) !== municipality) continue;
      known.add(member.sub);
      const account = await deps.directory.find(member.username);
      uninvited.push({
        invitationId: null, sub: member.sub, email: member.email, name: member.attributes.name || member.email, role,
        institutions: role === 'supervisor' ? await deps.hours.institutionsOf(member.sub) : [],
        status: member.enabled ? 'active' : 'deactivated', invitedAt: null, invitedBy: null, acceptedAt: null, lastSignInAt: null,
        mfa: account?.mfa ?? null,
      });
    }
  }
  return [...invited, ...uninvited.sort((a, b) => a.email.localeCompare(b.email))];
}

/** The staff account `sub` of the municipality: its invitation, or an account opened without one (then `null`). */
async function accountOf(deps: InvitationDeps, user: User, municipality: string, sub: string): Promise<{ record: Invitation | null; role: StaffUser['role'] }> {
  assertStaffReader(user, municipality);
  const record = await deps.invitations.bySub(sub);
  if (record) {
    if (record.municipality !== municipality) throw new NotFoundError('user', sub);
    return { record, role: record.role };
  }
  const account = await deps.directory.find(sub);
  const role = account?.groups.find((g): g is StaffUser['role'] => (rolesOf(municipality) as readonly string[]).includes(g));
  if (!account || !role || (account.attributes['custom:municipality'] ?? null) !== municipality) throw new NotFoundError('user', sub);
  return { record: null, role };
}

/**
 * 1. the account of that municipality (404 otherwise)  2. the caller could have invited it (the same rule), and is not
 * deactivating themselves  3. Cognito's AdminDisableUser / AdminEnableUser (idempotent)  4. our record, conditional on
 * its version, with StaffDeactivated / StaffReactivated. A deactivated supervisor's pending queue stays readable
 * (pendingOfStaff) until the coordinator assigns the institution to someone else.
 */
export async function setStaffActive(deps: InvitationDeps, user: User, municipality: string, sub: string, active: boolean): Promise<StaffUser> {
  const { record, role } = await accountOf(deps, user, municipality, sub);
  if (record) assertMayInvite(user, targetOf(record));
  else {
    // an account opened without an invitation: the same rule, but which institutions it supervises is no question of managing it
    const refusal = invitationRefusal({ role: user.role, municipality: user.municipality }, { role, municipality, institutions: [] });
    if (refusal && refusal.rule !== 'accounts.invite-institution-missing') throw new ForbiddenError(undefined, refusal);
  }
  if (sub === user.sub) throw rule('deactivate-self', 'Savu kontu nevar deaktivizēt', 'You cannot deactivate your own account');
  await deps.directory.setEnabled(sub, active);
  if (record && record.active !== active) {
    const next: Invitation = { ...record, active, version: record.version + 1 };
    await deps.invitations.update(next, [event(deps, active ? 'StaffReactivated' : 'StaffDeactivated', next, user.sub)]);
  }
  const listed = await listStaff(deps, user, municipality);
  return listed.find((u) => u.sub === sub)!;
}

/** A supervisor's pending entries, oldest first, for the coordinator (e.g. after a deactivation, before reassigning). */
export async function pendingOfStaff(deps: InvitationDeps, user: User, municipality: string, sub: string, limit = 100): Promise<HourEntry[]> {
  const { role } = await accountOf(deps, user, municipality, sub);
  if (role !== 'supervisor') return [];
  const ids = await deps.hours.institutionsOf(sub);
  const queues = await Promise.all(ids.map(async (id) => {
    const institution = await deps.hours.getInstitution(id);
    return institution?.municipality === municipality ? deps.hours.pendingQueue(id, limit) : [];
  }));
  return queues.flat().sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).slice(0, limit);
}
