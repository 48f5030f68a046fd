// A young person's own account (spread into the route table in routes.ts, context `accounts`): data export and closure.
import { defineRoute } from './route.js';

export const accountSelfRoutes = {
  exportMyData: defineRoute({
    id: 'exportMyData', method: 'GET', path: '/v1/me/export', tag: 'accounts', auth: ['youth'],
    summary: 'Everything held about me as one zip archive: profile, hour entries with their decisions, certificates with their PDFs (GDPR Art. 15/20)',
    produces: 'application/zip', problems: [404],
    uses: { files: 'read', filesPrefix: 'certificates' }, memoryMb: 512,
    entry: 'functions/http/accounts/export-my-data.ts',
  }),
};
