// Guardian consent in the table: the record per volunteer, its history, its links, and the volunteer's projection,
// every change one transaction with its outbox events.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { consentRecordSchema, type ConsentChange, type ConsentLink, type ConsentRecord, type ConsentRepository, type ConsentStatus } from '../domain/hours/consent.js';
import { LinkAlreadyUsed } from '../domain/hours/ports.js';
import { ENTITY, keys } from './keys.js';
import { outboxPuts } from './outbox.js';
import type { TransactItem } from './transact.js';
import { queryAll } from './query.js';
import { INDEXES } from './table.js';


const RECORD_FIELDS = Object.keys(consentRecordSchema.shape);
const LINK_FIELDS = ['nonce', 'volunteerId', 'createdAt', 'expiresAt', 'usedAt', 'withdrawnAt'] as const;

export class DynamoConsentRepository implements ConsentRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // a volunteer's consent record (strongly consistent)
  async get(volunteerId: string): Promise<ConsentRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.guardianConsent(volunteerId), ConsistentRead: true }));
    return Item ? consentRecordSchema.parse(Object.fromEntries(RECORD_FIELDS.map((f) => [f, Item[f]]))) : undefined;
  }

  async history(volunteerId: string): Promise<ConsentRecord[]> {
    const k = keys.guardianConsentLogPrefix(volunteerId);
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ConsistentRead: true,
    });
    return items.map((i) => consentRecordSchema.parse(Object.fromEntries(RECORD_FIELDS.map((f) => [f, i[f]]))));
  }

  // one consent link by nonce (strongly consistent)
  async getLink(nonce: string): Promise<ConsentLink | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.consentLink(nonce), ConsistentRead: true }));
    return Item ? Object.fromEntries(LINK_FIELDS.map((f) => [f, Item[f] ?? null])) as unknown as ConsentLink : undefined;
  }

  // a municipality's consents in one status, most recently changed first
  async listByStatus(municipality: string, status: ConsentStatus, limit: number): Promise<ConsentRecord[]> {
    const { Items } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byCollection.name,
      KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': INDEXES.byCollection.partition },
      ExpressionAttributeValues: { ':pk': keys.guardianConsentsListed(municipality, status).gsi1pk },
      ScanIndexForward: false, Limit: limit,
    }));
    return (Items ?? []).map((i) => consentRecordSchema.parse(Object.fromEntries(RECORD_FIELDS.map((f) => [f, i[f]]))));
  }

  async commit(change: ConsentChange): Promise<void> {
    const r = change.record;
    const items: TransactItem[] = [{
      Put: {
        TableName: this.table,
        Item: {
          ...keys.guardianConsent(r.volunteerId), ...keys.guardianConsentListing(r.municipality, r.status, r.updatedAt, r.volunteerId),
          entityType: ENTITY.guardianConsent, ...r,
        },
        ...(r.version === 1
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': r.version - 1 } }),
      },
    }, {
      Put: { TableName: this.table, Item: { ...keys.guardianConsentLog(r.volunteerId, r.updatedAt, r.version), entityType: ENTITY.guardianConsentLog, ...r } },
    }];
    if (change.newLink) {
      // usedAt / withdrawnAt are absent until set (their conditions are attribute_not_exists).
      const { usedAt: _u, withdrawnAt: _w, ...link } = change.newLink;
      items.push({ Put: { TableName: this.table, Item: { ...keys.consentLink(link.nonce), entityType: ENTITY.consentLink, ...link }, ConditionExpression: 'attribute_not_exists(pk)' } });
    }
    if (change.claim) {
      items.push({ Update: {
        TableName: this.table, Key: keys.consentLink(change.claim.nonce), UpdateExpression: 'SET usedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :at', ExpressionAttributeValues: { ':at': change.claim.at },
      } });
    }
    if (change.withdrawBy) {
      items.push({ Update: {
        TableName: this.table, Key: keys.consentLink(change.withdrawBy.nonce), UpdateExpression: 'SET withdrawnAt = :at',
        ConditionExpression: 'attribute_exists(usedAt) AND attribute_not_exists(withdrawnAt)', ExpressionAttributeValues: { ':at': change.withdrawBy.at },
      } });
    }
    if (change.volunteerConsent !== undefined) {
      items.push({ Update: {
        TableName: this.table, Key: keys.volunteer(r.volunteerId), UpdateExpression: 'SET guardianConsent = :c',
        ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':c': change.volunteerConsent },
      } });
    }
    items.push(...outboxPuts(this.table, change.events));
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
      if (failed(0)) throw new ConflictError(`the consent of ${r.volunteerId} changed meanwhile`);
      const linkAt = items.findIndex((it) => it.Update?.Key?.sk === 'CONSENT' || it.Put?.Item?.entityType === ENTITY.consentLink);
      if (linkAt >= 0 && failed(linkAt)) throw new LinkAlreadyUsed('the consent link was used, withdrawn or expired');
      if (reasons.some((x) => x.Code === 'ConditionalCheckFailed')) throw new NotFoundError('volunteer', r.volunteerId);
      throw new ConflictError('the consent could not be recorded now; try again');
    }
  }
}
