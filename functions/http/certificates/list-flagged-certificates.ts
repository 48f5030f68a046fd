// GET /v1/municipalities/{code}/flagged-certificates — certificates waiting for the coordinator's decision.
import { certificateSummary, flaggedCertificates } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(routes.listFlaggedCertificates, async ({ user, params }) => ({ items: (await flaggedCertificates(deps, user, params.code)).map(certificateSummary) }));
