// Platform figures: p50/p99 of GET /v1/municipalities/{code} through the local gateway vs the same DynamoDB calls raw.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient } from '../lib/data/admin.js';
import { createDocumentClient } from '../lib/data/client.js';
import { startLocalStack } from '../lib/local/stack.js';
import { CallRecorder, comparisonRows, gatewayVsRaw } from './replay.js';
import { FULL, printTable, type BenchOptions } from './stats.js';

export async function benchPlatform(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench', dynamo: options.dynamo });
  const raw = createDocumentClient(localClient(stack.dynamo.endpoint));
  try {
    const recorder = new CallRecorder(stack.runtime.db);
    const n = options.smoke ? 5 : 1000;
    const run = await gatewayVsRaw(recorder, raw, async () => {
      const res = await fetch(`${stack.baseUrl}/v1/municipalities/LV-042`);
      if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
      await res.arrayBuffer();
    }, n);
    printTable(`GET /v1/municipalities/{code} via gateway vs the same DynamoDB calls raw (${n} sequential requests each, DynamoDB Local)`,
      comparisonRows('GET /v1/municipalities/{code}', await run.measureRaw()));
  } finally {
    raw.destroy();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
