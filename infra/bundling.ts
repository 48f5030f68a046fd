// The one set of esbuild options every Lambda is bundled with: CDK (infra/constructs/app-function.ts), the bundle
// budget test (test/infra/bundles.test.ts) and the bench (bench/bundles.ts) all read it, so they measure what deploys.
import { resolve } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';

/** The repository root: entries are relative to it, and esbuild, package-lock.json and tsconfig.json live here. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** Handlers are ESM; the banner gives CommonJS dependencies bundled into them a working `require`. */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * Left to the Lambda runtime, not bundled: the AWS SDK v3 that Node.js 24 functions ship with (clients, lib-dynamodb,
 * s3-request-presigner). Bundling it costs 250–450 KB per function; the price is that AWS runs the SDK version of
 * the runtime, not the one in package-lock.json (README, "Deploying").
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*'] as const;

/** The esbuild settings CDK's NodejsFunction is given (ESM, node24, minified, source maps without sources). */
export const BUNDLING = {
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  charset: 'utf8',
  externalModules: EXTERNAL_MODULES,
} as const;

/** The same settings as esbuild's own options, for building many entries at once (one output per entry). */
export function esbuildOptions(entries: readonly string[], outdir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints: entries.map((e) => resolve(PROJECT_ROOT, e)),
    outdir,
    outbase: PROJECT_ROOT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    target: BUNDLING.target,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    charset: BUNDLING.charset,
    external: [...BUNDLING.externalModules],
    logLevel: 'error',
    metafile: true,
  };
}

/** The package an input of the metafile belongs to (`pdf-lib`, `@pdf-lib/fontkit`), or undefined for our own code. */
export function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : scope;
}

/** Per output entry: its size without the source map, the packages it carries, and its inputs. */
export interface BundleReport {
  /** Relative to the project root, e.g. `functions/http/platform/get-health.ts`. */
  entry: string;
  /** The bundle's absolute path. */
  file: string;
  /** Bytes of the minified bundle (the source map is a separate file). */
  bytes: number;
  /** Bytes each package contributes to the bundle. */
  packages: Map<string, number>;
  /** Every input that contributes bytes, relative to the project root. */
  inputs: string[];
}

/**
 * Bundles the entries with the deploy settings into `outdir` and reports each. Keep `outdir` inside the project: the
 * external AWS SDK resolves from node_modules when a bundle is imported here (in Lambda the runtime provides it).
 */
export async function bundleEntries(entries: readonly string[], outdir: string): Promise<BundleReport[]> {
  const result = await build({ ...esbuildOptions(entries, outdir), absWorkingDir: PROJECT_ROOT });
  return bundleReports(result.metafile);
}

export function bundleReports(metafile: Metafile): BundleReport[] {
  const reports: BundleReport[] = [];
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const packages = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      if (name && bytesInOutput > 0) packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
    }
    const inputs = Object.keys(output.inputs).filter((i) => output.inputs[i]!.bytesInOutput > 0);
    reports.push({ entry: output.entryPoint, file: resolve(PROJECT_ROOT, file), bytes: output.bytes, packages, inputs });
  }
  return reports.sort((a, b) => a.entry.localeCompare(b.entry));
}
