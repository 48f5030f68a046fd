// GET /.well-known/jwks.json — the municipalities' public issuer keys.
import { issuerJwks } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(certificateRoutes.getIssuerJwks, () => issuerJwks(deps));
