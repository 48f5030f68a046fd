// Pages for people without an account (spread into the route table in routes.ts): server-rendered HTML, no scripts.
import * as z from 'zod';
import { defineRoute } from './route.js';

/** The same limit as the JSON lookups by code: codes cannot be harvested by enumeration. */
const PUBLIC_LOOKUP_THROTTLE = { rate: 20, burst: 40 } as const;

/** `?lang=en|lv` overrides Accept-Language; anything else is ignored rather than refused (a page never answers JSON). */
export const pageQuery = z.object({ lang: z.string().optional().describe('lv (default) or en; overrides Accept-Language') });

/** Shape only; the HMAC is checked by the use case, which answers a page (never JSON) for anything else. */
const decisionToken = z.object({ token: z.string().max(200).describe('Opaque link token: a random nonce and its HMAC') });

export const pageRoutes = {
  certificatePage: defineRoute({
    id: 'getCertificatePage', method: 'GET', path: '/v/{code}', tag: 'pages', auth: 'public',
    summary: 'Certificate verification page (the QR code and the printed URL): status banner, holder, year, hours, tier, municipality, institutions, issue date; 404 page for an unknown code',
    params: z.object({ code: z.string().max(200).describe('Certificate code as printed or typed (case and dashes are forgiven)') }),
    query: pageQuery, produces: 'text/html', problems: [404],
    throttle: PUBLIC_LOOKUP_THROTTLE,
    entry: 'functions/http/pages/certificate-page.ts',
  }),
  decisionLinkPage: defineRoute({
    id: 'getDecisionLinkPage', method: 'GET', path: '/l/{token}', tag: 'pages', auth: 'public',
    summary: "A supervisor's decision link: a confirmation page that decides nothing (mail scanners and previews are harmless); expired, used or tampered links get a page saying so",
    params: decisionToken, query: pageQuery, produces: 'text/html', problems: [404, 410],
    table: 'read', uses: { linkKey: true },
    entry: 'functions/http/pages/decision-link.ts',
  }),
  decideByLink: defineRoute({
    id: 'postDecisionLink', method: 'POST', path: '/l/{token}', tag: 'pages', auth: 'public',
    summary: 'The confirmed decision of a link (form post with its CSRF token): the same decision use case as the API, the link claimed in its transaction',
    params: decisionToken, query: pageQuery, produces: 'text/html', problems: [403, 404, 409, 410, 422],
    uses: { linkKey: true },
    entry: 'functions/http/pages/decision-link.ts',
  }),
};
