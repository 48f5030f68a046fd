// POST /v1/certificates/{code}/keep — the municipality keeps a certificate flagged after a reversal.
import { certificateSummary, keepCertificate } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(routes.keepCertificate, async ({ user, params }) => certificateSummary(await keepCertificate(deps, user, params.code)));
