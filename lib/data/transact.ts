// One transaction, and why it was cancelled: the indexes of the items whose condition failed go to `explain`, which
// names the final error; any other cancellation (a transaction conflict, a throttled item) is `otherwise`'s error.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export async function transactExplained(
  db: DynamoDBDocumentClient, items: TransactItem[],
  explain: (failedConditions: number[]) => Error | undefined,
  otherwise: (codes: string[]) => Error,
): Promise<void> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
    throw explain(failed) ?? otherwise(reasons.map((r) => r.Code ?? 'None'));
  }
}
