// GET /v1/certificates/{code}/download — a short-lived PDF link for the holder or the municipality.
import { certificateDownload } from '../../../lib/domain/certificates/use-cases/certificates.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { certificateRoutes } from '../../../lib/http/certificate-routes.js';
import { issuingCertificateDeps } from '../../../lib/wiring/issuing.js';

const deps = issuingCertificateDeps();

export const handler = httpRoute(certificateRoutes.getCertificateDownload, ({ user, params, query }) => certificateDownload(deps, user, params.code, query.lang));
