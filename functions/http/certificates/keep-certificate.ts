// POST /v1/certificates/{code}/keep — the municipality keeps a certificate flagged after a reversal.
import { certificateSummary, keepCertificate } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.keepCertificate, async ({ user, params }) => certificateSummary(await keepCertificate(deps, user, params.code)));
