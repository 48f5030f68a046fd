// GET /v1/applications/{id}/attachments/{attachmentId} — a short-lived pre-signed download URL.
import { attachmentDownload } from '../../../lib/domain/applications/use-cases/attachments.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { attachmentDeps } from '../../../lib/wiring/deps.js';

const deps = attachmentDeps();

export const handler = httpRoute(applicationRoutes.getAttachmentDownload, ({ user, params }) => attachmentDownload(deps, user, params.id, params.attachmentId));
