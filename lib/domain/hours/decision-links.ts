// Supervisor decisions by email link: what a link is, its opaque token, and the ports that sign and store links.
import type { Decision } from './types.js';

/** What a link decides: the three buttons of the digest email. */
export const LINK_ACTIONS = ['approve', 'approve-fewer', 'reject'] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

/** A link opens a confirmation page for this long after it was mailed. */
export const DECISION_LINK_DAYS = 14;

/**
 * One link: bound to one supervisor and one entry, single-use (`usedAt` is written in the decision's own transaction,
 * conditional on being unset) and expiring. It lives in the table by its nonce; the URL carries only the nonce and
 * its HMAC, so nothing personal or guessable is in it.
 */
export interface DecisionLink {
  nonce: string;
  entryId: string;
  action: LinkAction;
  supervisor: { sub: string; municipality: string; institution: string; name: string | null; email: string | null };
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/**
 * What an HMAC is for: the purpose is part of the MAC, so a decision link's token is no consent link's token (and
 * neither is a CSRF token), though both kinds share the key.
 */
export type LinkPurpose = 'decision-link' | 'csrf' | 'consent-link' | 'consent-csrf' | 'invitation' | 'offer-link' | 'offer-csrf' | 'invitation-csrf';

/** HMAC over a purpose and a value with the links' secret key (from the key store). */
export interface LinkSigner {
  sign(purpose: LinkPurpose, value: string): Promise<string>;
}

/**
 * Whether a staff account may still act: a coordinator can deactivate a supervisor (lib/domain/accounts), whose
 * emailed links and digest then stop. Accounts no invitation opened (the first agency user, demo users) are active.
 */
export interface StaffStatus {
  isActive(sub: string): Promise<boolean>;
}

export interface DecisionLinkStore {
  /** Stores a new link (its nonce never reused). */
  create(link: DecisionLink): Promise<void>;
  get(nonce: string): Promise<DecisionLink | undefined>;
}

/** 16 random bytes, base64url (22 characters), and the HMAC-SHA256 of the nonce, base64url (43 characters). */
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export function linkToken(nonce: string, mac: string): string {
  return `${nonce}.${mac}`;
}

/** Splits a token into nonce and MAC; null when it is not shaped like one (the MAC is checked by the use case). */
export function parseLinkToken(token: string): { nonce: string; mac: string } | null {
  const m = TOKEN.exec(token);
  return m ? { nonce: m[1]!, mac: m[2]! } : null;
}

/** Constant-time comparison of two equal-length ASCII strings. */
export function sameMac(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** What the confirmation form posts, turned into the decision the link's action names. */
export interface LinkForm {
  approvedMinutes?: number;
  comment?: string;
}

export function decisionOf(action: LinkAction, form: LinkForm): Decision | { field: 'approvedMinutes' | 'comment'; rule: string } {
  if (action === 'approve') return { decision: 'approve' };
  const text = form.comment?.trim() ?? '';
  if (action === 'reject') return text ? { decision: 'reject', reason: text.slice(0, 1000) } : { field: 'comment', rule: 'required' };
  const minutes = form.approvedMinutes;
  if (minutes === undefined || !Number.isInteger(minutes) || minutes <= 0 || minutes > 1440) return { field: 'approvedMinutes', rule: 'range' };
  if (!text) return { field: 'comment', rule: 'required' };
  return { decision: 'approve-fewer', approvedMinutes: minutes, comment: text.slice(0, 1000) };
}
