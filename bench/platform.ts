// Platform figures: p50/p99 of GET /v1/municipalities/{code} through the local gateway vs a raw GetItem.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../lib/data/client.js';
import { localClient } from '../lib/data/admin.js';
import { keys } from '../lib/data/keys.js';
import { startLocalStack } from '../lib/local/stack.js';
import { FULL, measure, printTable, type BenchOptions } from './stats.js';

export async function benchPlatform(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench', dynamo: options.dynamo });
  try {
    const doc = createDocumentClient(localClient(stack.dynamo.endpoint));
    const n = options.smoke ? 5 : 1000;
    const raw = await measure(() => doc.send(new GetCommand({ TableName: stack.tableName, Key: keys.municipality('LV-042') })), n);
    const http = await measure(async () => {
      const res = await fetch(`${stack.baseUrl}/v1/municipalities/LV-042`);
      if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
      await res.arrayBuffer();
    }, n);
    printTable(`GET /v1/municipalities/{code} via gateway vs raw GetItem (${n} sequential requests each, DynamoDB Local)`, [
      { path: 'raw GetItem', p50_ms: raw.p50, p99_ms: raw.p99, mean_ms: raw.mean },
      { path: 'gateway + handler', p50_ms: http.p50, p99_ms: http.p99, mean_ms: http.mean },
      { path: 'ratio gateway/raw', p50_ms: http.p50 / raw.p50, p99_ms: http.p99 / raw.p99, mean_ms: http.mean / raw.mean },
    ]);
    doc.destroy();
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
