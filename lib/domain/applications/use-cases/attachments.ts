// Attachments: a coordinator asks for a short-lived upload URL; both sides list them and get short-lived download URLs.
import type { BlobStore, PresignedDownload, PresignedUpload } from '../../files.js';
import { ConflictError, NotFoundError, RuleViolation } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { assertExtensionMatches, DOWNLOAD_URL_SECONDS, MAX_ATTACHMENTS, UPLOAD_URL_SECONDS, type Attachment, type AttachmentRequest } from '../attachments.js';
import { nextStatus } from '../state-machine.js';
import { loadApplication, type ApplicationDeps } from './deps.js';

export type AttachmentDeps = Pick<ApplicationDeps, 'applications' | 'clock' | 'newId'> & { blobs: BlobStore; blobKey: (id: string, attachmentId: string) => string };

/**
 * 1. load, the caller must act for the municipality  2. attachments change only while the coordinator may
 * edit (draft or returned)  3. the name's extension must match the declared type, and at most MAX_ATTACHMENTS are
 * announced (each uploaded one is frozen into every submitted version, which must fit one item)  4. record the attachment
 * 5. pre-sign a PUT bound to that type and exact size, valid a few minutes
 */
export async function requestAttachmentUpload(
  deps: AttachmentDeps, user: User, id: string, request: AttachmentRequest,
): Promise<{ attachment: Attachment; upload: PresignedUpload }> {
  const app = await loadApplication(deps, user, id);
  nextStatus(app.status, 'saveDraft', user.role);
  assertExtensionMatches(request);
  if ((await deps.applications.listAttachments(id)).length >= MAX_ATTACHMENTS) {
    throw new RuleViolation('attachment.too-many', {
      lv: `Pieteikumam var pievienot ne vairāk kā ${MAX_ATTACHMENTS} pielikumus`,
      en: `An application can have at most ${MAX_ATTACHMENTS} attachments`,
    }, 'filename');
  }
  const attachmentId = deps.newId();
  const attachment: Attachment = {
    ...request, id: attachmentId, applicationId: id, blobKey: deps.blobKey(id, attachmentId),
    requestedAt: deps.clock.now().toISOString(), requestedBy: user.sub,
  };
  await deps.applications.putAttachment(attachment);
  const upload = await deps.blobs.presignUpload(attachment.blobKey, { contentType: request.contentType, sizeBytes: request.sizeBytes }, UPLOAD_URL_SECONDS);
  return { attachment, upload };
}

/** Every attachment with whether its bytes have arrived (what the store holds, not what was announced). */
export async function listAttachments(deps: AttachmentDeps, user: User, id: string): Promise<(Attachment & { uploaded: boolean })[]> {
  await loadApplication(deps, user, id);
  const list = await deps.applications.listAttachments(id);
  return Promise.all(list.map(async (a) => {
    const blob = await deps.blobs.head(a.blobKey);
    return { ...a, uploaded: !!blob && blob.sizeBytes === a.sizeBytes && blob.contentType === a.contentType };
  }));
}

export async function attachmentDownload(deps: AttachmentDeps, user: User, id: string, attachmentId: string): Promise<PresignedDownload> {
  await loadApplication(deps, user, id);
  const attachment = await deps.applications.getAttachment(id, attachmentId);
  if (!attachment) throw new NotFoundError('attachment', `${id}/${attachmentId}`);
  if (!(await deps.blobs.head(attachment.blobKey))) {
    throw new ConflictError(`attachment ${attachmentId} has not been uploaded yet`, { lv: 'Fails vēl nav augšupielādēts', en: 'The file has not been uploaded yet' });
  }
  return deps.blobs.presignDownload(attachment.blobKey, { filename: attachment.filename, expiresInSeconds: DOWNLOAD_URL_SECONDS });
}
