// Integration-test helpers: a table of its own per suite on the shared DynamoDB Local, same definition as CDK.
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable, localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';

export async function suiteTable(prefix: string): Promise<{ doc: DynamoDBDocumentClient; table: string; drop(): Promise<void> }> {
  const client = localClient(inject('dynamoEndpoint'));
  const table = `${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, table);
  return {
    doc: createDocumentClient(client),
    table,
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: table }));
      client.destroy();
    },
  };
}
