// The published allocation lines, read as the ceilings of what each municipality may request.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AllocationCeilings } from '../domain/applications/ports.js';
import { keys } from './keys.js';

type Ceiling = { amountCents: number; runId: string };

const toCeiling = (item: Record<string, unknown>): Ceiling | undefined =>
  typeof item.amountCents === 'number' && Number.isInteger(item.amountCents) && typeof item.runId === 'string'
    ? { amountCents: item.amountCents, runId: item.runId }
    : undefined;

export class DynamoAllocationCeilings implements AllocationCeilings {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // the published allocation line of one municipality (written by allocation publishing)
  async ceilingFor(municipality: string): Promise<Ceiling | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.publishedAllocation(municipality), ConsistentRead: true }));
    return Item ? toCeiling(Item) : undefined;
  }

  // every published allocation line (one partition, ≤ 43 items)
  async all(): Promise<Map<string, Ceiling>> {
    const k = keys.publishedAllocations();
    const out = new Map<string, Ceiling>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': k.pk, ':prefix': k.skPrefix },
        ExclusiveStartKey: start,
      }));
      for (const item of page.Items ?? []) {
        const c = toCeiling(item);
        if (c && typeof item.code === 'string') out.set(item.code, c);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
