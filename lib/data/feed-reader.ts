// What the feeds read of the youth house: published and calendar-listed opportunities, a youth's sign-ups, opportunities by id.
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FeedReader } from '../domain/youth-house/feed-ports.js';
import type { FeedOpportunity } from '../domain/youth-house/feeds.js';
import type { Opportunity, SignUp } from '../domain/youth-house/types.js';
import { keys } from './keys.js';
import { queryAll, type Item } from './query.js';
import { INDEXES } from './table.js';

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entityType', 'waitSeq'];
const strip = <T>(item: Item): T => Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.includes(k))) as T;
/** BatchGetItem takes at most 100 keys per call. */
const BATCH = 100;

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
    const out: Opportunity[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      let pending: Record<string, unknown>[] | undefined = ids.slice(i, i + BATCH).map((id) => keys.opportunity(id));
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        const result: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending } } }));
        out.push(...(result.Responses?.[this.table] ?? []).map((item) => strip<Opportunity>(item)));
        pending = result.UnprocessedKeys?.[this.table]?.Keys;
        if (pending && pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return out;
  }
}
