// The use cases' deps, shaped from the adapters of this runtime (lib/wiring/runtime.ts): the one place deps are
// assembled. Each builder returns a deferred object (built on first use), so handlers call them at module scope.
import { randomUUID } from 'node:crypto';
import { DynamoKeyStore } from '../data/issuer-key-store.js';
import { keys } from '../data/keys.js';
import { dynamoRepositories, type Repositories } from '../data/repositories.js';
import type { AttachmentDeps } from '../domain/applications/use-cases/attachments.js';
import type { ApplicationDeps } from '../domain/applications/use-cases/deps.js';
import { DEFAULT_APPLICATION_POLICY } from '../domain/applications/policy.js';
import { cryptoRandom } from '../domain/certificates/code.js';
import type { CertificateRenderer, CredentialSigner } from '../domain/certificates/ports.js';
import type { CertificateDeps } from '../domain/certificates/use-cases/deps.js';
import { systemClock, type Clock } from '../domain/clock.js';
import type { HoursDeps } from '../domain/hours/use-cases/deps.js';
import { logger } from '../http/logger.js';
import { awsBaseUrl, awsBatchQueue, awsBlobs, awsCertificateFiles, awsKeyVault, awsMailer, awsTable } from './aws.js';
import { adapter, deferred } from './runtime.js';

let cached: { table: unknown; repositories: Repositories } | undefined;

/** The DynamoDB repositories on this runtime's table (one set per table client). */
function tableRepositories(): Repositories {
  const table = adapter('table', awsTable);
  if (cached?.table !== table) cached = { table, repositories: dynamoRepositories(table.db, table.name) };
  return cached.repositories;
}

export function repositories(): Repositories {
  return deferred(tableRepositories);
}

/** The repositories and the system clock (municipalities, allocation, headcounts). */
export function tableDeps(): Repositories & { clock: Clock } {
  return deferred(() => ({ ...tableRepositories(), clock: systemClock }));
}

export function hoursDeps(): HoursDeps {
  return deferred(() => ({ ...tableRepositories(), clock: systemClock }));
}

export function applicationDeps(): ApplicationDeps {
  return deferred(() => {
    const { applications, ceilings } = tableRepositories();
    return {
      applications, ceilings, mailer: lazyPort(() => adapter('mailer', awsMailer)), blobs: lazyPort(() => adapter('blobs', awsBlobs)),
      clock: systemClock, policy: DEFAULT_APPLICATION_POLICY, newId: randomUUID,
      onMailError: (error: unknown) => logger.error('receipt email not sent', error as Error),
    };
  });
}

export function attachmentDeps(): AttachmentDeps {
  return deferred(() => ({
    applications: tableRepositories().applications, clock: systemClock, newId: randomUUID,
    blobs: lazyPort(() => adapter('blobs', awsBlobs)), blobKey: keys.applicationAttachmentBlob,
  }));
}

/** What only the functions that issue or render certificates carry (pdf-lib, the signer): lib/wiring/issuing.ts adds them. */
export interface CertificateRendering {
  renderPdf: CertificateRenderer;
  signCredential: CredentialSigner;
}

const notHere = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is not wired into this function: its entry uses lib/wiring/issuing.ts when it renders or signs`);
};

/** The certificate use cases' deps; without `rendering` the PDF renderer and the signer refuse (read-only functions). */
export function certificateDeps(rendering?: CertificateRendering): CertificateDeps {
  return deferred((): CertificateDeps => {
    const { certificates, hours, municipalities } = tableRepositories();
    const table = adapter('table', awsTable);
    return {
      certificates, hours, municipalities,
      keys: lazyPort(() => new DynamoKeyStore(table.db, table.name, adapter('keyVault', awsKeyVault))),
      files: lazyPort(() => adapter('certificateFiles', awsCertificateFiles)),
      queue: lazyPort(() => adapter('batchQueue', awsBatchQueue)),
      mailer: lazyPort(() => adapter('mailer', awsMailer)),
      clock: systemClock,
      random: cryptoRandom,
      newId: randomUUID,
      get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
      renderPdf: rendering?.renderPdf ?? notHere('the certificate PDF renderer'),
      signCredential: rendering?.signCredential ?? notHere('the credential signer'),
      batchSize: 25,
      concurrency: 4,
      log: (message, detail) => logger.info(message, detail),
    };
  });
}

/**
 * A port whose adapter is built on its first call, so a function that never mails needs no mail configuration
 * (and one that never signs, no key vault). Every member of the port must be a method.
 */
export function lazyPort<T extends object>(build: () => T): T {
  let port: T | undefined;
  return new Proxy({} as T, {
    get: (_, method) => method === 'then' ? undefined : (...args: unknown[]) => {
      port ??= build();
      return (Reflect.get(port, method) as (...a: unknown[]) => unknown).apply(port, args);
    },
  });
}
