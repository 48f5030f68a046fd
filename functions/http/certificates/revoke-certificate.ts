// POST /v1/certificates/{code}/revoke — the municipality withdraws a certificate with a reason.
import { certificateSummary, revokeCertificate } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.revokeCertificate, async ({ user, params, body }) => certificateSummary(await revokeCertificate(deps, user, params.code, body.reason)));
