// GET /v1/applications/{id}/attachments — the attachments and whether each has arrived.
import { listAttachments } from '../../../lib/domain/applications/use-cases/attachments.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { attachmentDeps } from '../../../lib/wiring/deps.js';

const deps = attachmentDeps();

export const handler = httpRoute(applicationRoutes.listAttachments, async ({ user, params }) => ({ items: await listAttachments(deps, user, params.id) }));
