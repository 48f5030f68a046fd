// The accounts context's staff routes: invitations (invite, resend, revoke, accept), a municipality's users, deactivation.
import * as z from 'zod';
import { invitationInputSchema, invitationViewSchema, STAFF_ROLES, staffUserSchema } from '../domain/accounts/invitations.js';
import { hourEntrySchema } from '../domain/hours/types.js';
import { municipalityCode } from '../domain/municipalities/types.js';
import { STAFF_DIRECTORY_ACTIONS, STAFF_DIRECTORY_READ_ACTIONS } from '../accounts/staff-directory-actions.js';
import { defineRoute } from './route.js';

const STAFF_ADMINS = ['coordinator', 'agency'] as const;
const invitationId = z.uuid().describe('Invitation id');
const sub = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be a user id').describe("The account's Cognito sub");
const WRITE_ENTRY = 'functions/http/accounts/write.ts';
const READ_ENTRY = 'functions/http/accounts/read.ts';
const INVITATION_PAGE_ENTRY = 'functions/http/accounts/invitation-page.ts';
const invitationPageQuery = z.object({
  token: z.string().min(1).max(200).describe("The emailed link's token: a random nonce and its HMAC"),
  lang: z.string().optional().describe('lv (default) or en; overrides Accept-Language'),
});
const INVITE_USES = { mail: true, linkKey: true, userPool: STAFF_DIRECTORY_READ_ACTIONS } as const;

export const accountRoutes = {
  inviteMunicipalStaff: defineRoute({
    id: 'inviteMunicipalStaff', method: 'POST', path: '/v1/municipalities/{code}/invitations', tag: 'accounts', auth: STAFF_ADMINS,
    summary: "Invite a coordinator (the agency, or a coordinator of that municipality) or a supervisor bound to institutions (the municipality's coordinator); emails a one-time link valid 7 days",
    params: z.object({ code: municipalityCode }), body: invitationInputSchema, response: invitationViewSchema, successStatus: 201,
    problems: [404, 409], uses: INVITE_USES,
    entry: WRITE_ENTRY,
  }),
  inviteAgencyStaff: defineRoute({
    id: 'inviteAgencyStaff', method: 'POST', path: '/v1/agency/invitations', tag: 'accounts', auth: STAFF_ADMINS,
    summary: 'Invite another agency (JSPA) staff member (the agency only; a coordinator gets 403 accounts.invite-role-above)',
    body: invitationInputSchema, response: invitationViewSchema, successStatus: 201, problems: [409], uses: INVITE_USES,
    entry: WRITE_ENTRY,
  }),
  resendInvitation: defineRoute({
    id: 'resendInvitation', method: 'POST', path: '/v1/invitations/{invitationId}/resend', tag: 'accounts', auth: STAFF_ADMINS,
    summary: 'Send the invitation again with a new link (the old one stops working) valid 7 more days; also for an expired one',
    params: z.object({ invitationId }), response: invitationViewSchema, problems: [404, 409, 422], uses: { mail: true, linkKey: true },
    entry: WRITE_ENTRY,
  }),
  revokeInvitation: defineRoute({
    id: 'revokeInvitation', method: 'DELETE', path: '/v1/invitations/{invitationId}', tag: 'accounts', auth: STAFF_ADMINS,
    summary: 'Revoke an invitation not yet accepted (its link stops working, the email may be invited again)',
    params: z.object({ invitationId }), response: invitationViewSchema, problems: [404, 409, 422],
    entry: WRITE_ENTRY,
  }),
  acceptInvitation: defineRoute({
    id: 'acceptInvitation', method: 'POST', path: '/v1/invitations/{invitationId}/acceptance', tag: 'accounts', auth: 'public',
    summary: "The invitee opens the account with the link's token and a password (pool policy); once: a used, revoked or expired invitation answers 422",
    params: z.object({ invitationId }),
    body: z.object({
      token: z.string().min(1).max(200).describe('The `token` query parameter of the emailed link'),
      password: z.string().min(1).max(256),
    }).strict(),
    response: z.object({ sub: z.string(), email: z.string(), role: z.enum(STAFF_ROLES), municipality: municipalityCode.nullable() }),
    successStatus: 201, problems: [404, 409, 422], uses: { linkKey: true, userPool: STAFF_DIRECTORY_ACTIONS },
    throttle: { rate: 5, burst: 10 },
    entry: WRITE_ENTRY,
  }),
  invitationPage: defineRoute({
    id: 'getInvitationPage', method: 'GET', path: '/invitations/{invitationId}', tag: 'accounts', auth: 'public',
    summary: "The emailed invitation link's page: who invites the invitee to which role, municipality and institutions, and the password form; GET changes nothing. Expired, revoked, used or tampered links get a page saying so",
    params: z.object({ invitationId }), query: invitationPageQuery, produces: 'text/html', problems: [404, 410],
    table: 'read', uses: { linkKey: true },
    entry: INVITATION_PAGE_ENTRY,
  }),
  acceptInvitationByPage: defineRoute({
    id: 'postInvitationPage', method: 'POST', path: '/invitations/{invitationId}', tag: 'accounts', auth: 'public',
    summary: 'The invitation page\'s form (CSRF token, the password twice): opens the account through the same use case as POST /v1/invitations/{invitationId}/acceptance; refusals are pages',
    params: z.object({ invitationId }), query: invitationPageQuery, produces: 'text/html', problems: [400, 404, 409, 410],
    uses: { linkKey: true, userPool: STAFF_DIRECTORY_ACTIONS },
    throttle: { rate: 5, burst: 10 },
    entry: INVITATION_PAGE_ENTRY,
  }),
  listMunicipalityUsers: defineRoute({
    id: 'listMunicipalityUsers', method: 'GET', path: '/v1/municipalities/{code}/users', tag: 'accounts', auth: STAFF_ADMINS,
    summary: "The municipality's staff: role, institutions, invited and accepted at, status (invited, expired, revoked, active, deactivated), MFA; then the municipality's accounts opened without an invitation (invitationId null)",
    params: z.object({ code: municipalityCode }), response: z.object({ items: z.array(staffUserSchema) }), problems: [404],
    uses: { userPool: STAFF_DIRECTORY_READ_ACTIONS },
    entry: READ_ENTRY,
  }),
  listAgencyUsers: defineRoute({
    id: 'listAgencyUsers', method: 'GET', path: '/v1/agency/users', tag: 'accounts', auth: ['agency'],
    summary: "The agency's own staff: invitations and their accounts, and agency accounts opened without one (e.g. the first, created by hand); MFA from Cognito",
    response: z.object({ items: z.array(staffUserSchema) }),
    uses: { userPool: STAFF_DIRECTORY_READ_ACTIONS },
    entry: READ_ENTRY,
  }),
  setMunicipalityUserActive: defineRoute({
    id: 'setMunicipalityUserActive', method: 'PUT', path: '/v1/municipalities/{code}/users/{sub}/active', tag: 'accounts', auth: STAFF_ADMINS,
    summary: 'Deactivate (AdminDisableUser) or reactivate (AdminEnableUser) a staff account the caller could have invited',
    params: z.object({ code: municipalityCode, sub }), body: z.object({ active: z.boolean() }).strict(), response: staffUserSchema,
    problems: [404, 409, 422], uses: { userPool: STAFF_DIRECTORY_ACTIONS },
    entry: WRITE_ENTRY,
  }),
  listMunicipalityUserQueue: defineRoute({
    id: 'listMunicipalityUserQueue', method: 'GET', path: '/v1/municipalities/{code}/users/{sub}/queue', tag: 'accounts', auth: STAFF_ADMINS,
    summary: "A supervisor's pending entries, oldest first (e.g. after a deactivation: assign the institution to another supervisor with PUT /v1/institutions/{id}/supervisors/{sub})",
    params: z.object({ code: municipalityCode, sub }), response: z.object({ items: z.array(hourEntrySchema) }), problems: [404],
    entry: READ_ENTRY,
  }),
};
