// How large an application may grow: DynamoDB refuses items over 400 KB, so the domain refuses first, with a 422.
import { RuleViolation } from '../errors.js';
import type { Application } from './types.js';

/**
 * The most UTF-8 bytes the application's head may take as JSON. The schema's per-field limits allow far more
 * (100 activities × 4,000 characters, 200 comments per return round, rounds accumulating, 50 reasons), and a frozen version
 * copies the content, so the whole head is measured, with room left under the 400 KB item limit.
 */
export const MAX_APPLICATION_BYTES = 300_000;

export const applicationBytes = (app: Application): number => new TextEncoder().encode(JSON.stringify(app)).length;

/** Refuses (422 `application.too-large`) an application whose head would not fit one table item; `field` names the growing part. */
export function assertStorable(app: Application, field: 'content' | 'comments' | 'reasons'): void {
  const bytes = applicationBytes(app);
  if (bytes <= MAX_APPLICATION_BYTES) return;
  const kb = (n: number) => Math.ceil(n / 1000);
  throw new RuleViolation('application.too-large', {
    lv: `Pieteikums ir pārāk liels (${kb(bytes)} kB, atļauti ${kb(MAX_APPLICATION_BYTES)} kB): saīsiniet tekstus`,
    en: `The application is too large (${kb(bytes)} kB, at most ${kb(MAX_APPLICATION_BYTES)} kB): shorten the texts`,
  }, field);
}
