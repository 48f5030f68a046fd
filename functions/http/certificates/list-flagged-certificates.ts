// GET /v1/municipalities/{code}/flagged-certificates — certificates waiting for the coordinator's decision.
import { certificateSummary, flaggedCertificates } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.listFlaggedCertificates, async ({ user, params }) => ({ items: (await flaggedCertificates(deps, user, params.code)).map(certificateSummary) }));
