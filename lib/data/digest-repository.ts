// The supervisors' daily digest in the table: who subscribed (per municipality) and which Riga days were sent (claimed once).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DigestStore, DigestSubscription } from '../domain/hours/use-cases/decision-digest.js';
import { ENTITY, keys } from './keys.js';
import { queryAll } from './query.js';
import { TTL_ATTRIBUTE } from './table.js';

/** A day's claim is kept for 60 days (DynamoDB TTL), long after a second firing could ask. */
const DAY_CLAIM_SECONDS = 60 * 86_400;
const FIELDS = ['sub', 'municipality', 'institution', 'email', 'name', 'subscribedAt'] as const;

export class DynamoDigestStore implements DigestStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async subscribe(s: DigestSubscription): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.digestSubscription(s.municipality, s.sub), entityType: ENTITY.digestSubscription, ...s } }));
  }

  async subscribeUnlessChosen(s: DigestSubscription): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table, Item: { ...keys.digestSubscription(s.municipality, s.sub), entityType: ENTITY.digestSubscription, ...s },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  // turned off: the item stays as the supervisor's choice (optedOut), without their address
  async unsubscribe(municipality: string, sub: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.digestSubscription(municipality, sub), entityType: ENTITY.digestSubscription, sub, municipality, optedOut: true } }));
  }

  // the digest's subscribers of a municipality (not those who turned it off)
  async subscribers(municipality: string): Promise<DigestSubscription[]> {
    const k = keys.digestSubscriptionsPrefix(municipality);
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ConsistentRead: true,
    });
    return items.filter((i) => i.optedOut !== true).map((i) => Object.fromEntries(FIELDS.map((f) => [f, i[f] ?? null])) as unknown as DigestSubscription);
  }

  async claimDay(sub: string, day: string, at: string): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { ...keys.digestDay(sub, day), entityType: ENTITY.digestDay, sub, day, claimedAt: at, [TTL_ATTRIBUTE]: Math.floor(Date.parse(at) / 1000) + DAY_CLAIM_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async releaseDay(sub: string, day: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.digestDay(sub, day) }));
  }
}
