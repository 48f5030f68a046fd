// Read helpers the repositories share: a strongly consistent get, all pages of a query, the "partition equals" condition.
import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;

/** Every item a query matches, following LastEvaluatedKey page by page (callers keep partitions small). */
export async function queryAll(db: DynamoDBDocumentClient, table: string, input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
  const out: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, TableName: table, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** `#pk = :pk` on the given key attribute (the table's pk or an index's partition attribute). */
export function partitionIs(attribute: string, value: string) {
  return {
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': attribute },
    ExpressionAttributeValues: { ':pk': value },
  };
}

/** One item by its key, read strongly consistent (repositories decide on what they read). */
export async function getConsistent(db: DynamoDBDocumentClient, table: string, key: { pk: string; sk: string }): Promise<Item | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
  return Item;
}
