// Certificate routes (spread into the route table in routes.ts): runs, public verification, credentials, downloads, decisions.
import * as z from 'zod';
import { runViewSchema, verificationSchema } from '../domain/certificates/types.js';
import { municipalityCode } from '../domain/municipalities/types.js';
import { defineRoute } from './route.js';

const COORDINATION = ['coordinator', 'agency'] as const;
const certificateCode = z.object({ code: z.string().trim().min(1).max(40).describe('Certificate code, e.g. LV042-2025-7K3Q-M9XD (case and dashes are forgiven)') });
const requiredYear = z.object({ year: z.string().regex(/^20[0-9]{2}$/, 'must be a year such as 2025').transform(Number) });
const certificateSummarySchema = z.object({
  code: z.string(), programme: z.string(), year: z.number().int(), volunteerId: z.string(), holderName: z.string(),
  totalMinutes: z.number().int(), tier: z.string().nullable(), issuedAt: z.string(), status: z.enum(['valid', 'flagged', 'revoked']),
  flag: z.object({ reason: z.string(), approvedMinutes: z.number(), at: z.string() }).nullable(),
  revocation: z.object({ reason: z.string(), at: z.string(), by: z.string() }).nullable(),
});

/** Public verification by code: rate-limited so codes cannot be harvested by enumeration. */
const PUBLIC_LOOKUP_THROTTLE = { rate: 20, burst: 40 } as const;

export const certificateRoutes = {
  startCertificateRun: defineRoute({
    id: 'startCertificateRun', method: 'POST', path: '/v1/certificate-runs', tag: 'certificates', auth: COORDINATION,
    summary: 'Start a recognition run for a year (a coordinator for their municipality, the agency for one or all); an unfinished run of the same scope and year is resumed',
    body: z.object({ year: z.number().int().min(2000).max(2099), municipality: municipalityCode.optional() }).strict(),
    response: runViewSchema, successStatus: 202, problems: [404, 422],
    uses: { certificateQueue: true },
    entry: 'functions/http/certificates/start-certificate-run.ts',
  }),
  getCertificateRun: defineRoute({
    id: 'getCertificateRun', method: 'GET', path: '/v1/certificate-runs/{id}', tag: 'certificates', auth: COORDINATION,
    summary: 'Progress of a run: eligible, batches done, certificates issued / skipped / failed',
    params: z.object({ id: z.string().min(1).max(64) }), response: runViewSchema, problems: [404],
    entry: 'functions/http/certificates/get-certificate-run.ts',
  }),
  verifyCertificate: defineRoute({
    id: 'verifyCertificate', method: 'GET', path: '/v1/certificates/{code}', tag: 'certificates', auth: 'public',
    summary: 'Public verification: status (valid / revoked with reason), holder, year, hours, municipality — nothing else. A browser (Accept ranking text/html above JSON) is redirected (303) to the page /v/{code}',
    params: certificateCode, response: verificationSchema, problems: [404],
    throttle: PUBLIC_LOOKUP_THROTTLE,
    entry: 'functions/http/certificates/verify-certificate.ts',
  }),
  getCertificateCredential: defineRoute({
    id: 'getCertificateCredential', method: 'GET', path: '/v1/certificates/{code}/credential', tag: 'certificates', auth: 'public',
    summary: 'The certificate as an Open Badges 3.0 OpenBadgeCredential signed as a VC-JWT (keys at /.well-known/jwks.json)',
    params: certificateCode, produces: 'application/vc+jwt', problems: [404],
    throttle: PUBLIC_LOOKUP_THROTTLE,
    entry: 'functions/http/certificates/get-certificate-credential.ts',
  }),
  getCertificateDownload: defineRoute({
    id: 'getCertificateDownload', method: 'GET', path: '/v1/certificates/{code}/download', tag: 'certificates', auth: ['youth', 'coordinator', 'agency'],
    summary: 'A short-lived link to the certificate PDF, for its holder or the municipality (lang=en for the English one)',
    params: certificateCode, query: z.object({ lang: z.enum(['lv', 'en']).default('lv') }),
    response: z.object({ url: z.string(), expiresAt: z.string() }), problems: [404],
    uses: { files: 'readWrite', filesPrefix: 'certificates', fonts: true }, memoryMb: 1024,
    entry: 'functions/http/certificates/get-certificate-download.ts',
  }),
  revokeCertificate: defineRoute({
    id: 'revokeCertificate', method: 'POST', path: '/v1/certificates/{code}/revoke', tag: 'certificates', auth: COORDINATION,
    summary: 'Revoke a certificate with a reason (shows at the verification URL and in the revocation list)',
    params: certificateCode, body: z.object({ reason: z.string().trim().min(1).max(500) }).strict(),
    response: certificateSummarySchema, problems: [404, 409],
    entry: 'functions/http/certificates/revoke-certificate.ts',
  }),
  keepCertificate: defineRoute({
    id: 'keepCertificate', method: 'POST', path: '/v1/certificates/{code}/keep', tag: 'certificates', auth: COORDINATION,
    summary: 'Keep a certificate flagged after a reversal (the flag is cleared)',
    params: certificateCode, response: certificateSummarySchema, problems: [404, 409],
    entry: 'functions/http/certificates/keep-certificate.ts',
  }),
  listFlaggedCertificates: defineRoute({
    id: 'listFlaggedCertificates', method: 'GET', path: '/v1/municipalities/{code}/flagged-certificates', tag: 'certificates', auth: COORDINATION,
    summary: 'Certificates flagged after a reversal dropped the holder below the threshold, oldest first',
    params: z.object({ code: municipalityCode }), response: z.object({ items: z.array(certificateSummarySchema) }),
    entry: 'functions/http/certificates/list-flagged-certificates.ts',
  }),
  getCertificateRoster: defineRoute({
    id: 'getCertificateRoster', method: 'GET', path: '/v1/municipalities/{code}/certificate-roster.csv', tag: 'certificates', auth: COORDINATION,
    summary: 'The recognition event roster: every volunteer holding a (not revoked) certificate of the year, as CSV',
    params: z.object({ code: municipalityCode }), query: requiredYear, produces: 'text/csv', problems: [404],
    entry: 'functions/http/certificates/get-certificate-roster.ts',
  }),
  getRevocationList: defineRoute({
    id: 'getRevocationList', method: 'GET', path: '/v1/municipalities/{code}/credential-revocations', tag: 'certificates', auth: 'public',
    summary: "The municipality's 1EdTechRevocationList: the credentialStatus every credential it issued points at",
    params: z.object({ code: municipalityCode }),
    response: z.object({ id: z.string(), issuer: z.string(), revokedCredentials: z.array(z.object({ id: z.string(), revocationReason: z.string(), revokedAt: z.string() })) }),
    entry: 'functions/http/certificates/get-revocation-list.ts',
  }),
  getIssuerJwks: defineRoute({
    id: 'getIssuerJwks', method: 'GET', path: '/.well-known/jwks.json', tag: 'certificates', auth: 'public',
    summary: 'Public issuer keys (Ed25519) of every municipality, for verifying certificate VC-JWTs',
    response: z.object({ keys: z.array(z.looseObject({ kid: z.string(), kty: z.string() })) }),
    entry: 'functions/http/certificates/get-issuer-jwks.ts',
  }),
};
