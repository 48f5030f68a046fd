// Platform figures: p50/p99 of GET /v1/municipalities/{code} through the local gateway vs the same DynamoDB calls raw.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient } from '../lib/data/admin.js';
import { createDocumentClient } from '../lib/data/client.js';
import { startLocalStack } from '../lib/local/stack.js';
import { CallRecorder, comparisonRows, gatewayVsRaw } from './replay.js';
import { FULL, measure, printTable, type BenchOptions } from './stats.js';

export async function benchPlatform(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench', dynamo: options.dynamo });
  const raw = createDocumentClient(localClient(stack.dynamo.endpoint));
  try {
    const recorder = new CallRecorder(stack.runtime.db);
    const n = options.smoke ? 5 : 1000;
    // Measured first, the gateway would pay for DynamoDB Local's JIT warm-up: a long warm-up puts every side on a warm JVM.
    const warmup = options.smoke ? 1 : 1000;
    const run = await gatewayVsRaw(recorder, raw, async () => {
      const res = await fetch(`${stack.baseUrl}/v1/municipalities/LV-042`);
      if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
      await res.arrayBuffer();
    }, n, warmup);
    const result = await run.measureRaw();
    // The transport floor: the same Lambda handler behind a bare node:http server in this process (no routing, no
    // event building, no JWT step). Gateway vs bare is what our local gateway adds; bare vs raw is what one HTTP hop
    // on this machine costs when the client, the server and DynamoDB Local's JVM share its cores.
    const { handler } = await import('../functions/http/municipalities/get-municipality.js');
    const bare = await bareServer(async () => {
      const event = { version: '2.0', routeKey: 'GET /v1/municipalities/{code}', rawPath: '/v1/municipalities/LV-042', rawQueryString: '', headers: {}, pathParameters: { code: 'LV-042' }, requestContext: { requestId: 'bench', routeKey: 'GET /v1/municipalities/{code}', http: { method: 'GET', path: '/v1/municipalities/LV-042' } } };
      return handler(event as never, { awsRequestId: 'bench', functionName: 'bench' } as never);
    });
    try {
      const bareLatency = await measure(async () => {
        const res = await fetch(bare.url);
        if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
        await res.arrayBuffer();
      }, n);
      const rows = comparisonRows('GET /v1/municipalities/{code}', result);
      rows.splice(1, 0, { path: 'the same handler behind a bare node:http server', round_trips: result.roundTrips, p50_ms: bareLatency.p50, p99_ms: bareLatency.p99, mean_ms: bareLatency.mean });
      rows.push({ path: 'ratio gateway/bare server', round_trips: '', p50_ms: result.gateway.p50 / bareLatency.p50, p99_ms: result.gateway.p99 / bareLatency.p99, mean_ms: result.gateway.mean / bareLatency.mean });
      printTable(`GET /v1/municipalities/{code} via gateway vs the same DynamoDB calls raw (${n} sequential requests each, DynamoDB Local)`, rows);
    } finally {
      bare.server.close();
    }
  } finally {
    raw.destroy();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A bare HTTP server answering every request with what `invoke` (a Lambda handler call) returns. */
async function bareServer(invoke: () => Promise<{ statusCode: number; headers?: Record<string, string>; body?: string }>): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    invoke().then((r) => {
      res.writeHead(r.statusCode, r.headers);
      res.end(r.body);
    }, (error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` };
}
