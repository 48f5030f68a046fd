// A batch get the repositories share, kept apart from query.ts so that bundles which only query do not carry BatchGetCommand.
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from './query.js';

/** BatchGetItem takes at most 100 keys per call. */
const BATCH = 100;

/** Every item of `keys` that exists, in no particular order: 100 keys per call, unprocessed keys retried with backoff. */
export async function batchGetAll(db: DynamoDBDocumentClient, table: string, keys: readonly Record<string, unknown>[]): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + BATCH);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      const result: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
      out.push(...(result.Responses?.[table] ?? []));
      pending = result.UnprocessedKeys?.[table]?.Keys;
      if (pending && pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  }
  return out;
}
