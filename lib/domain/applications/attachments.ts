// Attachments of an application (signed forms, budget estimate): allowed types, size limit and the stored record.
import * as z from 'zod';
import { RuleViolation } from '../errors.js';

/** Allowed content types with the file extension each must carry; .edoc is the Latvian e-signature container (ASiC-E). */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.etsi.asic-e+zip': 'edoc',
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Announced attachments per application: every uploaded one is frozen into each submitted version, which must fit one table item. */
export const MAX_ATTACHMENTS = 100;
/** Pre-signed URLs live this long: long enough for a 20 MB upload on a slow line, short enough not to leak. */
export const UPLOAD_URL_SECONDS = 300;
export const DOWNLOAD_URL_SECONDS = 300;

export const ATTACHMENT_KINDS = ['application-form', 'activities-and-results', 'budget-estimate', 'council-decision', 'other'] as const;

export const attachmentRequestSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  filename: z.string().trim().min(1).max(200).regex(/^[^/\\\u0000-\u001f]+$/, 'must be a file name without path separators'),
  contentType: z.enum(Object.keys(ATTACHMENT_TYPES) as [AttachmentContentType, ...AttachmentContentType[]]),
  sizeBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES, 'at most 20 MB'),
}).strict();
export type AttachmentRequest = z.infer<typeof attachmentRequestSchema>;

export const attachmentSchema = attachmentRequestSchema.extend({
  id: z.string(),
  applicationId: z.string(),
  blobKey: z.string(),
  requestedAt: z.iso.datetime(),
  requestedBy: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The file name's extension must match its declared type (a .pdf declared as a spreadsheet is refused). */
export function assertExtensionMatches(request: AttachmentRequest): void {
  const expected = ATTACHMENT_TYPES[request.contentType];
  if (!request.filename.toLowerCase().endsWith(`.${expected}`)) {
    throw new RuleViolation('attachment.extension-mismatch', {
      lv: `Faila nosaukumam jābeidzas ar .${expected}, jo tips ir ${request.contentType}`,
      en: `The file name must end in .${expected} for type ${request.contentType}`,
    }, 'filename');
  }
}
