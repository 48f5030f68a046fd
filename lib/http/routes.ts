// The route table: every HTTP route of the API, once. Infra, the local gateway and OpenAPI all read this list.
// Each route lives in the list of its bounded context (one file per context); infra deploys a context per stack.
// A function imports its context's list, never this file, so its bundle holds only its own routes' schemas.
import { accountRoutes } from './account-routes.js';
import { accountMoveRoutes } from './account-move-routes.js';
import { accountSelfRoutes } from './account-self-routes.js';
import { allocationRoutes } from './allocation-routes.js';
import { applicationRoutes } from './application-routes.js';
import type { RouteDef } from './route.js';
import { hoursRoutes } from './hours-routes.js';
import { certificateRoutes } from './certificate-routes.js';
import { pageRoutes } from './page-routes.js';
import { platformRoutes } from './platform-routes.js';
import { youthHouseRoutes } from './youth-house-routes.js';
import { youthHouseFeedRoutes } from './youth-house-feed-routes.js';

/**
 * The bounded contexts and their routes: platform (incl. identity, municipalities), hours (volunteers,
 * institutions, programmes), certificates, allocation (incl. head-counts), applications, pages (HTML for people
 * without an account), the youth house and accounts (staff invitations and users; a young person's export and closure). A new route goes
 * into its context's list; a new context is a new entry here (and gets its own stack).
 */
export const routesByContext = {
  platform: platformRoutes,
  applications: applicationRoutes,
  allocation: allocationRoutes,
  hours: hoursRoutes,
  certificates: certificateRoutes,
  pages: pageRoutes,
  'youth-house': { ...youthHouseRoutes, ...youthHouseFeedRoutes },
  accounts: { ...accountRoutes, ...accountSelfRoutes, ...accountMoveRoutes },
} as const satisfies Record<string, Record<string, RouteDef>>;

export type BoundedContext = keyof typeof routesByContext;
export const BOUNDED_CONTEXTS = Object.keys(routesByContext) as BoundedContext[];

export const routes = {
  ...platformRoutes,
  ...applicationRoutes,
  ...allocationRoutes,
  ...hoursRoutes,
  ...certificateRoutes,
  ...pageRoutes,
  ...youthHouseRoutes,
  ...accountRoutes,
  ...accountSelfRoutes,
  ...accountMoveRoutes,
  ...youthHouseFeedRoutes,
} satisfies Record<string, RouteDef>;

export const routeList: readonly RouteDef[] = Object.values(routes);
