// Wires the certificate use cases' ports to their adapters, once per Lambda process (or once in the local stack).
import { SQSClient } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { renderCertificatePdf } from '../pdf/certificate.js';
import { FileKeyVault, type KeyVault } from '../credentials/key-vault.js';
import { config } from '../config.js';
import { documentClient, tableName } from '../data/client.js';
import { DynamoKeyStore } from '../data/issuer-key-store.js';
import { repositories } from '../data/repositories.js';
import { cryptoRandom } from '../domain/certificates/code.js';
import type { BatchQueue, CertificateFiles } from '../domain/certificates/ports.js';
import type { CertificateDeps } from '../domain/certificates/use-cases/deps.js';
import { processBatch } from '../domain/certificates/use-cases/runs.js';
import { systemClock } from '../domain/clock.js';
import { blobStoreFromConfig } from '../files/blob-store-from-config.js';
import { LocalCertificateFiles, S3CertificateFiles } from '../files/certificate-files.js';
import { S3BlobStore } from '../files/s3-blob-store.js';
import { logger } from '../http/logger.js';
import type { Mailer } from '../mail/mailer.js';
import { mailerFromConfig } from '../mail/mailer-from-config.js';
import { SqsBatchQueue } from '../queues/sqs-batch-queue.js';
import { SsmKeyVault } from '../credentials/ssm-key-vault.js';
import { SSMClient } from '@aws-sdk/client-ssm';

/** Private issuer keys: Parameter Store in AWS (ISSUER_KEYS_PARAMETER_PREFIX), a directory locally; neither fails loudly. */
function keyVault(): KeyVault {
  const { ISSUER_KEYS_DIR, ISSUER_KEYS_PARAMETER_PREFIX, AWS_REGION } = config();
  if (ISSUER_KEYS_PARAMETER_PREFIX) return new SsmKeyVault(new SSMClient({ region: AWS_REGION }), ISSUER_KEYS_PARAMETER_PREFIX);
  if (ISSUER_KEYS_DIR) return new FileKeyVault(ISSUER_KEYS_DIR);
  const missing = async (): Promise<never> => { throw new Error('Invalid environment: ISSUER_KEYS_PARAMETER_PREFIX (AWS) or ISSUER_KEYS_DIR (local) is required to sign certificates'); };
  return { create: missing, privateKey: missing };
}

function certificateFiles(): CertificateFiles {
  let files: Promise<CertificateFiles> | undefined;
  const get = () => (files ??= (async () => {
    const { FILES_BUCKET, FILES_DIR, AWS_REGION } = config();
    if (FILES_BUCKET) {
      const s3 = new S3Client({ region: AWS_REGION });
      return new S3CertificateFiles(s3, FILES_BUCKET, new S3BlobStore(s3, FILES_BUCKET));
    }
    return new LocalCertificateFiles(FILES_DIR ?? join(process.cwd(), '.local', 'files'), await blobStoreFromConfig());
  })());
  return {
    put: async (...a) => (await get()).put(...a),
    get: async (...a) => (await get()).get(...a),
    exists: async (...a) => (await get()).exists(...a),
    presignDownload: async (...a) => (await get()).presignDownload(...a),
  };
}

const lazyMailer = (): Mailer => {
  let mailer: Promise<Mailer> | undefined;
  return { send: async (message) => (mailer ??= mailerFromConfig()).then((m) => m.send(message)) };
};

let shared: CertificateDeps | undefined;
let localQueue: import('../local/batch-queue.js').InProcessBatchQueue | undefined;

/** Batches go to SQS when CERTIFICATE_QUEUE_URL is set, else to an in-process worker running processBatch. */
function batchQueue(deps: () => CertificateDeps): BatchQueue {
  const { CERTIFICATE_QUEUE_URL, AWS_REGION, STAGE } = config();
  if (CERTIFICATE_QUEUE_URL) return new SqsBatchQueue(new SQSClient({ region: AWS_REGION }), CERTIFICATE_QUEUE_URL);
  if (STAGE === 'aws') return { enqueue: async () => { throw new Error('Invalid environment: CERTIFICATE_QUEUE_URL is required to start certificate runs in AWS'); } };
  let queue: Promise<BatchQueue> | undefined;
  const get = () => (queue ??= import('../local/batch-queue.js').then(({ InProcessBatchQueue }) => {
    localQueue = new InProcessBatchQueue((m) => processBatch(deps(), m), { concurrency: 2, onError: (m, e) => logger.error('certificate batch failed', { ...m, error: String(e) }) });
    return localQueue;
  }));
  return { enqueue: async (messages) => (await get()).enqueue(messages) };
}

/** Resolves when the local in-process queue has nothing left (no-op with SQS). */
export async function localBatchesIdle(): Promise<void> {
  await localQueue?.idle();
}

export function certificateDeps(): CertificateDeps {
  if (shared) return shared;
  const { PUBLIC_BASE_URL, LOCAL_FILES_BASE_URL, STAGE } = config();
  // The base URL is baked into every credential and QR code: in AWS it must be the public API origin.
  if (STAGE === 'aws' && !PUBLIC_BASE_URL) throw new Error('Invalid environment: PUBLIC_BASE_URL is required for certificates in AWS');
  const { certificates, hours, municipalities } = repositories();
  const deps: CertificateDeps = {
    certificates, hours, municipalities,
    keys: new DynamoKeyStore(documentClient(), tableName(), keyVault()),
    files: certificateFiles(),
    queue: batchQueue(() => deps),
    mailer: lazyMailer(),
    clock: systemClock,
    random: cryptoRandom,
    newId: randomUUID,
    baseUrl: PUBLIC_BASE_URL ?? LOCAL_FILES_BASE_URL ?? 'http://localhost:3000',
    renderPdf: (input) => renderCertificatePdf(input),
    batchSize: 25,
    concurrency: 4,
    log: (message, detail) => logger.info(message, detail),
  };
  shared = deps;
  return deps;
}

/** For the local stack and tests that change the environment after the first wiring. */
export function resetCertificateDeps(): void {
  shared = undefined;
  localQueue = undefined;
}
