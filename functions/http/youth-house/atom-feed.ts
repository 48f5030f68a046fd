// The municipality's Atom feed of news and new opportunities (no login).
import { atomFeed } from '../../../lib/domain/youth-house/feed-use-cases.js';
import { ATOM_CONTENT_TYPE, renderAtom } from '../../../lib/feeds/atom.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { youthHouseFeedRoutes as routes } from '../../../lib/http/youth-house-feed-routes.js';
import { feedDeps } from '../../../lib/wiring/youth-house-feeds.js';

const deps = feedDeps();

export const handler = httpRoute(routes.getAtomFeed, async ({ params, query, lang }) => {
  const doc = await atomFeed(deps, params.code, query.lang ?? lang);
  return new HttpResponse(200, renderAtom(doc), { 'content-type': ATOM_CONTENT_TYPE, 'content-language': doc.language });
});
