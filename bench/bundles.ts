// Bundle size per function and cold import time of each bundled handler against an empty module.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { routeList } from '../lib/http/routes.js';
import { PROJECT_ROOT } from '../lib/local/stack.js';
import { printTable, percentile } from './stats.js';

/** The same esbuild settings as infra/constructs/app-function.ts (ESM, node24, minified, SDK bundled). */
async function bundle(entry: string, outfile: string): Promise<number> {
  await build({
    entryPoints: [resolve(PROJECT_ROOT, entry)],
    outfile,
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
  });
  return statSync(outfile).size;
}

/** Median wall time of `import(file)` in a fresh Node process, over `runs` processes. */
function importMs(file: string, runs: number): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const env = { ...process.env, TABLE_NAME: 'bench-table', AWS_REGION: 'eu-north-1', POWERTOOLS_LOG_LEVEL: 'ERROR' };
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { env, encoding: 'utf8' }).trim()));
  }
  return percentile(samples.sort((a, b) => a - b), 50);
}

export async function benchBundles(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bundles-'));
  try {
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export const handler = async () => ({});\n');
    const runs = 7;
    const baseline = importMs(empty, runs);
    const entries = [...new Set(routeList.map((r) => r.entry))].sort();
    const rows = [];
    for (const entry of entries) {
      const out = join(dir, `${entry.replaceAll('/', '_').replace(/\.ts$/, '')}.mjs`);
      const bytes = await bundle(entry, out);
      const ms = importMs(out, runs);
      rows.push({ function: entry.replace(/^functions\//, ''), bundle_kb: bytes / 1024, import_ms: ms, vs_empty: ms / baseline });
    }
    rows.push({ function: '(empty module)', bundle_kb: statSync(empty).size / 1024, import_ms: baseline, vs_empty: 1 });
    printTable(`Bundle size and cold import time (median of ${runs} fresh processes, Node ${process.versions.node})`, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
