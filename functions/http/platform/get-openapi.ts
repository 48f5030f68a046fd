// GET /openapi.json — generated from the route table and its zod schemas.
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { buildOpenApi } from '../../../lib/http/openapi.js';
import { platformRoutes } from '../../../lib/http/platform-routes.js';

let document: string | undefined;

export const handler = httpRoute(platformRoutes.openapi, () => {
  document ??= JSON.stringify(buildOpenApi());
  return new HttpResponse(200, document, { 'content-type': 'application/json' });
});
