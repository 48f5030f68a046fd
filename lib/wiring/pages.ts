// Wires the public pages' ports to their adapters, once per Lambda process (the pages read; they never write).
import { randomBytes } from 'node:crypto';
import { linkKeyFromConfig } from '../credentials/link-key.js';
import { HmacLinkSigner } from '../credentials/link-signer.js';
import { documentClient, tableName } from '../data/client.js';
import { DynamoDecisionLinkStore } from '../data/decision-link-repository.js';
import { repositories } from '../data/repositories.js';
import { systemClock } from '../domain/clock.js';
import type { DecisionLinkDeps } from '../domain/hours/use-cases/decision-links.js';
import type { VerificationPageDeps } from '../domain/certificates/use-cases/verification-page.js';

export function verificationPageDeps(): VerificationPageDeps {
  const { certificates, municipalities } = repositories();
  return { certificates, municipalities };
}

/** The decision-link pages: the logbook's deps plus the link store and the HMAC signer (key from the key store). */
export function decisionLinkDeps(): DecisionLinkDeps {
  const { hours, municipalities } = repositories();
  return {
    hours, municipalities, clock: systemClock,
    links: new DynamoDecisionLinkStore(documentClient(), tableName()),
    signer: new HmacLinkSigner(linkKeyFromConfig),
    newNonce: () => randomBytes(16).toString('base64url'),
  };
}
