// The supervisors' daily digest: at the programme's hour, one email per supervisor with pending entries, each entry
// with its approve / approve fewer / reject links; at most one per supervisor and Riga day however often the job fires.
import { rigaDate, rigaHour } from '../../clock.js';
import { ForbiddenError, RuleViolation } from '../../errors.js';
import type { User } from '../../identity/types.js';
import type { Mailer } from '../../mail.js';
import type { MunicipalityRepository } from '../../municipalities/ports.js';
import { DECISION_LINK_DAYS, type LinkAction } from '../decision-links.js';
import type { HourEntry } from '../types.js';
import { assertRole, programmeOf } from './deps.js';
import { decisionDigest, type DecisionLinkDeps } from './decision-links.js';
import { pendingQueue } from './queries.js';

/** A supervisor who receives the digest: the contact comes from their own token when they turn it on. */
export interface DigestSubscription {
  sub: string;
  municipality: string;
  institution: string;
  email: string;
  name: string | null;
  subscribedAt: string;
}

export interface DigestStore {
  subscribe(s: DigestSubscription): Promise<void>;
  /** Subscribes only a supervisor who never chose (neither subscribed nor turned it off): false when they had. */
  subscribeUnlessChosen(s: DigestSubscription): Promise<boolean>;
  /** Turns it off and remembers the choice (a later sign-in does not turn it on again). */
  unsubscribe(municipality: string, sub: string): Promise<void>;
  subscribers(municipality: string): Promise<DigestSubscription[]>;
  /** Claims the supervisor's digest of one Riga day (a conditional write): false when it was claimed already. */
  claimDay(sub: string, day: string, at: string): Promise<boolean>;
  /** Gives the day back after a failed send, so the next firing may try again. */
  releaseDay(sub: string, day: string): Promise<void>;
}

export interface DigestDeps extends DecisionLinkDeps {
  municipalities: Pick<MunicipalityRepository, 'get' | 'list'>;
  digests: DigestStore;
  mailer: Mailer;
  baseUrl: string;
  onError?: (error: unknown, sub: string) => void;
}

/** A supervisor turns the digest on (their token's email) or off. */
export async function setDigest(deps: Pick<DigestDeps, 'digests' | 'clock'>, user: User, enabled: boolean): Promise<{ enabled: boolean; email: string | null }> {
  assertRole(user, ['supervisor'], 'receive the daily digest');
  if (!user.municipality || !user.institution) throw new ForbiddenError('a supervisor acts for a municipality and an institution');
  if (!enabled) {
    await deps.digests.unsubscribe(user.municipality, user.sub);
    return { enabled: false, email: user.email };
  }
  if (!user.email) {
    throw new RuleViolation('hours.digest-no-email', { lv: 'Jūsu kontam nav e-pasta adreses', en: 'Your account has no email address' }, 'email');
  }
  await deps.digests.subscribe({ sub: user.sub, municipality: user.municipality, institution: user.institution, email: user.email, name: user.name, subscribedAt: deps.clock.now().toISOString() });
  return { enabled: true, email: user.email };
}


export interface DigestCounts {
  sent: number;
  nothingPending: number;
  alreadySent: number;
  failed: number;
  /** Subscribed supervisors a coordinator deactivated: no email until reactivated. */
  deactivated: number;
}

/**
 * One firing of the hourly job. 1. the municipalities whose programme's digest hour is this Riga hour  2. for each
 * subscribed supervisor still active with pending entries (none: no email)  3. claim the supervisor's Riga day (conditional write;
 * a second firing finds it claimed and sends nothing)  4. three links per entry  5. one email; a failed send gives the
 * day back.
 */
export async function sendDecisionDigests(deps: DigestDeps, firedAt: Date): Promise<DigestCounts> {
  const counts: DigestCounts = { sent: 0, nothingPending: 0, alreadySent: 0, failed: 0, deactivated: 0 };
  const hour = rigaHour(firedAt);
  const day = rigaDate(firedAt);
  for (const m of await deps.municipalities.list()) {
    if ((await programmeOf(deps, m.code)).digestHour !== hour) continue;
    for (const s of await deps.digests.subscribers(m.code)) {
      if (!(await deps.staff.isActive(s.sub))) { counts.deactivated++; continue; }
      const supervisor: User = { sub: s.sub, role: 'supervisor', municipality: s.municipality, institution: s.institution, email: s.email, name: s.name };
      if ((await pendingQueue(deps, supervisor, 1)).length === 0) { counts.nothingPending++; continue; }
      if (!(await deps.digests.claimDay(s.sub, day, deps.clock.now().toISOString()))) { counts.alreadySent++; continue; }
      try {
        const items = await decisionDigest(deps, supervisor);
        await deps.mailer.send({ to: s.email, ...digestEmail(items, deps.baseUrl), idempotencyKey: `digest-${s.sub}-${day}` });
        counts.sent++;
      } catch (error) {
        counts.failed++;
        await deps.digests.releaseDay(s.sub, day);
        deps.onError?.(error, s.sub);
      }
    }
  }
  return counts;
}

const hours = (minutes: number) => `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

/** The digest email: Latvian first, English below; each entry with its three links. */
export function digestEmail(items: { entry: HourEntry; tokens: Record<LinkAction, string> }[], baseUrl: string): { subject: string; text: string } {
  const url = (token: string, lang: string) => `${baseUrl.replace(/\/$/, '')}/l/${token}?lang=${lang}`;
  const lv = items.flatMap(({ entry: e, tokens }) => [
    `${e.date} · ${e.volunteerName} · ${hours(e.minutes)} · ${e.institutionName}`, `  ${e.activity.slice(0, 200)}`,
    `  Apstiprināt: ${url(tokens.approve, 'lv')}`, `  Apstiprināt mazāk: ${url(tokens['approve-fewer'], 'lv')}`, `  Noraidīt: ${url(tokens.reject, 'lv')}`, '',
  ]);
  const en = items.flatMap(({ entry: e, tokens }) => [
    `${e.date} · ${e.volunteerName} · ${hours(e.minutes)} · ${e.institutionName}`,
    `  Approve: ${url(tokens.approve, 'en')}`, `  Approve fewer: ${url(tokens['approve-fewer'], 'en')}`, `  Reject: ${url(tokens.reject, 'en')}`, '',
  ]);
  const text = [
    'Labdien!', '', `Jūs gaida ${items.length} brīvprātīgā darba stundu ieraksts(-i). Katra saite atver apstiprinājuma lapu; nekas netiek mainīts, kamēr lapā nenospiežat pogu.`,
    `Saites darbojas vienu reizi ${DECISION_LINK_DAYS} dienas.`, '', ...lv, '---', '',
    `${items.length} volunteer-hour entr${items.length === 1 ? 'y is' : 'ies are'} waiting for you. Each link opens a confirmation page; nothing changes until you press its button.`,
    `Links work once, for ${DECISION_LINK_DAYS} days.`, '', ...en,
  ].join('\n');
  return { subject: `Gaida apstiprināšanu: ${items.length} ieraksts(-i) / Hours waiting for approval`, text };
}
