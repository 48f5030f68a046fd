// What news, the feeds and the private calendar links need from storage (beside YouthHouseRepository in ports.ts).
import type { NewsImage, NewsPost } from './news.js';
import type { FeedOpportunity } from './feeds.js';
import type { Opportunity, SignUp } from './types.js';

export interface NewsRepository {
  /** ConflictError when the id exists. */
  create(post: NewsPost): Promise<void>;
  /** Strongly consistent. */
  get(id: string): Promise<NewsPost | undefined>;
  /** Replaces the post while it is still at `expectedUpdatedAt` (ConflictError otherwise). */
  replace(post: NewsPost, expectedUpdatedAt: string): Promise<void>;
  /** Sets the announced image while the post is still at `expectedUpdatedAt` (ConflictError otherwise). */
  setImage(id: string, image: NewsImage, at: string, expectedUpdatedAt: string): Promise<void>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
  /** A municipality's posts published on or before `onOrBefore`, newest publication first, at most `limit`. */
  publishedBy(municipality: string, onOrBefore: string, limit: number): Promise<NewsPost[]>;
}

export interface FeedReader {
  /** Non-draft opportunities (published, closed, cancelled) of a municipality whose last shift ends at or after `endsFrom`. */
  calendarOpportunities(municipality: string, endsFrom: string): Promise<FeedOpportunity[]>;
  /** Every sign-up of a youth (cancelled ones too) for shifts dated from..to inclusive. */
  signUpsOf(youthId: string, from: string, to: string): Promise<SignUp[]>;
  /** Opportunities by id (missing ones left out). */
  opportunities(ids: readonly string[]): Promise<Opportunity[]>;
}

export interface CalendarLink {
  youthId: string;
  /** SHA-256 of the token (hex): the token itself is never stored. */
  tokenHash: string;
  createdAt: string;
}

export interface CalendarTokenRepository {
  /** The youth's current link, if any. */
  current(youthId: string): Promise<CalendarLink | undefined>;
  /** Puts the new link and deletes `replacing` (the current one) in one transaction; ConflictError when it changed meanwhile. */
  rotate(link: CalendarLink, replacing: CalendarLink | undefined): Promise<void>;
  /** Deletes the link (pointer and token) in one transaction; false when there was none. */
  revoke(link: CalendarLink): Promise<boolean>;
  /** Whose link the token hash is. */
  resolve(tokenHash: string): Promise<string | undefined>;
}
