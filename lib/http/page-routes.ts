// Pages for people without an account (spread into the route table in routes.ts): server-rendered HTML, no scripts.
import * as z from 'zod';
import { defineRoute } from './route.js';

/** The same limit as the JSON lookups by code: codes cannot be harvested by enumeration. */
const PUBLIC_LOOKUP_THROTTLE = { rate: 20, burst: 40 } as const;

/** `?lang=en|lv` overrides Accept-Language; anything else is ignored rather than refused (a page never answers JSON). */
export const pageQuery = z.object({ lang: z.string().optional().describe('lv (default) or en; overrides Accept-Language') });

export const pageRoutes = {
  certificatePage: defineRoute({
    id: 'getCertificatePage', method: 'GET', path: '/v/{code}', tag: 'pages', auth: 'public',
    summary: 'Certificate verification page (the QR code and the printed URL): status banner, holder, year, hours, tier, municipality, institutions, issue date; 404 page for an unknown code',
    params: z.object({ code: z.string().max(200).describe('Certificate code as printed or typed (case and dashes are forgiven)') }),
    query: pageQuery, produces: 'text/html', problems: [404],
    throttle: PUBLIC_LOOKUP_THROTTLE,
    entry: 'functions/http/pages/certificate-page.ts',
  }),
};
