// GET /.well-known/jwks.json — the municipalities' public issuer keys.
import { issuerJwks } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { certificateDeps } from '../../../lib/wiring/deps.js';

const deps = certificateDeps();

export const handler = httpRoute(routes.getIssuerJwks, () => issuerJwks(deps));
