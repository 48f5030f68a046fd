// The deps of the youth house's offer links and its scheduled sweep (offers passed on, offer / reminder / cancellation emails).
import { HmacLinkSigner } from '../credentials/link-signer.js';
import { DynamoFeedReader } from '../data/feed-reader.js';
import { DynamoAttendanceRepository } from '../data/youth-house-attendance.js';
import type { OfferLinkDeps } from '../domain/youth-house/offer-links.js';
import type { OfferMailDeps, SweepDeps } from '../domain/youth-house/notifications.js';
import { logger } from '../http/logger.js';
import { awsBaseUrl, awsLinkKey, awsMailer, awsTable } from './aws.js';
import { lazyPort, repositories } from './deps.js';
import { adapter, deferred } from './runtime.js';
import { youthHouseDeps } from './youth-house.js';

/** An offer's link page: the youth house's sign-ups and the link signer (key from the key store). */
export function offerLinkDeps(): OfferLinkDeps {
  const house = youthHouseDeps();
  return deferred(() => ({
    youthHouse: house.youthHouse, clock: house.clock, newNonce: house.newNonce,
    signer: new HmacLinkSigner(adapter('linkKey', awsLinkKey)),
  }));
}

/** The PlaceOffered reaction: the sign-up, the volunteer's address, the mailer and the link signer. */
export function offerMailDeps(): OfferMailDeps {
  const links = offerLinkDeps();
  return deferred(() => ({
    youthHouse: links.youthHouse, clock: links.clock, signer: links.signer,
    hours: repositories().hours,
    mailer: lazyPort(() => adapter('mailer', awsMailer)),
    get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
    onError: (error: unknown, what: string) => logger.error('youth-house email not sent', { what, error: String(error) }),
  }));
}

export function sweepDeps(): SweepDeps {
  const links = offerLinkDeps();
  return deferred(() => {
    const table = adapter('table', awsTable);
    const { hours, municipalities } = repositories();
    return {
      youthHouse: links.youthHouse, clock: links.clock, newNonce: links.newNonce, signer: links.signer,
      hours, municipalities,
      calendar: new DynamoFeedReader(table.db, table.name),
      roster: new DynamoAttendanceRepository(table.db, table.name),
      mailer: lazyPort(() => adapter('mailer', awsMailer)),
      get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
      onError: (error: unknown, what: string) => logger.error('youth-house email not sent', { what, error: String(error) }),
    };
  });
}
