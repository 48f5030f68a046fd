// The public pages' deps, from this runtime's adapters (lib/wiring/runtime.ts), deferred like every deps object.
import { randomBytes } from 'node:crypto';
import { HmacLinkSigner } from '../credentials/link-signer.js';
import { DynamoConsentRepository } from '../data/consent-repository.js';
import { DynamoDecisionLinkStore } from '../data/decision-link-repository.js';
import { DynamoDigestStore } from '../data/digest-repository.js';
import { keys } from '../data/keys.js';
import { staffStatusOf } from '../domain/accounts/staff-status.js';
import { systemClock } from '../domain/clock.js';
import type { VerificationPageDeps } from '../domain/certificates/use-cases/verification-page.js';
import type { DecisionLinkDeps } from '../domain/hours/use-cases/decision-links.js';
import type { DigestDeps } from '../domain/hours/use-cases/decision-digest.js';
import type { ConsentDeps } from '../domain/hours/use-cases/guardian-consent.js';
import { logger } from '../http/logger.js';
import { awsBaseUrl, awsBlobs, awsLinkKey, awsMailer, awsTable } from './aws.js';
import { lazyPort, repositories } from './deps.js';
import { adapter, deferred } from './runtime.js';

export function verificationPageDeps(): VerificationPageDeps {
  return deferred(() => {
    const { certificates, municipalities } = repositories();
    return { certificates, municipalities };
  });
}

/** The decision-link pages: the logbook's deps plus the link store and the HMAC signer (key from the key store). */
export function decisionLinkDeps(): DecisionLinkDeps {
  return deferred(() => {
    const { hours, municipalities, invitations } = repositories();
    const table = adapter('table', awsTable);
    return {
      hours, municipalities, clock: systemClock,
      links: new DynamoDecisionLinkStore(table.db, table.name), staff: staffStatusOf(invitations),
      signer: new HmacLinkSigner(adapter('linkKey', awsLinkKey)),
      newNonce: () => randomBytes(16).toString('base64url'),
    };
  });
}

/** Guardian consent: the logbook's volunteers and programmes, the consent records, the link signer, mail and the scans' store. */
export function consentDeps(): ConsentDeps {
  return deferred(() => {
    const { hours, municipalities } = repositories();
    const table = adapter('table', awsTable);
    return {
      hours, municipalities, clock: systemClock,
      consents: new DynamoConsentRepository(table.db, table.name),
      signer: new HmacLinkSigner(adapter('linkKey', awsLinkKey)),
      mailer: lazyPort(() => adapter('mailer', awsMailer)),
      blobs: lazyPort(() => adapter('blobs', awsBlobs)),
      newNonce: () => randomBytes(16).toString('base64url'),
      get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
      scanKey: keys.consentScanBlob,
      onMailError: (error: unknown) => logger.error('consent email not sent', error as Error),
    };
  });
}

/** The daily digest: the decision links' deps plus the subscriptions and day claims, mail and the public origin. */
export function digestDeps(): DigestDeps {
  return deferred(() => {
    const table = adapter('table', awsTable);
    return {
      hours: repositories().hours, municipalities: repositories().municipalities, links: new DynamoDecisionLinkStore(table.db, table.name),
      staff: staffStatusOf(repositories().invitations),
      signer: new HmacLinkSigner(adapter('linkKey', awsLinkKey)), clock: systemClock, newNonce: () => randomBytes(16).toString('base64url'),
      digests: new DynamoDigestStore(table.db, table.name),
      mailer: lazyPort(() => adapter('mailer', awsMailer)),
      get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
      onError: (error: unknown, sub: string) => logger.error('decision digest not sent', { sub, error: String(error) }),
    };
  });
}
