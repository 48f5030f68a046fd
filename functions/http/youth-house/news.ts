// The youth house's news: coordinators write posts and announce their images; anyone reads current posts and images.
import type { Context } from 'aws-lambda';
import {
  createNews, deleteNews, getNews, listCurrentNews, newsImage, requestNewsImageUpload, updateNews,
} from '../../../lib/domain/youth-house/news-use-cases.js';
import { HttpResponse, httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { youthHouseFeedRoutes as routes } from '../../../lib/http/youth-house-feed-routes.js';
import { newsDeps } from '../../../lib/wiring/youth-house-feeds.js';

const deps = newsDeps();

const BY_ROUTE = {
  [`${routes.createNews.method} ${routes.createNews.path}`]: httpRoute(routes.createNews, async ({ user, params, body }) => {
    const post = await createNews(deps, user, params.code, body);
    return new HttpResponse(201, post, { location: `/v1/news/${post.id}` });
  }),
  [`${routes.listNews.method} ${routes.listNews.path}`]: httpRoute(routes.listNews, async ({ params }) => ({ items: await listCurrentNews(deps, params.code) })),
  [`${routes.getNews.method} ${routes.getNews.path}`]: httpRoute(routes.getNews, ({ params }) => getNews(deps, params.newsId)),
  [`${routes.updateNews.method} ${routes.updateNews.path}`]: httpRoute(routes.updateNews, ({ user, params, body }) => updateNews(deps, user, params.newsId, body)),
  [`${routes.deleteNews.method} ${routes.deleteNews.path}`]: httpRoute(routes.deleteNews, async ({ user, params }) => {
    await deleteNews(deps, user, params.newsId);
    return new HttpResponse(204, undefined);
  }),
  [`${routes.requestNewsImageUpload.method} ${routes.requestNewsImageUpload.path}`]: httpRoute(routes.requestNewsImageUpload, async ({ user, params, body }) =>
    new HttpResponse(201, await requestNewsImageUpload(deps, user, params.newsId, body))),
  [`${routes.getNewsImage.method} ${routes.getNewsImage.path}`]: httpRoute(routes.getNewsImage, async ({ params }) => {
    const { url } = await newsImage(deps, params.newsId);
    // the signed URL lives minutes: caches must not keep the redirect longer
    return new HttpResponse(302, undefined, { location: url, 'cache-control': 'public, max-age=60' });
  }),
};

/** One function serves the news routes; the route key picks the route. */
export const handler = (event: HttpEvent, context: Context) => {
  const fn = BY_ROUTE[event.routeKey];
  if (!fn) throw new Error(`no handler for ${event.routeKey}`);
  return fn(event, context);
};
