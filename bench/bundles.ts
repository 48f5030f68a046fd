// Bundle size per function and cold import time of each bundled handler against an empty module.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { routeList } from '../lib/http/routes.js';
import { tableAccessOf, usesOf, type RouteDef } from '../lib/http/route.js';
import { PROJECT_ROOT } from '../lib/local/stack.js';
import { FULL, printTable, percentile, type BenchOptions } from './stats.js';

/** The same esbuild settings as infra/constructs/app-function.ts (ESM, node24, minified, SDK bundled); one output per entry. */
async function bundleAll(entries: readonly string[], outdir: string): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: entries.map((e) => resolve(PROJECT_ROOT, e)),
    outdir,
    outbase: PROJECT_ROOT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    charset: 'utf8',
    logLevel: 'error',
    metafile: true,
  });
  const outputs = new Map<string, string>();
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) outputs.set(relative(PROJECT_ROOT, resolve(PROJECT_ROOT, meta.entryPoint)), resolve(out));
  }
  return outputs;
}

/**
 * The environment CDK gives the function serving these routes (infra/stacks/api-stack.ts, infra/constructs/app-function.ts),
 * with placeholder values: a bundle must import cleanly with exactly what it would have in AWS, nothing from this process.
 */
export function awsEnvironment(group: readonly RouteDef[]): Record<string, string> {
  const uses = usesOf(group);
  return {
    PATH: process.env.PATH ?? '',
    STAGE: 'aws', POWERTOOLS_SERVICE_NAME: 'jaunatne', POWERTOOLS_LOG_LEVEL: 'ERROR', AWS_REGION: 'eu-north-1',
    PUBLIC_BASE_URL: 'https://api.jaunatne.example',
    ...(tableAccessOf(group) !== 'none' ? { TABLE_NAME: 'bench-table' } : {}),
    ...(uses.files ? { FILES_BUCKET: 'bench-files' } : {}),
    ...(uses.events ? { EVENT_BUS_NAME: 'bench-bus' } : {}),
    ...(uses.certificateQueue ? { CERTIFICATE_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/000000000000/bench-batches' } : {}),
    ...(uses.mail ? { SES_SENDER: 'bench@jaunatne.example' } : {}),
  };
}

/** Median wall time of `import(file)` in a fresh Node process, over `runs` processes. */
function importMs(file: string, runs: number, env: Record<string, string>): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { env, encoding: 'utf8' }).trim()));
  }
  return percentile(samples.sort((a, b) => a - b), 50);
}

export async function benchBundles(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bundles-'));
  try {
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export const handler = async () => ({});\n');
    const runs = options.smoke ? 1 : 7;
    const baseline = importMs(empty, runs, awsEnvironment([]));
    const groups = Map.groupBy(routeList, (r) => r.entry);
    const all = [...groups.keys()].sort();
    // smoke: the first function of each area (functions/http/<area>/), enough to prove bundling and importing still work
    const entries = options.smoke ? all.filter((e, i) => i === 0 || dirname(all[i - 1]!) !== dirname(e)) : all;
    const outputs = await bundleAll(entries, dir);
    const rows = [];
    for (const entry of entries) {
      const out = outputs.get(entry);
      if (!out) throw new Error(`esbuild wrote no bundle for ${entry}`);
      const ms = importMs(out, runs, awsEnvironment(groups.get(entry)!));
      rows.push({ function: entry.replace(/^functions\//, ''), bundle_kb: statSync(out).size / 1024, import_ms: ms, vs_empty: ms / baseline });
    }
    rows.push({ function: '(empty module)', bundle_kb: statSync(empty).size / 1024, import_ms: baseline, vs_empty: 1 });
    const scope = options.smoke ? `smoke: ${entries.length} of ${all.length} functions, ` : '';
    printTable(`Bundle size and cold import time (${scope}median of ${runs} fresh processes, Node ${process.versions.node}, each with its AWS environment)`, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
