// POST /v1/certificate-runs — a coordinator (own municipality) or the agency (one or all) starts or resumes a recognition run.
import { startRun } from '../../../lib/domain/certificates/use-cases/runs.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.startCertificateRun, ({ user, body }) => startRun(deps, user, body));
