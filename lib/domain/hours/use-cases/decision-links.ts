// Supervisor decisions by email link: mint links for pending entries, show a confirmation (GET), decide on POST only.
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation, type Bilingual } from '../../errors.js';
import type { User } from '../../identity/types.js';
import {
  DECISION_LINK_DAYS, LINK_ACTIONS, decisionOf, linkToken, parseLinkToken, sameMac,
  type DecisionLink, type DecisionLinkStore, type LinkAction, type LinkForm, type LinkSigner, type StaffStatus,
} from '../decision-links.js';
import { LinkAlreadyUsed } from '../ports.js';
import type { HourEntry } from '../types.js';
import { decideEntry } from './decide-entry.js';
import { assertRole, type HoursDeps } from './deps.js';
import { pendingQueue } from './queries.js';

export interface DecisionLinkDeps extends HoursDeps {
  links: DecisionLinkStore;
  /** A deactivated supervisor's links decide nothing (the page says revoked). */
  staff: StaffStatus;
  signer: LinkSigner;
  /** 16 random bytes, base64url. */
  newNonce: () => string;
}

/** What the link page shows; every state but `confirm` and `done` is a clear "nothing happened, here is why". */
export type LinkPage =
  | { state: 'confirm'; link: DecisionLink; entry: HourEntry; token: string; csrf: string; problem?: { field: string; message: Bilingual } }
  | { state: 'done'; link: DecisionLink; entry: HourEntry }
  /** Not a link we made: malformed, tampered with, or unknown. */
  | { state: 'invalid' }
  | { state: 'expired'; link: DecisionLink }
  | { state: 'used'; link: DecisionLink }
  /** Someone decided the entry already (in the API or by another link). */
  | { state: 'decided'; link: DecisionLink; entry: HourEntry }
  /** The supervisor may no longer decide it (unassigned, deactivated, institution gone) or the entry is gone. */
  | { state: 'revoked'; link: DecisionLink };

const DAY_MS = 86_400_000;

/** The supervisor a link acts for, as the decision use case sees a signed-in one. */
function userOf(link: DecisionLink): User {
  const s = link.supervisor;
  return { sub: s.sub, role: 'supervisor', municipality: s.municipality, institution: s.institution, email: s.email, name: s.name };
}

/**
 * Three links (approve, approve fewer, reject) for one pending entry the supervisor may decide, each stored with its
 * own nonce and expiry. Returns the tokens; the caller puts them into URLs.
 */
export async function createDecisionLinks(deps: DecisionLinkDeps, supervisor: User, entry: HourEntry): Promise<Record<LinkAction, string>> {
  assertRole(supervisor, ['supervisor'], 'receive decision links');
  if (!supervisor.municipality || !supervisor.institution) throw new ForbiddenError('a supervisor acts for a municipality and an institution');
  if (!(await deps.hours.isAssigned(entry.institutionId, supervisor.sub))) throw new ForbiddenError(`supervisor ${supervisor.sub} is not assigned to ${entry.institutionId}`);
  const now = deps.clock.now();
  const tokens = {} as Record<LinkAction, string>;
  for (const action of LINK_ACTIONS) {
    const nonce = deps.newNonce();
    await deps.links.create({
      nonce, entryId: entry.id, action,
      supervisor: { sub: supervisor.sub, municipality: supervisor.municipality, institution: supervisor.institution, name: supervisor.name, email: supervisor.email },
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + DECISION_LINK_DAYS * DAY_MS).toISOString(), usedAt: null,
    });
    tokens[action] = linkToken(nonce, await deps.signer.sign('decision-link', nonce));
  }
  return tokens;
}

/** The supervisor's pending entries (oldest first), each with its three links: the digest email's content. */
export async function decisionDigest(deps: DecisionLinkDeps, supervisor: User, limit = 50): Promise<{ entry: HourEntry; tokens: Record<LinkAction, string> }[]> {
  const pending = await pendingQueue(deps, supervisor, limit);
  const out = [];
  for (const entry of pending) out.push({ entry, tokens: await createDecisionLinks(deps, supervisor, entry) });
  return out;
}

/** The stored link a token names, when its MAC is ours. */
async function linkOf(deps: DecisionLinkDeps, token: string): Promise<DecisionLink | undefined> {
  const parsed = parseLinkToken(token);
  if (!parsed) return undefined;
  if (!sameMac(parsed.mac, await deps.signer.sign('decision-link', parsed.nonce))) return undefined;
  return deps.links.get(parsed.nonce);
}

/** Why a stored link cannot decide now, if it cannot. */
function unusable(link: DecisionLink, now: Date): LinkPage | undefined {
  if (link.usedAt) return { state: 'used', link };
  if (Date.parse(link.expiresAt) <= now.getTime()) return { state: 'expired', link };
  return undefined;
}

/** GET: reads only. A mail scanner or link preview that opens the link sees the confirmation and changes nothing. */
export async function openDecisionLink(deps: DecisionLinkDeps, token: string): Promise<LinkPage> {
  const link = await linkOf(deps, token);
  if (!link) return { state: 'invalid' };
  const refused = unusable(link, deps.clock.now());
  if (refused) return refused;
  if (!(await deps.staff.isActive(link.supervisor.sub))) return { state: 'revoked', link };
  const entry = await deps.hours.getEntry(link.entryId);
  if (!entry) return { state: 'revoked', link };
  if (entry.state !== 'pending') return { state: 'decided', link, entry };
  return { state: 'confirm', link, entry, token, csrf: await deps.signer.sign('csrf', link.nonce) };
}

/**
 * POST: the confirmed decision. The form's CSRF token must be the one the confirmation page carried (an HMAC bound to
 * this link); then the same decide-entry use case as the API — same rules, one transaction with the link's claim,
 * same events — and its audit record says "email-link". Anything refused writes nothing.
 */
export async function decideByLink(deps: DecisionLinkDeps, token: string, form: LinkForm & { csrf?: string }): Promise<LinkPage> {
  const link = await linkOf(deps, token);
  if (!link) return { state: 'invalid' };
  if (!form.csrf || !sameMac(form.csrf, await deps.signer.sign('csrf', link.nonce))) return { state: 'invalid' };
  const refused = unusable(link, deps.clock.now());
  if (refused) return refused;
  if (!(await deps.staff.isActive(link.supervisor.sub))) return { state: 'revoked', link };
  const entry = await deps.hours.getEntry(link.entryId);
  if (!entry) return { state: 'revoked', link };
  if (entry.state !== 'pending') return { state: 'decided', link, entry };
  const again = async (problem: { field: string; message: Bilingual }): Promise<LinkPage> =>
    ({ state: 'confirm', link, entry, token, csrf: form.csrf!, problem });
  const decision = decisionOf(link.action, form);
  if ('field' in decision) return again({ field: decision.field, message: FORM_PROBLEMS[decision.field] });
  try {
    const decided = await decideEntry(deps, userOf(link), link.entryId, decision, { nonce: link.nonce });
    return { state: 'done', link: { ...link, usedAt: decided.decidedAt }, entry: decided };
  } catch (error) {
    if (error instanceof LinkAlreadyUsed) {
      const now = (await deps.links.get(link.nonce)) ?? link;
      return unusable(now, deps.clock.now()) ?? { state: 'used', link: now };
    }
    if (error instanceof RuleViolation) return again({ field: error.field ?? 'decision', message: error.title });
    if (error instanceof ConflictError) {
      const current = await deps.hours.getEntry(link.entryId);
      return current ? { state: 'decided', link, entry: current } : { state: 'revoked', link };
    }
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { state: 'revoked', link };
    throw error;
  }
}

const FORM_PROBLEMS: Record<'approvedMinutes' | 'comment', Bilingual> = {
  approvedMinutes: { lv: 'Norādiet apstiprināmo ilgumu minūtēs (1–1440, 15 minūšu solī)', en: 'Give the minutes to approve (1–1440, in 15-minute steps)' },
  comment: { lv: 'Uzrakstiet pamatojumu', en: 'Write a reason' },
};
