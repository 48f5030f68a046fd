// The environment, parsed once with zod: a missing or malformed variable fails loudly at start-up.
import * as z from 'zod';

const envSchema = z.object({
  TABLE_NAME: z.string().min(3, 'DynamoDB table names need at least 3 characters'),
  AWS_REGION: z.string().default('eu-north-1'),
  /** Set only locally: DynamoDB Local's endpoint, e.g. http://127.0.0.1:8000. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Public base URL of the API, used in links (verification URLs, docs). */
  PUBLIC_BASE_URL: z.url().optional(),
  STAGE: z.enum(['local', 'test', 'aws']).default('aws'),
  /** Verified SES identity mail is sent from, e.g. "JSPA <no-reply@example.lv>"; unset locally (outbox). */
  SES_SENDER: z.string().min(3).optional(),
  /** Local only: where the outbox mailer writes .eml files (the local stack sets <dataDir>/outbox). */
  OUTBOX_DIR: z.string().min(1).optional(),
  /** S3 bucket for application attachments (AWS); unset locally, where files live under FILES_DIR. */
  FILES_BUCKET: z.string().min(3).optional(),
  /** Local only: the file store's directory, HMAC secret and the gateway URL its pre-signed links point at. */
  FILES_DIR: z.string().min(1).optional(),
  LOCAL_FILES_SECRET: z.string().min(16).optional(),
  LOCAL_FILES_BASE_URL: z.url().optional(),
  /** EventBridge bus for domain events; unset means the in-process local event bus. */
  EVENT_BUS_NAME: z.string().min(1).optional(),
  /** Set only locally: directory where the local event bus appends events.log. */
  LOCAL_DATA_DIR: z.string().min(1).optional(),
  /** SQS queue the certificate runs' batches go to (AWS); unset means batches are processed in-process. */
  CERTIFICATE_QUEUE_URL: z.url().optional(),
  /** Local only: directory of the issuers' private Ed25519 keys (local stack: <dataDir>/issuer-keys). */
  ISSUER_KEYS_DIR: z.string().min(1).optional(),
  /** AWS: issuer private keys are SecureString parameters named `<prefix>/<kid>` in Parameter Store. */
  ISSUER_KEYS_PARAMETER_PREFIX: z.string().regex(/^(\/[A-Za-z0-9_.-]+)+$/, 'a parameter path such as /jaunatne/issuer-keys').optional(),
  /** AWS: the decision links' HMAC key, a SecureString parameter (created on first use); locally <LOCAL_DATA_DIR>/link-key. */
  LINK_KEY_PARAMETER: z.string().regex(/^(\/[A-Za-z0-9_.-]+)+$/, 'a parameter name such as /jaunatne/link-key').optional(),
});

export type Config = z.infer<typeof envSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests and the local stack, which set the environment after this module loaded. */
export function resetConfig(): void {
  cached = undefined;
}
