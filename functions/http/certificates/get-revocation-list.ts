// GET /v1/municipalities/{code}/credential-revocations — the municipality's revocation list (credentialStatus), public.
import { revocationList } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.getRevocationList, ({ params }) => revocationList(deps, params.code));
