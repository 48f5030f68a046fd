// The whole local stack in one process tree: DynamoDB Local, the table, demo data, the identity provider, the gateway,
// and the outbox relay that delivers the table stream's events to the local bus.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ensureTable, localClient } from '../data/admin.js';
import { createDocumentClient } from '../data/client.js';
import { dynamoRepositories } from '../data/repositories.js';
import { outboxRecordHandler } from '../events/outbox-delivery.js';
import { routeList } from '../http/routes.js';
import { issuingCertificateDeps } from '../wiring/issuing.js';
import { offerMailDeps } from '../wiring/youth-house-sweep.js';
import { subscribeCertificateReactions } from './certificate-reactions.js';
import { subscribeYouthHouseReactions } from './youth-house-reactions.js';
import { startDynamoLocal, type RunningDynamo } from './dynamodb-local.js';
import { LOCAL_FILES_PREFIX, localFilesDir, localFilesHandler } from './file-store.js';
import { createGateway, listen, type GatewayOptions } from './gateway.js';
import { decodeJwt, type JWTPayload } from 'jose';
import { triggerHandlers } from '../wiring/accounts.js';
import { LAMBDA_INVOKE_PREFIX, lambdaInvokeHandler, refusingDisabledUsers, startCognitoLocal, type RunningCognito } from './cognito-local.js';
import { LOCAL_ISSUER, loadOrCreateKeys, tokenVerifier, type LocalKeys } from './identity-provider.js';
import { installLocalRuntime, type LocalRuntime } from './runtime.js';
import { seedReferenceData } from './seed.js';
import { LocalStreamRelay } from './stream-relay.js';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

export interface LocalStackOptions {
  /** Where data, keys and outputs live; `null` keeps DynamoDB in memory and keys in a temp dir. */
  dataDir: string;
  persist: boolean;
  fresh?: boolean;
  port?: number;
  host?: string;
  tableName?: string;
  onRequest?: GatewayOptions['onRequest'];
  /** A DynamoDB Local already running (e.g. shared by benchmark sections) to use instead of starting one; stop() leaves it running. */
  dynamo?: RunningDynamo;
}

export interface LocalStack {
  baseUrl: string;
  dynamo: RunningDynamo;
  tableName: string;
  keys: LocalKeys;
  /** cognito-local: the user pool and app client real accounts live in (tokens from it pass the gateway too). */
  cognito: RunningCognito;
  server: Server;
  runtime: LocalRuntime;
  stop(): Promise<void>;
}

/** The triggers as in AWS, the pre-token generation behind the local disabled-user check. */
function localTriggerHandlers(): Record<string, (event: never) => Promise<unknown>> {
  const handlers = triggerHandlers();
  const preToken = handlers.PreTokenGeneration as (event: { userPoolId: string; userName: string }) => Promise<unknown>;
  return { ...handlers, PreTokenGeneration: refusingDisabledUsers(preToken, () => process.env.COGNITO_ENDPOINT) };
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  if (options.fresh) for (const dir of ['dynamodb', 'cognito']) rmSync(join(dataDir, dir), { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const tableName = options.tableName ?? 'jaunatne-local';

  const dynamo = options.dynamo ?? await startDynamoLocal({
    dbPath: options.persist ? join(dataDir, 'dynamodb') : undefined,
    pidFile: join(dataDir, 'dynamodb.pid'),
  });
  const stopDynamo = () => (options.dynamo ? Promise.resolve() : dynamo.stop());
  let relay: LocalStreamRelay | undefined;
  let cognito: RunningCognito | undefined;
  try {
    const admin = localClient(dynamo.endpoint);
    await ensureTable(admin, tableName);
    await seedReferenceData(dynamoRepositories(createDocumentClient(admin), tableName));
    admin.destroy();
    process.env.POWERTOOLS_LOG_LEVEL ??= options.persist ? 'INFO' : 'ERROR';

    const keys = await loadOrCreateKeys(join(dataDir, 'jwt-key.json'));
    // the local file store: pre-signed URLs are HMAC grants served by the gateway under /_local/files/
    const filesSecret = randomBytes(32).toString('base64url');
    const extraHandlers = [
      { prefix: LOCAL_FILES_PREFIX, handle: localFilesHandler(localFilesDir(dataDir), filesSecret) },
      // cognito-local invokes the Cognito triggers here, as Cognito invokes the trigger functions in AWS
      // (and, standing in for Cognito's own check, refuses tokens to a disabled user: cognito-local issues them)
      { prefix: LAMBDA_INVOKE_PREFIX, handle: lambdaInvokeHandler(localTriggerHandlers) },
    ];
    // The JWT authorizer: tokens of the quick local identity provider (npm run token) and of cognito-local's pool.
    const local = tokenVerifier(keys);
    const verify = (token: string): Promise<JWTPayload> => {
      const issuer = (() => { try { return decodeJwt(token).iss; } catch { return undefined; } })();
      return issuer !== LOCAL_ISSUER && cognito && issuer === cognito.issuer ? cognito.verify(token) : local(token);
    };
    const server = createGateway({ routes: routeList, verify, root: PROJECT_ROOT, onRequest: options.onRequest, extraHandlers });
    const host = options.host ?? '127.0.0.1';
    const port = await listen(server, options.port ?? 3000, host);
    const baseUrl = `http://${host}:${port}`;
    // the local adapters behind every port, installed before the first request is read (this continuation runs first)
    const runtime = installLocalRuntime({ endpoint: dynamo.endpoint, table: tableName, dataDir, filesSecret, filesBaseUrl: baseUrl });
    // certificates: the local bus stands in for the EventBridge rules (email, rolling issue, flag on reversal)
    subscribeCertificateReactions(runtime.bus, issuingCertificateDeps);
    // the youth house: an offer is mailed the moment it is made (the sweep sends what this misses)
    const offerMail = offerMailDeps();
    subscribeYouthHouseReactions(runtime.bus, () => offerMail);
    // outbox delivery: the table stream → the same record handler as the AWS function → the local bus (events.log, reactions)
    relay = new LocalStreamRelay({
      endpoint: dynamo.endpoint, table: tableName, handle: outboxRecordHandler(runtime.bus),
      checkpointFile: join(dataDir, 'stream-checkpoint.json'),
    }).start();
    cognito = await startCognitoLocal({
      dataDir: options.persist ? dataDir : join(dataDir, 'tmp'),
      lambdaEndpoint: baseUrl,
      triggers: { PreSignUp: 'PreSignUp', PostConfirmation: 'PostConfirmation', PreTokenGeneration: 'PreTokenGeneration', PostAuthentication: 'PostAuthentication' },
      host,
    });
    // the admin API the post-confirmation trigger calls (in AWS: Cognito's regional endpoint)
    process.env.COGNITO_ENDPOINT = cognito.endpoint;
    // the pool the functions with `uses.userPool` reach (in AWS: the USER_POOL_ID CDK gives them)
    process.env.USER_POOL_ID = cognito.userPoolId;
    // the check-in page's password sign-in (in AWS: the pages' own client; cognito-local's app client allows it)
    process.env.PAGES_CLIENT_ID = cognito.clientId;
    const stop = async () => {
      await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
      await relay?.stop();
      await cognito?.stop();
      await stopDynamo();
    };
    return { baseUrl, dynamo, tableName, keys, cognito, server, runtime, stop };
  } catch (error) {
    await relay?.stop();
    await cognito?.stop();
    await stopDynamo();
    throw error;
  }
}
