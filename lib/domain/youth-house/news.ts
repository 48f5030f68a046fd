// News posts of a municipality's youth house (jaunumi): bilingual text, optional image, publish and expiry dates.
import * as z from 'zod';
import { municipalityCode } from '../municipalities/types.js';

const bilingual = (max: number) => z.object({ lv: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max).optional() }).strict();
const day = z.iso.date();

export const newsInputSchema = z.object({
  title: bilingual(200),
  text: bilingual(10_000),
  /** First day shown (Europe/Riga). */
  publishOn: day.describe('First day the post is shown, YYYY-MM-DD (Europe/Riga)'),
  /** Last day shown (inclusive); absent: shown until withdrawn. */
  expiresOn: day.optional().describe('Last day the post is shown, YYYY-MM-DD (inclusive)'),
}).strict().refine((n) => n.expiresOn === undefined || n.expiresOn >= n.publishOn, {
  message: 'the expiry must not be before the publication', path: ['expiresOn'], params: { rule: 'expiry-not-before-publication' },
});
export type NewsInput = z.infer<typeof newsInputSchema>;

/** Image types a post may carry, with the extension their stored key gets. */
export const NEWS_IMAGE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type NewsImageType = keyof typeof NEWS_IMAGE_TYPES;
export const MAX_NEWS_IMAGE_BYTES = 5 * 1024 * 1024;
/** Pre-signed URLs live this long (upload by the coordinator, the public redirect to the image). */
export const NEWS_IMAGE_URL_SECONDS = 300;

export const newsImageRequestSchema = z.object({
  contentType: z.enum(Object.keys(NEWS_IMAGE_TYPES) as [NewsImageType, ...NewsImageType[]]),
  sizeBytes: z.number().int().min(1).max(MAX_NEWS_IMAGE_BYTES, 'at most 5 MB'),
  alt: bilingual(300).optional().describe('Text alternative of the image'),
}).strict();
export type NewsImageRequest = z.infer<typeof newsImageRequestSchema>;

export interface NewsImage extends NewsImageRequest {
  /** Where the bytes are (files bucket, under news/). */
  blobKey: string;
  requestedAt: string;
}

export interface NewsPost extends NewsInput {
  id: string;
  municipality: string;
  image?: NewsImage;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export const newsViewSchema = z.object({
  id: z.uuid(), municipality: municipalityCode, title: bilingual(200), text: bilingual(10_000), publishOn: z.string(), expiresOn: z.string().optional(),
  image: z.object({ url: z.string().describe('Redirects to the image while it is uploaded'), contentType: z.string(), alt: bilingual(300).optional() }).optional(),
  createdAt: z.string(), updatedAt: z.string(),
});
export type NewsView = z.infer<typeof newsViewSchema>;

/** Shown on `today` (Europe/Riga): published on or before it and not yet expired. */
export function isCurrent(post: Pick<NewsPost, 'publishOn' | 'expiresOn'>, today: string): boolean {
  return post.publishOn <= today && (post.expiresOn === undefined || today <= post.expiresOn);
}

/** The public view: the image as the API path that redirects to it (absolute when `base` is given). */
export function newsViewOf(post: NewsPost, base = ''): NewsView {
  const { createdBy: _c, image, ...rest } = post;
  return {
    ...rest,
    ...(image ? { image: { url: `${base}/v1/news/${post.id}/image`, contentType: image.contentType, ...(image.alt ? { alt: image.alt } : {}) } } : {}),
  };
}
