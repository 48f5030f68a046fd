// The project-application routes (coordinator, agency, reports, open data), spread into the route table in routes.ts.
import * as z from 'zod';
import {
  applicationContentSchema, applicationSchema, applicationVersionSchema, cohortSchema, municipalityCode, receiptSchema,
  reviewCommentSchema, STATUSES,
} from '../domain/applications/types.js';
import { attachmentRequestSchema, attachmentSchema } from '../domain/applications/attachments.js';
import { defineRoute } from './route.js';

const idParams = z.object({ id: z.uuid().describe('application id') });
const revisionBody = z.object({
  expectedRevision: z.number().int().min(1).describe('the revision the caller last read; a stale one gets 409'),
}).strict();
const cohortQuery = z.enum(['1', '2']).transform((c) => Number(c) as 1 | 2);
const versionNumber = z.string().regex(/^[1-9][0-9]{0,3}$/, 'must be a version number').transform(Number);
const money = z.object({ municipality: z.string(), name: z.string(), allocationCents: z.number().int().nullable(), requestedCents: z.number().int(), approvedCents: z.number().int(),
  pendingCents: z.number().int().describe('requested totals awaiting a decision (submitted, under review, returned, resubmitted)'),
  headroomCents: z.number().int().nullable().describe('allocation − approved − pending: what further applications may still request'),
  applications: z.number().int() });
const progressPart = z.object({ planned: z.number(), target: z.number(), percent: z.number() });

const E = 'functions/http/applications';

export const applicationRoutes = {
  createApplication: defineRoute({
    id: 'createApplication', method: 'POST', path: '/v1/applications', tag: 'applications', auth: ['coordinator'],
    summary: "Open a draft application for the coordinator's own municipality and a cohort (1 or 2)",
    body: z.object({ cohort: cohortSchema, content: applicationContentSchema.optional() }).strict(),
    response: applicationSchema, successStatus: 201,
    entry: `${E}/create-application.ts`,
  }),
  getApplication: defineRoute({
    id: 'getApplication', method: 'GET', path: '/v1/applications/{id}', tag: 'applications', auth: ['coordinator', 'agency'],
    summary: 'One application with its state, working content, review comments and decision',
    params: idParams, response: applicationSchema, problems: [404],
    entry: `${E}/get-application.ts`,
  }),
  saveApplicationDraft: defineRoute({
    id: 'saveApplicationDraft', method: 'PUT', path: '/v1/applications/{id}/draft', tag: 'applications', auth: ['coordinator'],
    summary: 'Save the working content (draft, or after a return); checked for shape only. A stale expectedRevision gets 409 and nothing is written',
    params: idParams, body: revisionBody.extend({ content: applicationContentSchema }).strict(),
    response: applicationSchema, problems: [404, 409],
    entry: `${E}/save-application-draft.ts`,
  }),
  submitApplication: defineRoute({
    id: 'submitApplication', method: 'POST', path: '/v1/applications/{id}/submit', tag: 'applications', auth: ['coordinator'],
    summary: 'Submit: every rule of the call is checked (422 lists all failures), the content is frozen as a version and a receipt (time, version, SHA-256 of the RFC 8785 canonical JSON of the frozen version) is returned and emailed',
    params: idParams, body: revisionBody, response: receiptSchema, problems: [404, 409, 422],
    uses: { files: 'read', mail: true },
    entry: `${E}/submit-application.ts`,
  }),
  resubmitApplication: defineRoute({
    id: 'resubmitApplication', method: 'POST', path: '/v1/applications/{id}/resubmit', tag: 'applications', auth: ['coordinator'],
    summary: 'Resubmit after a return: checked like a submit, frozen as the next version, receipted',
    params: idParams, body: revisionBody, response: receiptSchema, problems: [404, 409, 422],
    uses: { files: 'read', mail: true },
    entry: `${E}/resubmit-application.ts`,
  }),
  listMunicipalityApplications: defineRoute({
    id: 'listMunicipalityApplications', method: 'GET', path: '/v1/municipalities/{code}/applications', tag: 'applications',
    auth: ['coordinator', 'agency'],
    summary: "A municipality's applications (coordinators: only their own municipality)",
    params: z.object({ code: municipalityCode }), response: z.object({ items: z.array(applicationSchema) }),
    entry: `${E}/list-municipality-applications.ts`,
  }),
  reviewQueue: defineRoute({
    id: 'reviewQueue', method: 'GET', path: '/v1/review/applications', tag: 'applications', auth: ['agency'],
    summary: 'The review queue, longest waiting first: by status (default: submitted and resubmitted) and cohort',
    query: z.object({ status: z.enum(STATUSES).optional(), cohort: cohortQuery.optional() }),
    response: z.object({ items: z.array(applicationSchema) }),
    entry: `${E}/review-queue.ts`,
  }),
  startApplicationReview: defineRoute({
    id: 'startApplicationReview', method: 'POST', path: '/v1/applications/{id}/review', tag: 'applications', auth: ['agency'],
    summary: 'Take a submitted or resubmitted application into review',
    params: idParams, response: applicationSchema, problems: [404, 409],
    entry: `${E}/start-application-review.ts`,
  }),
  returnApplication: defineRoute({
    id: 'returnApplication', method: 'POST', path: '/v1/applications/{id}/return', tag: 'applications', auth: ['agency'],
    summary: 'Return an application under review for revision, with comments per field',
    params: idParams, body: z.object({ comments: z.array(reviewCommentSchema).min(1).max(200) }).strict(),
    response: applicationSchema, problems: [404, 409, 422],
    entry: `${E}/return-application.ts`,
  }),
  approveApplication: defineRoute({
    id: 'approveApplication', method: 'POST', path: '/v1/applications/{id}/approve', tag: 'applications', auth: ['agency'],
    summary: "Approve an application under review with an amount at most the requested total (it may be lower) that keeps the municipality's approved amounts within its allocation",
    params: idParams, body: z.object({ approvedAmountCents: z.number().int().min(1) }).strict(),
    response: applicationSchema, problems: [404, 409, 422],
    entry: `${E}/approve-application.ts`,
  }),
  rejectApplication: defineRoute({
    id: 'rejectApplication', method: 'POST', path: '/v1/applications/{id}/reject', tag: 'applications', auth: ['agency'],
    summary: 'Reject an application under review, with reasons',
    params: idParams, body: z.object({ reasons: z.array(z.string().trim().min(1).max(2000)).min(1).max(50) }).strict(),
    response: applicationSchema, problems: [404, 409],
    entry: `${E}/reject-application.ts`,
  }),
  listApplicationVersions: defineRoute({
    id: 'listApplicationVersions', method: 'GET', path: '/v1/applications/{id}/versions', tag: 'applications', auth: ['coordinator', 'agency'],
    summary: 'Every submitted (frozen) version with its SHA-256, oldest first',
    params: idParams, response: z.object({ items: z.array(applicationVersionSchema) }), problems: [404],
    entry: `${E}/list-application-versions.ts`,
  }),
  getApplicationVersion: defineRoute({
    id: 'getApplicationVersion', method: 'GET', path: '/v1/applications/{id}/versions/{version}', tag: 'applications', auth: ['coordinator', 'agency'],
    summary: 'One submitted (frozen) version',
    params: idParams.extend({ version: versionNumber }), response: applicationVersionSchema, problems: [404],
    entry: `${E}/get-application-version.ts`,
  }),
  diffApplicationVersions: defineRoute({
    id: 'diffApplicationVersions', method: 'GET', path: '/v1/applications/{id}/diff', tag: 'applications', auth: ['coordinator', 'agency'],
    summary: 'Field-level differences between two submitted versions',
    params: idParams, query: z.object({ from: versionNumber, to: versionNumber }),
    response: z.object({
      from: z.number(), to: z.number(),
      changes: z.array(z.object({ field: z.string(), change: z.enum(['added', 'removed', 'changed']), before: z.unknown().optional(), after: z.unknown().optional() })),
    }),
    problems: [404],
    entry: `${E}/diff-application-versions.ts`,
  }),
  requestAttachmentUpload: defineRoute({
    id: 'requestAttachmentUpload', method: 'POST', path: '/v1/applications/{id}/attachments', tag: 'applications', auth: ['coordinator'],
    summary: 'Announce an attachment (PDF, DOCX, XLSX or EDOC, at most 20 MB) and get a pre-signed PUT URL valid 5 minutes, bound to its type and exact size',
    params: idParams, body: attachmentRequestSchema,
    response: z.object({ attachment: attachmentSchema, upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() }) }),
    successStatus: 201, problems: [404, 409, 422],
    uses: { files: 'readWrite' },
    entry: `${E}/request-attachment-upload.ts`,
  }),
  listAttachments: defineRoute({
    id: 'listAttachments', method: 'GET', path: '/v1/applications/{id}/attachments', tag: 'applications', auth: ['coordinator', 'agency'],
    summary: "An application's attachments and whether each has been uploaded",
    params: idParams, response: z.object({ items: z.array(attachmentSchema.extend({ uploaded: z.boolean() })) }), problems: [404],
    uses: { files: 'read' },
    entry: `${E}/list-attachments.ts`,
  }),
  getAttachmentDownload: defineRoute({
    id: 'getAttachmentDownload', method: 'GET', path: '/v1/applications/{id}/attachments/{attachmentId}', tag: 'applications', auth: ['coordinator', 'agency'],
    summary: 'A pre-signed download URL for one uploaded attachment, valid 5 minutes',
    params: idParams.extend({ attachmentId: z.uuid() }), response: z.object({ url: z.string(), expiresAt: z.string() }), problems: [404, 409],
    uses: { files: 'read' },
    entry: `${E}/get-attachment-download.ts`,
  }),
  applicationSummary: defineRoute({
    id: 'applicationSummary', method: 'GET', path: '/v1/reports/applications/municipalities', tag: 'reports', auth: ['agency'],
    summary: 'Per municipality: published allocation, requested (submitted, not rejected), approved and pending amounts, and the headroom left',
    response: z.object({ items: z.array(money) }),
    entry: `${E}/application-summary.ts`,
  }),
  applicationProgress: defineRoute({
    id: 'applicationProgress', method: 'GET', path: '/v1/reports/applications/progress', tag: 'reports', auth: ['agency'],
    summary: 'National progress of approved applications against the targets (10,000 young people, 300 youth workers, 43 municipalities)',
    response: z.object({ youngPeople: progressPart, youthWorkers: progressPart, municipalities: z.object({ approved: z.number(), target: z.number(), percent: z.number() }), approvedCents: z.number() }),
    entry: `${E}/application-progress.ts`,
  }),
  exportGrants360: defineRoute({
    id: 'exportGrants360', method: 'GET', path: '/v1/grants/360giving.json', tag: 'reports', auth: 'public',
    summary: 'Approved grants as open data in the 360Giving Data Standard (JSON package, at least one grant); 404 until the first grant is approved',
    problems: [404],
    entry: `${E}/export-grants.ts`,
  }),
} as const;
