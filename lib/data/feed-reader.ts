// What the feeds read of the youth house: published and calendar-listed opportunities, a youth's sign-ups, opportunities by id.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FeedReader } from '../domain/youth-house/feed-ports.js';
import type { FeedOpportunity } from '../domain/youth-house/feeds.js';
import type { Opportunity, SignUp } from '../domain/youth-house/types.js';
import { keys } from './keys.js';
import { batchGetAll } from './batch-get.js';
import { queryAll, type Item } from './query.js';
import { INDEXES } from './table.js';

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entityType', 'waitSeq'];
const strip = <T>(item: Item): T => Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.includes(k))) as T;

export class DynamoFeedReader implements FeedReader {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // non-draft opportunities of a municipality whose last shift ends at or after an instant
  async calendarOpportunities(municipality: string, endsFrom: string): Promise<FeedOpportunity[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEXES.byQueue.name, KeyConditionExpression: '#pk = :pk AND #sk >= :from',
      ExpressionAttributeNames: { '#pk': INDEXES.byQueue.partition, '#sk': INDEXES.byQueue.sort },
      ExpressionAttributeValues: { ':pk': keys.opportunityCalendar(municipality).gsi2pk, ':from': endsFrom },
    });
    return items.map((i) => strip<FeedOpportunity>(i));
  }

  // every sign-up of a youth for shifts dated in a range, cancelled ones too
  async signUpsOf(youthId: string, from: string, to: string): Promise<SignUp[]> {
    const range = keys.shiftSignUpRange(youthId, from, to);
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': range.pk, ':from': range.skFrom, ':to': range.skTo },
    });
    return items.map((i) => strip<SignUp>(i));
  }

  async opportunities(ids: readonly string[]): Promise<Opportunity[]> {
    const items = await batchGetAll(this.db, this.table, ids.map((id) => keys.opportunity(id)));
    return items.map((item) => strip<Opportunity>(item));
  }
}
