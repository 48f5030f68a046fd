// News of a municipality's youth house: coordinators (and the agency) write for their municipality; anyone reads current posts.
import { randomUUID } from 'node:crypto';
import { rigaDate, type Clock } from '../clock.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { BlobStore, PresignedDownload, PresignedUpload } from '../files.js';
import { assertActsFor, type User } from '../identity/types.js';
import type { MunicipalityRepository } from '../municipalities/ports.js';
import type { NewsRepository } from './feed-ports.js';
import {
  isCurrent, NEWS_IMAGE_TYPES, NEWS_IMAGE_URL_SECONDS, newsViewOf,
  type NewsImageRequest, type NewsInput, type NewsPost, type NewsView,
} from './news.js';

export interface NewsDeps {
  news: NewsRepository;
  municipalities: Pick<MunicipalityRepository, 'get'>;
  blobs: BlobStore;
  clock: Clock;
  /** The public API origin, for the image links of the views. */
  baseUrl: string;
}

/** How many current posts the public list shows at most. */
export const NEWS_LIST_LIMIT = 50;

function assertWritesNews(user: User, municipality: string): void {
  if (user.role !== 'coordinator' && user.role !== 'agency') throw new ForbiddenError(`the ${user.role} role does not write news`);
  assertActsFor(user, municipality);
}

async function loadForWriting(deps: NewsDeps, user: User, id: string): Promise<NewsPost> {
  const post = await deps.news.get(id);
  if (!post) throw new NotFoundError('news', id);
  assertWritesNews(user, post.municipality);
  return post;
}

/** 1. the caller writes for the municipality  2. it exists  3. store the post */
export async function createNews(deps: NewsDeps, user: User, municipality: string, input: NewsInput): Promise<NewsView> {
  assertWritesNews(user, municipality);
  if (!(await deps.municipalities.get(municipality))) throw new NotFoundError('municipality', municipality);
  const at = deps.clock.now().toISOString();
  const post: NewsPost = { ...input, id: randomUUID(), municipality, createdAt: at, createdBy: user.sub, updatedAt: at };
  await deps.news.create(post);
  return newsViewOf(post, deps.baseUrl);
}

/** Replaces title, text and dates (the image stays); a concurrent change is a 409. */
export async function updateNews(deps: NewsDeps, user: User, id: string, input: NewsInput): Promise<NewsView> {
  const post = await loadForWriting(deps, user, id);
  const { expiresOn: _e, ...kept } = post;
  const next: NewsPost = { ...kept, ...input, updatedAt: deps.clock.now().toISOString() };
  if (next.updatedAt <= post.updatedAt) next.updatedAt = new Date(Date.parse(post.updatedAt) + 1).toISOString();
  await deps.news.replace(next, post.updatedAt);
  return newsViewOf(next, deps.baseUrl);
}

export async function deleteNews(deps: NewsDeps, user: User, id: string): Promise<void> {
  await loadForWriting(deps, user, id);
  if (!(await deps.news.delete(id))) throw new NotFoundError('news', id);
}

/**
 * 1. load, the caller writes for the post's municipality  2. record the image (type, exact size, alt text) under a
 * fresh key, replacing any earlier one  3. pre-sign a PUT bound to that type and size, valid a few minutes
 */
export async function requestNewsImageUpload(deps: NewsDeps, user: User, id: string, request: NewsImageRequest): Promise<{ upload: PresignedUpload; news: NewsView }> {
  const post = await loadForWriting(deps, user, id);
  const at = deps.clock.now().toISOString();
  const image = { ...request, blobKey: `news/${post.municipality}/${post.id}/${randomUUID()}.${NEWS_IMAGE_TYPES[request.contentType]}`, requestedAt: at };
  const updatedAt = at > post.updatedAt ? at : new Date(Date.parse(post.updatedAt) + 1).toISOString();
  await deps.news.setImage(id, image, updatedAt, post.updatedAt);
  const upload = await deps.blobs.presignUpload(image.blobKey, { contentType: request.contentType, sizeBytes: request.sizeBytes }, NEWS_IMAGE_URL_SECONDS);
  return { upload, news: newsViewOf({ ...post, image, updatedAt }, deps.baseUrl) };
}

/** Public: the municipality's posts shown today (Europe/Riga), newest publication first. */
export async function listCurrentNews(deps: Omit<NewsDeps, 'blobs'>, municipality: string): Promise<NewsView[]> {
  if (!(await deps.municipalities.get(municipality))) throw new NotFoundError('municipality', municipality);
  return (await currentNews(deps, municipality)).map((p) => newsViewOf(p, deps.baseUrl));
}

export async function currentNews(deps: Pick<NewsDeps, 'news' | 'clock'>, municipality: string): Promise<NewsPost[]> {
  const today = rigaDate(deps.clock.now());
  // expired posts are read and dropped: a municipality writes a few posts a week, so the window stays small
  return (await deps.news.publishedBy(municipality, today, NEWS_LIST_LIMIT * 4)).filter((p) => isCurrent(p, today)).slice(0, NEWS_LIST_LIMIT);
}

/** Public: one current post (a post not yet published or expired does not exist for the public). */
export async function getNews(deps: Pick<NewsDeps, 'news' | 'clock' | 'baseUrl'>, id: string): Promise<NewsView> {
  const post = await deps.news.get(id);
  if (!post || !isCurrent(post, rigaDate(deps.clock.now()))) throw new NotFoundError('news', id);
  return newsViewOf(post, deps.baseUrl);
}

/** Public: a short-lived download URL of a current post's image, once its bytes (of the announced type and size) arrived. */
export async function newsImage(deps: Pick<NewsDeps, 'news' | 'clock' | 'blobs'>, id: string): Promise<PresignedDownload> {
  const post = await deps.news.get(id);
  if (!post || !isCurrent(post, rigaDate(deps.clock.now())) || !post.image) throw new NotFoundError('news image', id);
  const blob = await deps.blobs.head(post.image.blobKey);
  if (!blob || blob.sizeBytes !== post.image.sizeBytes) {
    throw new NotFoundError('news image', id, { lv: 'Attēls vēl nav augšupielādēts', en: 'The image has not been uploaded yet' });
  }
  const filename = `${post.id}.${NEWS_IMAGE_TYPES[post.image.contentType]}`;
  return deps.blobs.presignDownload(post.image.blobKey, { filename, expiresInSeconds: NEWS_IMAGE_URL_SECONDS });
}

