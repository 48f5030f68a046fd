// GET /openapi.json — generated from the route table and its zod schemas.
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { buildOpenApi } from '../../../lib/http/openapi.js';
import { routes } from '../../../lib/http/routes.js';

let document: string | undefined;

export const handler = httpRoute(routes.openapi, () => {
  document ??= JSON.stringify(buildOpenApi());
  return new HttpResponse(200, document, { 'content-type': 'application/json' });
});
