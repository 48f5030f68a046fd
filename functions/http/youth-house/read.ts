// The youth house's public reads (no login): a municipality's opportunities, and one with its places and JSON-LD.
import type { Context } from 'aws-lambda';
import { jsonLdOf } from '../../../lib/domain/youth-house/json-ld.js';
import { getOpportunity, listOpportunities } from '../../../lib/domain/youth-house/use-cases.js';
import { httpRoute, type HttpEvent } from '../../../lib/http/http-route.js';
import { youthHouseRoutes } from '../../../lib/http/youth-house-routes.js';
import { youthHouseDeps } from '../../../lib/wiring/youth-house.js';

const deps = youthHouseDeps();
const base = () => process.env.PUBLIC_BASE_URL ?? '';

const list = httpRoute(youthHouseRoutes.listOpportunities, ({ params, query }) => {
  const { limit, cursor, ...filter } = query;
  return listOpportunities(deps, params.code, filter, limit ?? 20, cursor);
});
const one = httpRoute(youthHouseRoutes.getOpportunity, async ({ params }) => {
  const o = await getOpportunity(deps, params.opportunityId);
  return { ...o, jsonLd: jsonLdOf(o, `${base()}/v1/opportunities/${o.id}`) };
});

export const handler = (event: HttpEvent, context: Context) =>
  (event.routeKey === `${youthHouseRoutes.getOpportunity.method} ${youthHouseRoutes.getOpportunity.path}` ? one : list)(event, context);
