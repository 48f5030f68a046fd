// The invitee's page behind the emailed link: GET shows who invites them to what and the password form; only the POST
// (with its CSRF token, the link's token and the password twice) opens the account, through acceptInvitation.
import { ConflictError, NotFoundError, RuleViolation, ValidationError } from '../../errors.js';
import { parseLinkToken, sameMac } from '../../hours/decision-links.js';
import { invitationState, type Invitation } from '../invitations.js';
import { acceptInvitation, type InvitationDeps } from './invitations.js';

export interface InvitationFacts {
  name: string;
  email: string;
  role: Invitation['role'];
  /** The municipality's name in both languages (null: agency staff). */
  municipality: { lv: string; en: string } | null;
  /** A supervisor's institutions, by name. */
  institutions: string[];
  expiresAt: string;
}

export type InvitationPage =
  | { state: 'open'; invitation: InvitationFacts; csrf: string; problem?: 'password-mismatch' | 'password-weak' }
  | { state: 'accepted'; justNow: boolean; email: string; role: Invitation['role'] }
  | { state: 'expired' }
  | { state: 'revoked' }
  /** An account under this email exists that the invitation did not open. */
  | { state: 'conflict' }
  | { state: 'invalid' };

export interface InvitationForm {
  csrf?: string | undefined;
  password?: string | undefined;
  confirm?: string | undefined;
}

const CSRF_PURPOSE = 'invitation-csrf';

/** The invitation the link's token opens (its current nonce, an untampered MAC), or undefined. */
async function linked(deps: InvitationDeps, id: string, token: string): Promise<Invitation | undefined> {
  const parsed = parseLinkToken(token);
  const invitation = parsed ? await deps.invitations.get(id) : undefined;
  if (!parsed || !invitation || parsed.nonce !== invitation.nonce) return undefined;
  return sameMac(parsed.mac, await deps.signer.sign('invitation', parsed.nonce)) ? invitation : undefined;
}

async function pageOf(deps: InvitationDeps, invitation: Invitation, problem?: 'password-mismatch' | 'password-weak'): Promise<InvitationPage> {
  if (invitation.status === 'revoked') return { state: 'revoked' };
  if (invitation.status === 'accepted') return { state: 'accepted', justNow: false, email: invitation.email, role: invitation.role };
  if (invitationState(invitation, deps.clock.now()) === 'expired') return { state: 'expired' };
  const m = invitation.municipality ? deps.municipalities.find((x) => x.code === invitation.municipality) : undefined;
  const institutions = invitation.role === 'supervisor'
    ? await Promise.all(invitation.institutions.map(async (i) => (await deps.hours.getInstitution(i))?.name ?? i))
    : [];
  return {
    state: 'open', csrf: await deps.signer.sign(CSRF_PURPOSE, invitation.nonce), ...(problem ? { problem } : {}),
    invitation: {
      name: invitation.name, email: invitation.email, role: invitation.role, institutions, expiresAt: invitation.expiresAt,
      municipality: m ? { lv: m.name, en: m.nameEn } : null,
    },
  };
}

/** GET: reads only. */
export async function openInvitationPage(deps: InvitationDeps, id: string, token: string): Promise<InvitationPage> {
  const invitation = await linked(deps, id, token);
  return invitation ? pageOf(deps, invitation) : { state: 'invalid' };
}

/**
 * POST: a missing or wrong CSRF token is an invalid page and writes nothing; two different passwords re-show the form;
 * otherwise acceptInvitation decides (same rules, same steps, same events as the API), and its refusals become pages.
 */
export async function submitInvitationPage(deps: InvitationDeps, id: string, token: string, form: InvitationForm): Promise<InvitationPage> {
  const invitation = await linked(deps, id, token);
  if (!invitation || !form.csrf || !sameMac(form.csrf, await deps.signer.sign(CSRF_PURPOSE, invitation.nonce))) return { state: 'invalid' };
  if (invitation.status !== 'pending' || invitationState(invitation, deps.clock.now()) === 'expired') return pageOf(deps, invitation);
  const password = form.password ?? '';
  if (password !== (form.confirm ?? '')) return pageOf(deps, invitation, 'password-mismatch');
  try {
    const opened = await acceptInvitation(deps, id, token, password);
    return { state: 'accepted', justNow: true, email: opened.email, role: opened.role };
  } catch (error) {
    if (error instanceof ValidationError) return pageOf(deps, invitation, 'password-weak');
    if (error instanceof NotFoundError) return { state: 'invalid' };
    if (error instanceof ConflictError || error instanceof RuleViolation) {
      // revoked or resent meanwhile: the invitation as it is now (a resent one's old link is no longer valid);
      // still pending on this link: an account under this email exists that the invitation did not open
      const latest = await deps.invitations.get(id);
      if (!latest || latest.nonce !== invitation.nonce) return { state: 'invalid' };
      return latest.status === 'pending' && error instanceof ConflictError ? { state: 'conflict' } : pageOf(deps, latest);
    }
    throw error;
  }
}
