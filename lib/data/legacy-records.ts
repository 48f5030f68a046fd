// LegacyRecords on the table: one parallel Scan (filtered by entity type, only the attributes it needs) for what
// earlier releases did not write, the MOVELOG item of a move request as the move repository writes it, and the
// backfill's marker. A whole-table read, once: later deploys find the marker and skip it.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LegacyRecords, LegacySurvey, LoggableMove } from '../domain/accounts/use-cases/backfill-accounts.js';
import { ENTITY, keys } from './keys.js';
import { moveLogItem } from './move-repository.js';
import type { Item } from './query.js';

/** Scan segments read at once (each a sequential page loop). */
const SEGMENTS = 4;
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export class DynamoLegacyRecords implements LegacyRecords {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async done(marker: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.migration(marker), ConsistentRead: true }));
    return Item !== undefined;
  }

  async markDone(marker: string, at: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.migration(marker), entityType: ENTITY.migration, doneAt: at } }));
  }

  async survey(): Promise<LegacySurvey> {
    const items = (await Promise.all(Array.from({ length: SEGMENTS }, (_, segment) => this.segment(segment)))).flat();
    const logged = new Set(items.filter((i) => i.entityType === ENTITY.moveLog).map((i) => String(i.requestId)));
    let unreadable = 0;
    const closedAccounts: string[] = [];
    const movesWithoutLog: LoggableMove[] = [];
    for (const i of items) {
      if (i.entityType === ENTITY.volunteer) {
        if (text(i.id)) closedAccounts.push(i.id);
        else unreadable++;
      } else if (i.entityType === ENTITY.moveRequest && !logged.has(String(i.id))) {
        if (text(i.id) && text(i.volunteerId) && text(i.requestedAt)) movesWithoutLog.push({ id: i.id, volunteerId: i.volunteerId, requestedAt: i.requestedAt });
        else unreadable++;
      }
    }
    return { closedAccounts, movesWithoutLog, unreadable };
  }

  async logMove(request: LoggableMove): Promise<boolean> {
    try {
      // only while the request exists: an erasure running meanwhile leaves no log item behind it
      await this.db.send(new TransactWriteCommand({ TransactItems: [
        { ConditionCheck: { TableName: this.table, Key: keys.moveRequest(request.id), ConditionExpression: 'attribute_exists(pk)' } },
        { Put: { TableName: this.table, Item: moveLogItem(request), ConditionExpression: 'attribute_not_exists(pk)' } },
      ] }));
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')) return false;
      throw error;
    }
  }

  private async segment(segment: number): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new ScanCommand({
        TableName: this.table, Segment: segment, TotalSegments: SEGMENTS,
        FilterExpression: '(entityType = :volunteer AND attribute_exists(closedAt)) OR entityType IN (:request, :log)',
        ProjectionExpression: 'entityType, id, requestId, volunteerId, requestedAt',
        ExpressionAttributeValues: { ':volunteer': ENTITY.volunteer, ':request': ENTITY.moveRequest, ':log': ENTITY.moveLog },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
