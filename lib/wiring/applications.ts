// Wires the application use cases' ports to their adapters, once per Lambda process.
import { randomUUID } from 'node:crypto';
import { keys } from '../data/keys.js';
import { repositories } from '../data/repositories.js';
import type { AttachmentDeps } from '../domain/applications/use-cases/attachments.js';
import type { BlobStore } from '../files/blob-store.js';
import { blobStoreFromConfig } from '../files/blob-store-from-config.js';
import type { ApplicationDeps } from '../domain/applications/use-cases/deps.js';
import { DEFAULT_APPLICATION_POLICY } from '../domain/applications/policy.js';
import { systemClock } from '../domain/clock.js';
import { logger } from '../http/logger.js';
import type { Mailer } from '../mail/mailer.js';
import { mailerFromConfig } from '../mail/mailer-from-config.js';

/** The mailer is built on first use, so routes that never mail never need mail configuration. */
const lazyMailer = (): Mailer => {
  let mailer: Promise<Mailer> | undefined;
  return { send: async (message) => (mailer ??= mailerFromConfig()).then((m) => m.send(message)) };
};

export function applicationDeps(): ApplicationDeps {
  const { applications, ceilings } = repositories();
  return {
    applications, ceilings, mailer: lazyMailer(), blobs: lazyBlobs(), clock: systemClock, policy: DEFAULT_APPLICATION_POLICY, newId: randomUUID,
    onMailError: (error) => logger.error('receipt email not sent', error as Error),
  };
}

/** The blob store is built on first use, like the mailer. */
const lazyBlobs = (): BlobStore => {
  let store: Promise<BlobStore> | undefined;
  const get = () => (store ??= blobStoreFromConfig());
  return {
    presignUpload: async (...a) => (await get()).presignUpload(...a),
    presignDownload: async (...a) => (await get()).presignDownload(...a),
    head: async (...a) => (await get()).head(...a),
  };
};

export function attachmentDeps(): AttachmentDeps {
  const { applications } = repositories();
  return { applications, clock: systemClock, newId: randomUUID, blobs: lazyBlobs(), blobKey: keys.applicationAttachmentBlob };
}
