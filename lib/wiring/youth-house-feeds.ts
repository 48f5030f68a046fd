// The deps of the youth house's news and feeds, from this runtime's adapters, deferred like every deps object.
import { DynamoCalendarTokenRepository } from '../data/calendar-token-repository.js';
import { DynamoFeedReader } from '../data/feed-reader.js';
import { DynamoNewsRepository } from '../data/news-repository.js';
import { systemClock } from '../domain/clock.js';
import type { FeedDeps } from '../domain/youth-house/feed-use-cases.js';
import type { NewsDeps } from '../domain/youth-house/news-use-cases.js';
import { awsBaseUrl, awsBlobs, awsTable } from './aws.js';
import { repositories } from './deps.js';
import { adapter, deferred } from './runtime.js';

export function newsDeps(): NewsDeps {
  return deferred(() => {
    const table = adapter('table', awsTable);
    return {
      news: new DynamoNewsRepository(table.db, table.name), municipalities: repositories().municipalities, clock: systemClock,
      get blobs() { return adapter('blobs', awsBlobs); },
      get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
    };
  });
}

export function feedDeps(): FeedDeps {
  return deferred(() => {
    const table = adapter('table', awsTable);
    return {
      feeds: new DynamoFeedReader(table.db, table.name), news: new DynamoNewsRepository(table.db, table.name),
      calendarTokens: new DynamoCalendarTokenRepository(table.db, table.name), municipalities: repositories().municipalities, clock: systemClock,
      get baseUrl() { return adapter('baseUrl', awsBaseUrl); },
    };
  });
}
