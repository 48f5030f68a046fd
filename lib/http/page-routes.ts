// Pages for people without an account (spread into the route table in routes.ts): server-rendered HTML, no scripts.
import * as z from 'zod';
import { CONSENT_STATUSES, consentRequestSchema, consentViewSchema, consentWithdrawalSchema, paperConsentSchema, scanRequestSchema } from '../domain/hours/consent.js';
import { municipalityCode } from '../domain/municipalities/types.js';
import { defineRoute } from './route.js';

/** The same limit as the JSON lookups by code: codes cannot be harvested by enumeration. */
const PUBLIC_LOOKUP_THROTTLE = { rate: 20, burst: 40 } as const;

import { pageQuery } from './page-query.js';

export { pageQuery };

/** Shape only; the HMAC is checked by the use case, which answers a page (never JSON) for anything else. */
const decisionToken = z.object({ token: z.string().max(200).describe('Opaque link token: a random nonce and its HMAC') });

const CONSENT_API = 'functions/http/pages/guardian-consent.ts';
const volunteerId = z.object({ id: z.string().min(1).max(128).describe("The volunteer's user id") });
const uploadSchema = z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() });

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
  consentPage: defineRoute({
    id: 'getConsentLinkPage', method: 'GET', path: '/c/{token}', tag: 'pages', auth: 'public',
    summary: "A guardian's consent link: what they consent to (programme, municipality, the law's conditions) and the button; once given, the same link withdraws. GET records nothing",
    params: decisionToken, query: pageQuery, produces: 'text/html', problems: [404, 410],
    table: 'read', uses: { linkKey: true },
    entry: 'functions/http/pages/consent-link.ts',
  }),
  consentByLink: defineRoute({
    id: 'postConsentLink', method: 'POST', path: '/c/{token}', tag: 'pages', auth: 'public',
    summary: "The guardian's confirmed consent or withdrawal (form post with its CSRF token and the hash of the text shown): who, relation, time, IP, user agent and text hash are recorded",
    params: decisionToken, query: pageQuery, produces: 'text/html', problems: [404, 409, 410],
    uses: { linkKey: true, mail: true },
    entry: 'functions/http/pages/consent-link.ts',
  }),
  requestGuardianConsent: defineRoute({
    id: 'requestGuardianConsent', method: 'POST', path: '/v1/volunteers/me/guardian-consent', tag: 'consent', auth: ['youth'],
    summary: "A young person at or under the programme's consent age names their legal representative, who is emailed a signed single-use link (7 days); asking again supersedes the older link",
    body: consentRequestSchema, response: z.object({ consent: consentViewSchema, emailed: z.boolean() }), successStatus: 201,
    problems: [404, 409, 422], uses: { linkKey: true, mail: true },
    entry: CONSENT_API,
  }),
  getMyGuardianConsent: defineRoute({
    id: 'getMyGuardianConsent', method: 'GET', path: '/v1/volunteers/me/guardian-consent', tag: 'consent', auth: ['youth'],
    summary: 'My guardian consent: requested, given (how and when) or withdrawn',
    response: consentViewSchema, problems: [404],
    entry: CONSENT_API,
  }),
  getGuardianConsent: defineRoute({
    id: 'getGuardianConsent', method: 'GET', path: '/v1/guardian-consents/{id}', tag: 'consent', auth: ['coordinator'],
    summary: "A volunteer's guardian consent record with its evidence (link: IP, user agent, text hash; paper: form date and scan)",
    params: volunteerId, response: consentViewSchema, problems: [404],
    entry: CONSENT_API,
  }),
  requestConsentScanUpload: defineRoute({
    id: 'requestConsentScanUpload', method: 'POST', path: '/v1/guardian-consents/{id}/scan', tag: 'consent', auth: ['coordinator'],
    summary: 'Announce the scan of a signed paper consent form (PDF, JPEG or PNG, at most 10 MB) and get a pre-signed PUT URL valid 5 minutes',
    params: volunteerId, body: scanRequestSchema, response: z.object({ scanId: z.string(), upload: uploadSchema }), successStatus: 201,
    problems: [404], uses: { files: 'readWrite', filesPrefix: 'consents' },
    entry: CONSENT_API,
  }),
  recordPaperConsent: defineRoute({
    id: 'recordPaperConsent', method: 'PUT', path: '/v1/guardian-consents/{id}', tag: 'consent', auth: ['coordinator'],
    summary: "Record a guardian's signed paper consent with its uploaded scan, instead of the email link (replaces any earlier record)",
    params: volunteerId, body: paperConsentSchema, response: consentViewSchema,
    problems: [404, 409, 422], uses: { files: 'readWrite', filesPrefix: 'consents' },
    entry: CONSENT_API,
  }),
  recordConsentWithdrawal: defineRoute({
    id: 'recordConsentWithdrawal', method: 'POST', path: '/v1/guardian-consents/{id}/withdrawal', tag: 'consent', auth: ['coordinator'],
    summary: "Record a guardian's withdrawal that reached the municipality outside the link (a letter, a form, in person), of a consent given by link or on paper: no new hours or sign-ups from then on",
    params: volunteerId, body: consentWithdrawalSchema, response: consentViewSchema,
    problems: [404, 409, 422],
    entry: CONSENT_API,
  }),
  listGuardianConsents: defineRoute({
    id: 'listGuardianConsents', method: 'GET', path: '/v1/municipalities/{code}/guardian-consents', tag: 'consent', auth: ['coordinator'],
    summary: "The municipality's guardian consents in one status, most recently changed first (status=withdrawn: the withdrawals to act on)",
    params: z.object({ code: municipalityCode }), query: z.object({ status: z.enum(CONSENT_STATUSES).default('withdrawn') }),
    response: z.object({ items: z.array(consentViewSchema) }),
    entry: CONSENT_API,
  }),
  setSupervisorDigest: defineRoute({
    id: 'setSupervisorDigest', method: 'PUT', path: '/v1/supervisors/me/digest', tag: 'pages', auth: ['supervisor'],
    summary: "Turn my daily email of pending entries on or off (sent to my account's email at the programme's digest hour, only when something is pending, with approve / approve fewer / reject links)",
    body: z.object({ enabled: z.boolean() }).strict(), response: z.object({ enabled: z.boolean(), email: z.string().nullable() }),
    problems: [422],
    entry: 'functions/http/pages/supervisor-digest.ts',
  }),
};
