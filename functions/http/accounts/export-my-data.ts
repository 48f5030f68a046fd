// GET /v1/me/export — a young person's data as one zip archive.
import { exportFileName, exportMyData } from '../../../lib/domain/accounts/use-cases/export-my-data.js';
import { zipArchive } from '../../../lib/files/zip-archive.js';
import { HttpResponse, httpRoute } from '../../../lib/http/http-route.js';
import { accountSelfRoutes } from '../../../lib/http/account-self-routes.js';
import { exportDeps } from '../../../lib/wiring/accounts.js';

const deps = exportDeps();

export const handler = httpRoute(accountSelfRoutes.exportMyData, async ({ user }) => {
  const archive = zipArchive(await exportMyData(deps, user), deps.clock.now());
  return new HttpResponse(200, Buffer.from(archive).toString('base64'), {
    'content-type': 'application/zip', 'content-disposition': `attachment; filename="${exportFileName(deps.clock)}"`, 'cache-control': 'no-store',
  }, true);
});
