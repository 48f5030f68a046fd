// What every link page with a form shares: GET shows, POST acts. The form arrives url-encoded (the middleware parses
// JSON only), so the handler keeps the raw body and source IP by the event's headers object; a cross-site post (an
// Origin of another host, or "null") is refused like a missing CSRF token; pages are never cached.
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResult } from '../http/http-route.js';
import { PAGE_HEADERS } from './layout.js';

/** The headers of every link page: the page's CSP and frame rules, never stored, varying by language. */
export const LINK_PAGE_HEADERS = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'accept-language' };

/** The largest form read; anything beyond is cut off (no page's form comes near it). */
const MAX_FORM_CHARS = 10_000;

const posted = new WeakMap<object, { body: string; ip: string }>();

export interface PostedForm {
  form: URLSearchParams;
  /** The request's source IP as API Gateway saw it ('' when unknown). */
  ip: string;
  /** False for a post another site's page made (its Origin is another host or "null"). */
  sameOrigin: boolean;
}

/** The form of the POST whose headers these are (empty outside a `formPageHandler`). */
export function postedForm(headers: Record<string, string | undefined>): PostedForm {
  const request = posted.get(headers);
  const origin = headers.origin;
  return {
    form: new URLSearchParams(request?.body ?? ''),
    ip: request?.ip ?? '',
    sameOrigin: origin === undefined || (origin !== 'null' && URL.parse(origin)?.host === headers.host),
  };
}

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** One Lambda handler for a page's GET (`show`) and POST (`submit`, which reads `postedForm(headers)`). */
export function formPageHandler(show: Handler, submit: Handler): Handler {
  return async (event, context) => {
    if (event.requestContext?.http?.method !== 'POST') return show(event, context);
    event.headers ??= {};
    const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
    posted.set(event.headers, { body: body.slice(0, MAX_FORM_CHARS), ip: event.requestContext?.http?.sourceIp ?? '' });
    return submit(event, context);
  };
}
