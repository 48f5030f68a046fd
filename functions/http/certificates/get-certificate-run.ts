// GET /v1/certificate-runs/{id} — a run's progress (issued / skipped / failed).
import { getRun } from '../../../lib/domain/certificates/use-cases/runs.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.getCertificateRun, ({ user, params }) => getRun(deps, user, params.id));
