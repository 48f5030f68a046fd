// Table administration for local runs and tests: create the table from the shared definition, wait for it.
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS } from './client.js';
import { createTableInput } from './table.js';

export function localClient(endpoint: string, region = 'eu-north-1'): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
}

/** Creates the table unless it exists (idempotent), then waits until it is ACTIVE. */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<'created' | 'existed'> {
  let outcome: 'created' | 'existed' = 'created';
  try {
    await client.send(new CreateTableCommand(createTableInput(name)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    outcome = 'existed';
  }
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return outcome;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

/** Resolves once the endpoint answers a ListTables call, or rejects after `timeoutMs`. */
export async function waitForDynamo(client: DynamoDBClient, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${String(last)}`);
}
