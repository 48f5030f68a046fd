// Bundle size per function (the deploy settings of infra/bundling.ts, AWS SDK external as in Lambda) and cold import
// time of each bundled handler against an empty module.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleEntries, PROJECT_ROOT } from '../infra/bundling.js';
import { functionEntries } from '../infra/function-entries.js';
import { routeList } from '../lib/http/routes.js';
import { tableAccessOf, usesOf, type RouteDef } from '../lib/http/route.js';
import { FULL, printTable, percentile, type BenchOptions } from './stats.js';

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
  // inside the project: the AWS SDK is external (the Lambda runtime provides it) and resolves from node_modules here
  mkdirSync(join(PROJECT_ROOT, '.local'), { recursive: true });
  const dir = mkdtempSync(join(PROJECT_ROOT, '.local', 'bench-bundles-'));
  try {
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export const handler = async () => ({});\n');
    const runs = options.smoke ? 1 : 7;
    const baseline = importMs(empty, runs, awsEnvironment([]));
    const groups = Map.groupBy(routeList, (r) => r.entry);
    const all = functionEntries();
    // smoke: the first function of each directory, enough to prove bundling and importing still work
    const entries = options.smoke ? all.filter((e, i) => i === 0 || dirname(all[i - 1]!.entry) !== dirname(e.entry)) : all;
    const reports = new Map((await bundleEntries(entries.map((e) => e.entry), dir)).map((r) => [r.entry, r]));
    const rows = [];
    for (const { entry, rendersPdf } of entries) {
      const report = reports.get(entry);
      if (!report) throw new Error(`esbuild wrote no bundle for ${entry}`);
      const ms = importMs(report.file, runs, awsEnvironment(groups.get(entry) ?? []));
      rows.push({
        function: entry.replace(/^functions\//, ''), bundle_kb: report.bytes / 1024, budget_kb: rendersPdf ? 1536 : 300,
        import_ms: ms, vs_empty: ms / baseline,
      });
    }
    rows.push({ function: '(empty module)', bundle_kb: statSync(empty).size / 1024, budget_kb: 0, import_ms: baseline, vs_empty: 1 });
    const scope = options.smoke ? `smoke: ${entries.length} of ${all.length} functions, ` : '';
    printTable(`Bundle size (minified, no source map; AWS SDK from the runtime) and cold import time (${scope}median of ${runs} fresh processes, Node ${process.versions.node}, each with its AWS environment)`, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
