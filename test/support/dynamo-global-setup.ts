// Integration tests: one in-memory DynamoDB Local for the run, the table created from the shared definition.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTable, localClient } from '../../lib/data/admin.js';
import { startDynamoLocal } from '../../lib/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-it-'));
  const dynamo = await startDynamoLocal({ pidFile: join(dir, 'dynamodb.pid') });
  const tableName = 'jaunatne-it';
  const client = localClient(dynamo.endpoint);
  await ensureTable(client, tableName);
  client.destroy();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableName', tableName);
  return async () => {
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
