// A young person's own account (spread into the route table in routes.ts, context `accounts`): data export and closure.
import * as z from 'zod';
import { defineRoute } from './route.js';

export const accountSelfRoutes = {
  exportMyData: defineRoute({
    id: 'exportMyData', method: 'GET', path: '/v1/me/export', tag: 'accounts', auth: ['youth'],
    summary: 'Everything held about me as one zip archive: profile, hour entries with their decisions, certificates with their PDFs (GDPR Art. 15/20)',
    produces: 'application/zip', problems: [404],
    uses: { files: 'read', filesPrefix: 'certificates' }, memoryMb: 512,
    entry: 'functions/http/accounts/export-my-data.ts',
  }),
  closeMyAccount: defineRoute({
    id: 'closeMyAccount', method: 'POST', path: '/v1/me/closure', tag: 'accounts', auth: ['youth'],
    summary: 'Close my account: sign-in disabled, profile pseudonymised; approved hours and issued certificates stay for the retention period',
    body: z.object({ confirm: z.literal(true).describe('Must be true: closing cannot be undone by the holder') }).strict(),
    response: z.object({ closedAt: z.iso.datetime(), retainedUntil: z.string().describe('YYYY-MM-DD: until when the municipality keeps the approved hours and certificates') }),
    problems: [404],
    uses: { userPool: ['cognito-idp:AdminDisableUser'] },
    entry: 'functions/http/accounts/close-my-account.ts',
  }),
};
