// GET /v/{code} — the certificate verification page (HTML) that the QR code and the printed URL carry.
import { verificationPage } from '../../../lib/domain/certificates/use-cases/verification-page.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { pageRoutes } from '../../../lib/http/page-routes.js';
import { renderCertificatePage } from '../../../lib/pages/certificate-page.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { PAGE_HEADERS } from '../../../lib/pages/layout.js';
import { verificationPageDeps } from '../../../lib/wiring/pages.js';

const deps = verificationPageDeps();

export const handler = httpRoute(pageRoutes.certificatePage, async ({ params, query, lang: headerLang }) => {
  const lang = pageLanguage(query, headerLang);
  const view = await verificationPage(deps, params.code);
  return new HttpResponse(view.status === 'unknown' ? 404 : 200, renderCertificatePage(view, lang), {
    ...PAGE_HEADERS, 'content-language': lang, vary: 'accept-language',
  });
});
