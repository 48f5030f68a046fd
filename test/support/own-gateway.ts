// e2e helper: a gateway of the test's own on its own table (same DynamoDB Local, same keys), for suites that compare whole-table scans.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureTable, localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { routeList } from '../../lib/http/routes.js';
import { createGateway, listen } from '../../lib/local/gateway.js';
import { tokenVerifier } from '../../lib/local/identity-provider.js';
import { installLocalRuntime } from '../../lib/local/runtime.js';
import { seedReferenceData } from '../../lib/local/seed.js';
import { PROJECT_ROOT } from '../../lib/local/stack.js';

export async function ownGateway(prefix: string) {
  const endpoint = inject('e2eDynamoEndpoint');
  const table = `${prefix}-${randomUUID().slice(0, 8)}`;
  const client = localClient(endpoint);
  await ensureTable(client, table);
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const server = createGateway({ routes: routeList, verify: tokenVerifier(inject('localKeys')), root: PROJECT_ROOT });
  const port = await listen(server, 0);
  const doc = createDocumentClient(client);
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const runtime = installLocalRuntime({ endpoint, table, dataDir, filesSecret: randomBytes(32).toString('base64url'), filesBaseUrl: baseUrl });
  await seedReferenceData(runtime.repositories);
  return {
    baseUrl,
    /** Every item of the table, sorted by key, as JSON lines. */
    async scan(): Promise<string[]> {
      const out: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
        out.push(...(page.Items ?? []).map((i) => JSON.stringify(Object.fromEntries(Object.entries(i).sort(([a], [b]) => a.localeCompare(b))))));
        start = page.LastEvaluatedKey;
      } while (start);
      return out.sort();
    },
    async call(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization ??= `Bearer ${options.token}`;
      let body = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
      client.destroy();
    },
  };
}
