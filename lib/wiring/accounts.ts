// Wires the accounts use cases and Cognito triggers: DynamoDB repositories, the municipality registry, Cognito's admin API.
import type { PostAuthenticationTriggerEvent, PostConfirmationTriggerEvent, PreSignUpTriggerEvent, PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { cognitoClient, cognitoDirectory, cognitoMfa, cognitoSignIn } from '../accounts/cognito-directory.js';
import { postAuthenticationHandler, postConfirmationHandler, preSignUpHandler, preTokenGenerationHandler } from '../accounts/triggers.js';
import { logger } from '../http/logger.js';
import { certificateDeps, repositories } from './deps.js';
import { DynamoSignInLog } from '../data/sign-in-log.js';
import { DynamoDigestStore } from '../data/digest-repository.js';
import { awsMailer, awsTable } from './aws.js';
import { adapter, deferred } from './runtime.js';
import type { ExportDeps } from '../domain/accounts/use-cases/export-my-data.js';
import type { ClosureDeps } from '../domain/accounts/use-cases/close-my-account.js';
import type { MoveDecisionDeps, MoveDeps } from '../domain/accounts/use-cases/move-municipality.js';
import { DynamoMoveRepository } from '../data/move-repository.js';
import { DynamoConsentRepository } from '../data/consent-repository.js';
import { DynamoFeedReader } from '../data/feed-reader.js';
import { DynamoClosureRecords } from '../data/erasure-repository.js';
import { systemClock } from '../domain/clock.js';
import type { RegistrationDeps } from '../domain/accounts/use-cases/register.js';
import { MUNICIPALITIES } from '../domain/municipalities/registry.js';

export function registrationDeps(): RegistrationDeps {
  return { hours: repositories().hours, municipalities: MUNICIPALITIES, clock: systemClock };
}

/** The pre-sign-up trigger (functions/cognito/pre-sign-up.ts, and locally the gateway's Lambda endpoint). */
export const preSignUp = (event: PreSignUpTriggerEvent) => preSignUpHandler(registrationDeps())(event);

/** The post-confirmation trigger: the pool comes from the event, so the function needs no reference to it. */
export const postConfirmation = (event: PostConfirmationTriggerEvent) =>
  postConfirmationHandler({ ...registrationDeps(), directory: cognitoDirectory(cognitoClient(), event.userPoolId) })(event);

/** One client per endpoint, kept across invocations: this trigger runs on every staff sign-in and refresh. */
let tokenClient: { endpoint: string | undefined; client: ReturnType<typeof cognitoClient> } | undefined;
function sharedClient() {
  const endpoint = process.env.COGNITO_ENDPOINT;
  if (!tokenClient || tokenClient.endpoint !== endpoint) tokenClient = { endpoint, client: cognitoClient(endpoint) };
  return tokenClient.client;
}

/** The pre-token-generation trigger: `mfa_enabled` for staff, from AdminGetUser on the event's pool. */
export const preTokenGeneration = (event: PreTokenGenerationTriggerEvent) =>
  preTokenGenerationHandler({ mfa: cognitoMfa(sharedClient(), event.userPoolId) })(event);

/** The post-authentication trigger: a staff account's last sign-in, on the invitation's sub pointer in the table. */
export const postAuthentication = (event: PostAuthenticationTriggerEvent) =>
  postAuthenticationHandler({
    signIns: { recordSignIn: (sub, at) => { const table = adapter('table', awsTable); return new DynamoSignInLog(table.db, table.name).recordSignIn(sub, at); } },
    digests: { subscribeUnlessChosen: (s) => { const table = adapter('table', awsTable); return new DynamoDigestStore(table.db, table.name).subscribeUnlessChosen(s); } },
    clock: systemClock,
    onError: (error) => logger.error('sign-in not recorded', error as Error),
  })(event);

/** The trigger handlers by the name the local Lambda endpoint (and cognito-local's TriggerFunctions) know them by. */
export function triggerHandlers(): Record<string, (event: never) => Promise<unknown>> {
  return { PreSignUp: preSignUp, PostConfirmation: postConfirmation, PreTokenGeneration: preTokenGeneration, PostAuthentication: postAuthentication };
}

/** The personal-data export: the hours repository (profile, entries, audit), certificates and their PDFs. */
export function exportDeps(): ExportDeps {
  return deferred(() => {
    const { certificates, files, clock } = certificateDeps();
    const table = adapter('table', awsTable);
    return {
      hours: repositories().hours, certificates, files, clock,
      consents: new DynamoConsentRepository(table.db, table.name), signUps: new DynamoFeedReader(table.db, table.name), moves: new DynamoMoveRepository(table.db, table.name),
    };
  });
}

/** Account closure: the profile in the table, sign-in at the pool named by USER_POOL_ID (read on first use). */
export function closureDeps(): ClosureDeps {
  return deferred(() => {
    const userPoolId = process.env.USER_POOL_ID;
    if (!userPoolId) throw new Error('USER_POOL_ID is not set: the closure function needs the user pool');
    const table = adapter('table', awsTable);
    return { hours: repositories().hours, records: new DynamoClosureRecords(table.db, table.name), signIn: cognitoSignIn(sharedClient(), userPoolId), clock: systemClock };
  });
}

/** Municipality moves: the requests in the table, the profile, the registry. */
export function moveDeps(): MoveDeps {
  return deferred(() => {
    const table = adapter('table', awsTable);
    return { moves: new DynamoMoveRepository(table.db, table.name), hours: repositories().hours, municipalities: MUNICIPALITIES, clock: systemClock };
  });
}

/** A move's decision: also the account's `custom:municipality` at the pool named by USER_POOL_ID (read on first use). */
export function moveDecisionDeps(): MoveDecisionDeps {
  return deferred(() => {
    const userPoolId = process.env.USER_POOL_ID;
    if (!userPoolId) throw new Error('USER_POOL_ID is not set: the move decision function needs the user pool');
    return {
      ...moveDeps(), directory: cognitoDirectory(sharedClient(), userPoolId),
      mailer: { send: (message) => adapter('mailer', awsMailer).send(message) },
      onMailError: (error) => logger.error('move decision email not sent', error as Error),
    };
  });
}
