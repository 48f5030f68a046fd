// GET /health — liveness plus a database round trip.
import { tableReachable } from '../../../lib/data/health-probe.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { platformRoutes } from '../../../lib/http/platform-routes.js';
import { awsTable } from '../../../lib/wiring/aws.js';
import { adapter } from '../../../lib/wiring/runtime.js';

export const handler = httpRoute(platformRoutes.health, async () => {
  const { db, name } = adapter('table', awsTable);
  const database = (await tableReachable(db, name)) ? 'ok' : 'unavailable';
  const body = { status: database === 'ok' ? 'ok' : 'degraded', database, time: new Date().toISOString() };
  return new HttpResponse(database === 'ok' ? 200 : 503, body, { 'cache-control': 'no-store' });
});
