// POST /v1/applications/{id}/attachments — announce an attachment, get a short-lived pre-signed upload URL.
import { requestAttachmentUpload } from '../../../lib/domain/applications/use-cases/attachments.js';
import { httpRoute } from '../../../lib/http/http-route.js';
import { routes } from '../../../lib/http/routes.js';
import { attachmentDeps } from '../../../lib/wiring/deps.js';

const deps = attachmentDeps();

export const handler = httpRoute(routes.requestAttachmentUpload, ({ user, params, body }) => requestAttachmentUpload(deps, user, params.id, body));
