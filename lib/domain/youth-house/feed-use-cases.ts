// The municipality's feeds (Atom of news and opportunities, iCalendar of upcoming shifts) and a youth's private
// calendar behind an unguessable, revocable link.
import { createHash, randomBytes } from 'node:crypto';
import { rigaDate, type Clock } from '../clock.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { User } from '../identity/types.js';
import type { MunicipalityRepository } from '../municipalities/ports.js';
import type { CalendarTokenRepository, FeedReader, NewsRepository } from './feed-ports.js';
import { municipalityCalendar, municipalityFeed, personalCalendar, type CalendarDocument, type FeedDocument } from './feeds.js';
import { currentNews } from './news-use-cases.js';

export interface FeedDeps {
  feeds: FeedReader;
  news: NewsRepository;
  calendarTokens: CalendarTokenRepository;
  municipalities: Pick<MunicipalityRepository, 'get'>;
  clock: Clock;
  baseUrl: string;
}

/** The private calendar covers sign-ups from this many days back (cancellations reach calendars that synced late). */
const PERSONAL_PAST_DAYS = 30;
const PERSONAL_AHEAD_DAYS = 400;

const addDays = (at: Date, days: number) => rigaDate(new Date(at.getTime() + days * 86_400_000));

async function municipalityName(deps: Pick<FeedDeps, 'municipalities'>, code: string, lang: 'lv' | 'en'): Promise<string> {
  const m = await deps.municipalities.get(code);
  if (!m) throw new NotFoundError('municipality', code);
  return lang === 'en' ? m.nameEn : m.name;
}

/** Public: current news and published opportunities with shifts ahead, newest first. */
export async function atomFeed(deps: FeedDeps, municipality: string, lang: 'lv' | 'en'): Promise<FeedDocument> {
  const name = await municipalityName(deps, municipality, lang);
  const now = deps.clock.now();
  const [news, opportunities] = await Promise.all([currentNews(deps, municipality), deps.feeds.calendarOpportunities(municipality, now.toISOString())]);
  const self = `${deps.baseUrl}/v1/municipalities/${municipality}/feed.atom`;
  return municipalityFeed({ municipality, name, self }, news, opportunities, now, rigaDate(now), deps.baseUrl, lang);
}

/** Public: every upcoming shift of the municipality's published, closed and cancelled opportunities. */
export async function shiftCalendar(deps: FeedDeps, municipality: string, lang: 'lv' | 'en'): Promise<CalendarDocument> {
  const name = await municipalityName(deps, municipality, lang);
  const now = deps.clock.now();
  const opportunities = await deps.feeds.calendarOpportunities(municipality, now.toISOString());
  return municipalityCalendar(lang === 'en' ? `${name}: youth opportunities` : `${name}: jauniešu iespējas`, opportunities, now, deps.baseUrl, lang);
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface CalendarLinkView {
  url: string;
  createdAt: string;
}

/**
 * A youth gets a new private calendar URL: 256 random bits, stored only as their SHA-256, replacing (and so
 * revoking) any earlier one in the same transaction. The URL is shown once; a lost one is rotated.
 */
export async function rotateCalendarLink(deps: FeedDeps, user: User): Promise<CalendarLinkView> {
  if (user.role !== 'youth') throw new ForbiddenError('only young people have a shift calendar');
  const token = randomBytes(32).toString('base64url');
  const createdAt = deps.clock.now().toISOString();
  await deps.calendarTokens.rotate({ youthId: user.sub, tokenHash: hashToken(token), createdAt }, await deps.calendarTokens.current(user.sub));
  return { url: `${deps.baseUrl}/v1/calendars/${token}`, createdAt };
}

/** Whether the youth has a link, and since when (the URL itself cannot be shown again). */
export async function calendarLinkStatus(deps: FeedDeps, user: User): Promise<{ active: boolean; createdAt?: string }> {
  if (user.role !== 'youth') throw new ForbiddenError('only young people have a shift calendar');
  const link = await deps.calendarTokens.current(user.sub);
  return link ? { active: true, createdAt: link.createdAt } : { active: false };
}

export async function revokeCalendarLink(deps: FeedDeps, user: User): Promise<void> {
  if (user.role !== 'youth') throw new ForbiddenError('only young people have a shift calendar');
  const link = await deps.calendarTokens.current(user.sub);
  if (!link || !(await deps.calendarTokens.revoke(link))) throw new NotFoundError('calendar link', user.sub);
}

/** Public with the token: the youth's own shifts. An unknown or revoked token is a 404, like any URL that never existed. */
export async function personalShiftCalendar(deps: FeedDeps, token: string, lang: 'lv' | 'en'): Promise<CalendarDocument> {
  const youthId = TOKEN.test(token) ? await deps.calendarTokens.resolve(hashToken(token)) : undefined;
  if (!youthId) throw new NotFoundError('calendar', 'link');
  const now = deps.clock.now();
  const signUps = await deps.feeds.signUpsOf(youthId, addDays(now, -PERSONAL_PAST_DAYS), addDays(now, PERSONAL_AHEAD_DAYS));
  const opportunities = await deps.feeds.opportunities([...new Set(signUps.map((s) => s.opportunityId))]);
  return personalCalendar(lang === 'en' ? 'My youth house shifts' : 'Manas maiņas jauniešu mājā', signUps, opportunities, deps.baseUrl, lang);
}
