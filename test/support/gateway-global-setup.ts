// End-to-end tests: the whole local stack (DynamoDB Local in memory, seeded table, gateway on a free port).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { LocalKeys } from '../../lib/local/identity-provider.js';
import { startLocalStack } from '../../lib/local/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    localKeys: LocalKeys;
    e2eDynamoEndpoint: string;
    e2eTableName: string;
    /** The local stack's data directory: outbox/ holds the .eml files the local mailer wrote; events.log the local event bus's events. */
    e2eDataDir: string;
    /** cognito-local: its endpoint, the user pool and the app client. */
    cognitoEndpoint: string;
    userPoolId: string;
    userPoolClientId: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-e2e-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-e2e' });
  project.provide('baseUrl', stack.baseUrl);
  project.provide('localKeys', stack.keys);
  project.provide('e2eDynamoEndpoint', stack.dynamo.endpoint);
  project.provide('e2eTableName', stack.tableName);
  project.provide('e2eDataDir', dir);
  project.provide('cognitoEndpoint', stack.cognito.endpoint);
  project.provide('userPoolId', stack.cognito.userPoolId);
  project.provide('userPoolClientId', stack.cognito.clientId);
  return async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
