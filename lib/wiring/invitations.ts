// Wires the staff invitation use cases: the table's repositories, Cognito's admin API on this pool, mail and the link key.
import { randomBytes, randomUUID } from 'node:crypto';
import { cognitoClient } from '../accounts/cognito-directory.js';
import { cognitoStaffDirectory } from '../accounts/staff-directory.js';
import { HmacLinkSigner } from '../credentials/link-signer.js';
import type { InvitationDeps } from '../domain/accounts/use-cases/invitations.js';
import { systemClock } from '../domain/clock.js';
import { MUNICIPALITIES } from '../domain/municipalities/registry.js';
import { logger } from '../http/logger.js';
import { DynamoSignInLog } from '../data/sign-in-log.js';
import { DynamoDigestStore } from '../data/digest-repository.js';
import { awsBaseUrl, awsLinkKey, awsMailer, awsTable } from './aws.js';
import { repositories } from './deps.js';
import { adapter, deferred } from './runtime.js';

/** The pool the admin calls act on: USER_POOL_ID (set by infra for these functions, by the local stack for itself). */
function userPoolId(): string {
  const id = process.env.USER_POOL_ID;
  if (!id) throw new Error('USER_POOL_ID is not set: the staff account functions need the user pool');
  return id;
}

export function invitationDeps(): InvitationDeps {
  return deferred((): InvitationDeps => {
    const { invitations, hours } = repositories();
    let directory: ReturnType<typeof cognitoStaffDirectory> | undefined;
    const dir = () => (directory ??= cognitoStaffDirectory(cognitoClient(), userPoolId()));
    return {
      invitations, hours, municipalities: MUNICIPALITIES, clock: systemClock,
      signIns: { lastSignIns: (subs) => { const table = adapter('table', awsTable); return new DynamoSignInLog(table.db, table.name).lastSignIns(subs); } },
      digests: { subscribe: (s) => { const table = adapter('table', awsTable); return new DynamoDigestStore(table.db, table.name).subscribe(s); } },
      directory: {
        find: (e) => dir().find(e), create: (e, a) => dir().create(e, a), setAttributes: (u, a) => dir().setAttributes(u, a),
        addToGroup: (u, r) => dir().addToGroup(u, r), setPassword: (u, p) => dir().setPassword(u, p), setEnabled: (u, e) => dir().setEnabled(u, e),
        listGroup: (r) => dir().listGroup(r),
      },
      mailer: { send: (message) => adapter('mailer', awsMailer).send(message) },
      signer: new HmacLinkSigner(adapter('linkKey', awsLinkKey)),
      newId: randomUUID,
      newNonce: () => randomBytes(16).toString('base64url'),
      get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
      onMailError: (error) => logger.error('invitation email not sent', error as Error),
    };
  });
}
