// The local composition root: DynamoDB Local, the .eml outbox, the local file store, key files, the in-process batch
// queue and the local event bus, installed behind the ports before the local stack (or a tool) serves anything.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { join } from 'node:path';
import { FileKeyVault } from '../credentials/key-vault.js';
import { linkKeyFile } from '../credentials/link-key.js';
import { createDocumentClient, LOCAL_CREDENTIALS } from '../data/client.js';
import { dynamoRepositories, type Repositories } from '../data/repositories.js';
import type { BatchQueue } from '../domain/certificates/ports.js';
import { processBatch } from '../domain/certificates/use-cases/runs.js';
import { LocalCertificateFiles } from '../files/certificate-files.js';
import { LocalFileEraser } from '../files/file-eraser.js';
import { logger } from '../http/logger.js';
import { issuingCertificateDeps } from '../wiring/issuing.js';
import { installAdapters } from '../wiring/runtime.js';
import { InProcessBatchQueue } from './batch-queue.js';
import { localEventBus, type LocalEventBus } from './event-bus.js';
import { LocalBlobStore, localFilesDir } from './file-store.js';
import { OutboxMailer } from './outbox-mailer.js';

export interface LocalRuntimeOptions {
  /** DynamoDB Local's endpoint and the table. */
  endpoint: string;
  table: string;
  /** outbox/, files/, issuer-keys/ and events.log live here. */
  dataDir: string;
  /** The local file store's HMAC secret and the gateway origin its pre-signed links point at. */
  filesSecret: string;
  filesBaseUrl: string;
  /** The public origin in credentials and QR codes. @default filesBaseUrl (the gateway) */
  baseUrl?: string;
  /** Replaces the in-process batch queue (the certificates CLI watches its own). */
  batchQueue?: BatchQueue;
}

export interface LocalRuntime {
  /** The table client every handler of this runtime uses (the bench counts and replays its calls). */
  db: DynamoDBDocumentClient;
  repositories: Repositories;
  bus: LocalEventBus;
  /** The in-process batch queue (unless one was given). */
  queue: InProcessBatchQueue | undefined;
  /** Resolves when the in-process batch queue has nothing left. */
  batchesIdle(): Promise<void>;
}

/** Builds the local adapters and installs them (lib/wiring/runtime.ts): from now on every handler's deps use them. */
export function installLocalRuntime(options: LocalRuntimeOptions): LocalRuntime {
  const db = createDocumentClient(new DynamoDBClient({ region: 'eu-north-1', endpoint: options.endpoint, credentials: LOCAL_CREDENTIALS }));
  const filesDir = localFilesDir(options.dataDir);
  const blobs = new LocalBlobStore(filesDir, options.filesBaseUrl, options.filesSecret);
  const bus = localEventBus(options.dataDir);
  // certificates: batches run in this process, standing in for SQS and its worker function
  const queue = options.batchQueue ? undefined : new InProcessBatchQueue((m) => processBatch(issuingCertificateDeps(), m), {
    concurrency: 2, onError: (m, e) => logger.error('certificate batch failed', { ...m, error: String(e) }),
  });
  installAdapters({
    table: () => ({ db, name: options.table }),
    mailer: () => new OutboxMailer(join(options.dataDir, 'outbox')),
    blobs: () => blobs,
    certificateFiles: () => new LocalCertificateFiles(filesDir, blobs),
    fileEraser: () => new LocalFileEraser(filesDir),
    keyVault: () => new FileKeyVault(join(options.dataDir, 'issuer-keys')),
    batchQueue: () => options.batchQueue ?? queue!,
    events: () => bus,
    baseUrl: () => options.baseUrl ?? options.filesBaseUrl,
    linkKey: () => async () => linkKeyFile(options.dataDir),
  });
  return { db, repositories: dynamoRepositories(db, options.table), bus, queue, batchesIdle: async () => queue?.idle() };
}
