// A batch write the repositories share (puts or deletes), kept apart from query.ts so that bundles which only query do
// not carry BatchWriteCommand.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from './query.js';

/** BatchWriteItem takes at most 25 requests per call. */
const BATCH = 25;

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** Every request, 25 per call, unprocessed ones retried with backoff; not atomic (callers order their batches). */
export async function batchWriteAll(db: DynamoDBDocumentClient, table: string, requests: readonly WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH) {
    let pending: WriteRequest[] | undefined = requests.slice(i, i + BATCH);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] as WriteRequest[] | undefined;
      if (pending?.length) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  }
}
