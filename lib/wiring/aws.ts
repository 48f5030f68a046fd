// The composition root of the Lambda functions: each AWS adapter built once, on first use, from the environment CDK
// sets (infra/constructs/app-function.ts), read once and validated with zod. Importing this module reads nothing, so
// a bundle imports cleanly without its environment; a missing variable fails the first call that needs it, loudly.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import * as z from 'zod';
import { linkKeyFromParameter } from '../credentials/link-key.js';
import { SsmKeyVault } from '../credentials/ssm-key-vault.js';
import { createDocumentClient } from '../data/client.js';
import { EventBridgeSink } from '../events/eventbridge-sink.js';
import { S3CertificateFiles } from '../files/certificate-files.js';
import { S3BlobStore } from '../files/s3-blob-store.js';
import { SesMailer } from '../mail/ses-mailer.js';
import { S3FileEraser } from '../files/file-eraser.js';
import { SqsBatchQueue } from '../queues/sqs-batch-queue.js';
import type { Adapters } from './runtime.js';

const envSchema = z.object({
  AWS_REGION: z.string().min(1).default('eu-north-1'),
  /** The single table (bindTable). */
  TABLE_NAME: z.string().min(3, 'DynamoDB table names need at least 3 characters').optional(),
  /** Public base URL of the API, baked into every credential and QR code. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** Verified SES identity mail is sent from, e.g. "JSPA <no-reply@example.lv>" (allowMail). */
  SES_SENDER: z.string().min(3).optional(),
  /** S3 bucket for application attachments and certificate PDFs (bindFiles). */
  FILES_BUCKET: z.string().min(3).optional(),
  /** EventBridge bus the outbox delivery publishes to (allowPublish). */
  EVENT_BUS_NAME: z.string().min(1).optional(),
  /** SQS queue the certificate runs' batches go to (allowSendTo). */
  CERTIFICATE_QUEUE_URL: z.url().optional(),
  /** Issuer private keys are SecureString parameters `<prefix>/<kid>` (allowIssuerKeys). */
  ISSUER_KEYS_PARAMETER_PREFIX: z.string().regex(/^(\/[A-Za-z0-9_.-]+)+$/, 'a parameter path such as /jaunatne/issuer-keys').optional(),
  /** The decision links' HMAC key, a SecureString parameter created on first use (allowLinkKey). */
  LINK_KEY_PARAMETER: z.string().regex(/^(\/[A-Za-z0-9_.-]+)+$/, 'a parameter name such as /jaunatne/link-key').optional(),
});

export type AwsEnvironment = z.infer<typeof envSchema>;

let parsed: AwsEnvironment | undefined;

/** The environment, parsed once (on first use). */
export function awsEnvironment(): AwsEnvironment {
  if (parsed) return parsed;
  const result = envSchema.safeParse(process.env);
  if (!result.success) throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  parsed = result.data;
  return parsed;
}

/** For tests that change the environment. */
export function resetAwsEnvironment(): void {
  parsed = undefined;
  for (const reset of resets) reset();
}

type Required<K extends keyof AwsEnvironment> = NonNullable<AwsEnvironment[K]>;

function required<K extends keyof AwsEnvironment>(name: K, purpose: string): Required<K> {
  const value = awsEnvironment()[name];
  if (value === undefined) throw new Error(`Invalid environment: ${name} is required ${purpose}`);
  return value as Required<K>;
}

const resets: (() => void)[] = [];

/** One instance per process, built on first call. */
function once<T>(build: () => T): () => T {
  let value: { v: T } | undefined;
  resets.push(() => (value = undefined));
  return () => (value ??= { v: build() }).v;
}

const region = () => awsEnvironment().AWS_REGION;
const s3 = /* @__PURE__ */ once(() => new S3Client({ region: region() }));

export const awsTable: Adapters['table'] = /* @__PURE__ */ once(() => ({
  db: createDocumentClient(new DynamoDBClient({ region: region() })),
  name: required('TABLE_NAME', 'to reach the table'),
}));

export const awsMailer: Adapters['mailer'] = /* @__PURE__ */ once(() => new SesMailer(new SESv2Client({ region: region() }), required('SES_SENDER', 'to send mail')));

export const awsBlobs: Adapters['blobs'] = /* @__PURE__ */ once(() => new S3BlobStore(s3(), required('FILES_BUCKET', 'for files')));

export const awsCertificateFiles: Adapters['certificateFiles'] = /* @__PURE__ */ once(() => {
  const bucket = required('FILES_BUCKET', 'for certificate PDFs');
  return new S3CertificateFiles(s3(), bucket, new S3BlobStore(s3(), bucket));
});

export const awsFileEraser: Adapters['fileEraser'] = /* @__PURE__ */ once(() => new S3FileEraser(s3(), required('FILES_BUCKET', 'to delete files')));

export const awsKeyVault: Adapters['keyVault'] = /* @__PURE__ */ once(() =>
  new SsmKeyVault(new SSMClient({ region: region() }), required('ISSUER_KEYS_PARAMETER_PREFIX', 'to sign certificates')));

export const awsBatchQueue: Adapters['batchQueue'] = /* @__PURE__ */ once(() =>
  new SqsBatchQueue(new SQSClient({ region: region() }), required('CERTIFICATE_QUEUE_URL', 'to start certificate runs')));

export const awsEvents: Adapters['events'] = /* @__PURE__ */ once(() =>
  new EventBridgeSink(new EventBridgeClient({ region: region() }), required('EVENT_BUS_NAME', 'to publish events')));

export const awsBaseUrl: Adapters['baseUrl'] = /* @__PURE__ */ once(() => required('PUBLIC_BASE_URL', 'for certificates (the public API origin)'));

export const awsLinkKey: Adapters['linkKey'] = /* @__PURE__ */ once(() => {
  const name = required('LINK_KEY_PARAMETER', 'for decision links');
  let key: Promise<Uint8Array> | undefined;
  return () => (key ??= linkKeyFromParameter(new SSMClient({ region: region() }), name).catch((error) => { key = undefined; throw error; }));
});
