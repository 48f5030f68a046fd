// POST /v1/applications/{id}/attachments — announce an attachment, get a short-lived pre-signed upload URL.
import { requestAttachmentUpload } from '../../../lib/domain/applications/use-cases/attachments.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { applicationRoutes } from '../../../lib/http/application-routes.js';
import { attachmentDeps } from '../../../lib/wiring/deps.js';

const deps = attachmentDeps();

export const handler = httpRoute(applicationRoutes.requestAttachmentUpload, ({ user, params, body }) => requestAttachmentUpload(deps, user, params.id, body));
