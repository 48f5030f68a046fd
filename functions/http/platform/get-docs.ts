// GET /docs and /docs/{asset} — the API reference page, Swagger UI served from the swagger-ui-dist package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { NotFoundError } from '../../../lib/domain/errors.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { platformRoutes } from '../../../lib/http/platform-routes.js';

const PAGE = `<!doctype html>
<html lang="lv">
<head><meta charset="utf-8"><title>Jaunatnes darba platforma — API</title>
<link rel="stylesheet" href="docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script><script src="docs/init.js"></script></body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

const TYPES: Record<string, string> = { js: 'application/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const CACHE = { 'cache-control': 'public, max-age=86400' };
const CSP = { 'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'" };

/** In the Lambda bundle the files sit in docs-assets/ beside the handler; locally they come from node_modules. */
function readAsset(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    return readFileSync(join(here, 'docs-assets', name), 'utf8');
  } catch {
    return readFileSync(createRequire(import.meta.url).resolve(`swagger-ui-dist/${name}`), 'utf8');
  }
}

const cache = new Map<string, string>();

const page = httpRoute(platformRoutes.docs, () => new HttpResponse(200, PAGE, { 'content-type': 'text/html; charset=utf-8', ...CSP }));

const asset = httpRoute(platformRoutes.docsAsset, ({ params }) => {
  if (params.asset === 'init.js') return new HttpResponse(200, INIT, { 'content-type': TYPES.js!, ...CACHE });
  let text = cache.get(params.asset);
  if (!text) {
    try { text = readAsset(params.asset); } catch { throw new NotFoundError('asset', params.asset); }
    cache.set(params.asset, text);
  }
  return new HttpResponse(200, text, { 'content-type': TYPES[params.asset.split('.').pop()!]!, ...CACHE });
});

/** One function serves both routes: the page and its assets. */
export const handler = (event: HttpEvent, context: Context) =>
  event.pathParameters?.asset === undefined ? page(event, context) : asset(event, context);
