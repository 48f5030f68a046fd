// LegacyRecords on the table: scans (filtered by entity type, every page) for what earlier releases did not write, and
// the MOVELOG item of a move request as the move repository writes it. A deploy-time read of the whole table, once.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand, type DynamoDBDocumentClient, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import type { MoveRequest } from '../domain/accounts/moves.js';
import type { LegacyRecords } from '../domain/accounts/use-cases/backfill-accounts.js';
import { ENTITY } from './keys.js';
import { moveLogItem, toRequest } from './move-repository.js';
import type { Item } from './query.js';

export class DynamoLegacyRecords implements LegacyRecords {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async closedWithoutRetention(): Promise<string[]> {
    const items = await this.scan({
      FilterExpression: 'entityType = :volunteer AND attribute_exists(closedAt) AND attribute_not_exists(retainedUntil)',
      ExpressionAttributeValues: { ':volunteer': ENTITY.volunteer },
    });
    return items.map((i) => String(i.id));
  }

  async movesWithoutLog(): Promise<MoveRequest[]> {
    const items = await this.scan({
      FilterExpression: 'entityType IN (:request, :log)',
      ExpressionAttributeValues: { ':request': ENTITY.moveRequest, ':log': ENTITY.moveLog },
    });
    const logged = new Set(items.filter((i) => i.entityType === ENTITY.moveLog).map((i) => String(i.requestId)));
    return items
      .filter((i) => i.entityType === ENTITY.moveRequest && !logged.has(String(i.id)))
      .map(toRequest);
  }

  async logMove(request: MoveRequest): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: moveLogItem(request),
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async scan(input: Omit<ScanCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new ScanCommand({ TableName: this.table, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
