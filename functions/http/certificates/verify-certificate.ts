// GET /v1/certificates/{code} — public verification of a certificate code.
import { verifyCertificate } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(routes.verifyCertificate, ({ params }) => verifyCertificate(deps, params.code));
