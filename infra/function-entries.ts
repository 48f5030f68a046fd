// Every Lambda entry the app deploys, from the route table and the jobs' constructs, with what its use case needs:
// the bundle budget test and the bench walk this list.
import { routeList } from '../lib/http/routes.js';
import { usesOf } from '../lib/http/route.js';
import { ACCOUNT_ERASURE_ENTRY } from './constructs/account-erasure.js';
import { CERTIFICATE_ENTRIES, ISSUING_ENTRIES } from './constructs/certificate-jobs.js';
import { DECISION_DIGEST_ENTRY } from './constructs/decision-digest.js';
import { POST_AUTHENTICATION_ENTRY, POST_CONFIRMATION_ENTRY, PRE_SIGN_UP_ENTRY, PRE_TOKEN_GENERATION_ENTRY } from './constructs/identity.js';
import { OUTBOX_DELIVERY_ENTRY } from './constructs/outbox-delivery.js';
import { PLACE_OFFER_MAIL_ENTRY, YOUTH_HOUSE_SWEEP_ENTRY } from './constructs/youth-house-sweep.js';
import { BACKFILL_ENTRY, SEED_ENTRY } from './stacks/context-stack.js';

export interface FunctionEntry {
  entry: string;
  /** Served through the HTTP API (a route of lib/http/routes.ts). */
  http: boolean;
  /** Renders PDFs (fonts bundled): the only functions that may carry pdf-lib, fontkit and the QR encoder. */
  rendersPdf: boolean;
}

export function functionEntries(): FunctionEntry[] {
  const groups = Map.groupBy(routeList, (r) => r.entry);
  const http = [...groups].map(([entry, group]) => ({ entry, http: true, rendersPdf: usesOf(group).fonts }));
  const jobs = [...Object.values(CERTIFICATE_ENTRIES), OUTBOX_DELIVERY_ENTRY, SEED_ENTRY, BACKFILL_ENTRY, PRE_SIGN_UP_ENTRY, POST_CONFIRMATION_ENTRY, PRE_TOKEN_GENERATION_ENTRY, POST_AUTHENTICATION_ENTRY, DECISION_DIGEST_ENTRY, YOUTH_HOUSE_SWEEP_ENTRY, PLACE_OFFER_MAIL_ENTRY, ACCOUNT_ERASURE_ENTRY]
    .map((entry) => ({ entry, http: false, rendersPdf: ISSUING_ENTRIES.includes(entry) }));
  return [...http, ...jobs].sort((a, b) => a.entry.localeCompare(b.entry));
}
