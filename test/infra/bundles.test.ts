// The bundle budget, read from esbuild's metafile with the deploy settings (infra/bundling.ts): every function's
// size, no local-only code in any of them, and no package a function's use case does not need. Sizes are
// deterministic for a given lock file; nothing here is timed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntries, PROJECT_ROOT, type BundleReport } from '../../infra/bundling.js';
import { functionEntries, type FunctionEntry } from '../../infra/function-entries.js';

const KB = 1024;
/** HTTP functions and every other function that renders no PDF. */
const BUDGET_BYTES = 300 * KB;
/** Functions that render PDFs (pdf-lib, fontkit, the QR encoder). */
const PDF_BUDGET_BYTES = 1.5 * KB * KB;

/** What every function may carry: validation, logging (Powertools and what it brings along). */
const BASE_PACKAGES = ['zod', '@aws-lambda-powertools/logger', '@aws-lambda-powertools/commons', '@aws/lambda-invoke-store'];
/** The HTTP middleware. */
const HTTP_PACKAGES = ['@middy/core'];
/** Batch processing with partial responses (the SQS worker, the stream delivery). */
const WORKER_PACKAGES = ['@aws-lambda-powertools/batch'];
/** Signing and the issuer keys: only the certificate use cases. */
const CREDENTIAL_PACKAGES = ['jose'];
/** The zip writer: only the personal-data export. */
const ARCHIVE_PACKAGES = ['fflate'];
/** PDF rendering and what it pulls in. */
const PDF_PACKAGES = ['pdf-lib', '@pdf-lib/fontkit', '@pdf-lib/standard-fonts', '@pdf-lib/upng', 'pako', 'tslib', 'qrcode', 'pngjs', 'dijkstrajs'];
/** Feed formats: the Atom writer and the iCalendar writer (with its validation), only where the feeds are rendered. */
const ATOM_PACKAGES = ['feed', 'xml-js', 'sax'];
const ICAL_PACKAGES = ['ics', 'yup', 'nanoid', 'runes2', 'property-expr', 'tiny-case', 'toposort'];

/** The QR encoder's core alone (no PNG renderer): the shift check-in code's QR as SVG (lib/http/qr-svg.ts). */
const QR_SVG_PACKAGES = ['qrcode', 'dijkstrajs'];

function allowedPackages(fn: FunctionEntry, report: BundleReport): Set<string> {
  const certificates = report.inputs.some((i) => i.startsWith('lib/domain/certificates/'));
  const qrSvg = report.inputs.includes('lib/http/qr-svg.ts');
  return new Set([
    ...BASE_PACKAGES,
    ...(fn.http ? HTTP_PACKAGES : WORKER_PACKAGES),
    ...(certificates ? CREDENTIAL_PACKAGES : []),
    ...(fn.rendersPdf ? PDF_PACKAGES : []),
    ...(report.inputs.includes('lib/files/zip-archive.ts') ? ARCHIVE_PACKAGES : []),
    ...(qrSvg ? QR_SVG_PACKAGES : []),
    ...(report.inputs.includes('lib/feeds/atom.ts') ? ATOM_PACKAGES : []),
    ...(report.inputs.includes('lib/feeds/ical.ts') ? ICAL_PACKAGES : []),
  ]);
}

const entries = functionEntries();
let dir: string;
let reports: Map<string, BundleReport>;

beforeAll(async () => {
  // inside the project, so the external AWS SDK resolves from node_modules when the bundles are imported below
  mkdirSync(join(PROJECT_ROOT, '.local'), { recursive: true });
  dir = mkdtempSync(join(PROJECT_ROOT, '.local', 'bundles-test-'));
  reports = new Map((await bundleEntries(entries.map((e) => e.entry), dir)).map((r) => [r.entry, r]));
  console.log(entries.map((e) => `${(reports.get(e.entry)!.bytes / KB).toFixed(0).padStart(6)} KB  ${e.entry}`).join('\n'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const report = (entry: string) => {
  const r = reports.get(entry);
  if (!r) throw new Error(`esbuild wrote no bundle for ${entry}`);
  return r;
};

describe('the function bundles', () => {
  it('cover every file under functions/ (the list is the route table and the jobs)', () => {
    const files = (readdirSync(join(PROJECT_ROOT, 'functions'), { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile() && f.name.endsWith('.ts'))
      .map((f) => relative(PROJECT_ROOT, join(f.parentPath, f.name)))
      .sort();
    expect(entries.map((e) => e.entry)).toEqual(files);
  });

  it.each(entries)('$entry carries no module of lib/local/', ({ entry }) => {
    expect(report(entry).inputs.filter((i) => i.startsWith('lib/local/'))).toEqual([]);
  });

  it.each(entries)('$entry carries only the packages its use case needs', (fn) => {
    const r = report(fn.entry);
    const allowed = allowedPackages(fn, r);
    expect([...r.packages.keys()].filter((p) => !allowed.has(p))).toEqual([]);
  });

  it.each(entries)('$entry is within its budget', (fn) => {
    expect(report(fn.entry).bytes).toBeLessThanOrEqual(fn.rendersPdf ? PDF_BUDGET_BYTES : BUDGET_BYTES);
  });

  it('only the OpenAPI document carries the whole route table; every other function imports its context\'s route list', () => {
    const whole = entries.filter((e) => report(e.entry).inputs.includes('lib/http/routes.ts')).map((e) => e.entry);
    expect(whole).toEqual(['functions/http/platform/get-openapi.ts']);
    // and so a function holds none of another context's schemas
    expect(report('functions/http/youth-house/attendance.ts').inputs.filter((i) => /^lib\/http\/.*-routes\.ts$/.test(i)).sort())
      .toEqual(['lib/http/youth-house-attendance-routes.ts']);
  });

  it('keep the PDF toolkit out of the public verification (verify-certificate)', () => {
    const packages = [...report('functions/http/certificates/verify-certificate.ts').packages.keys()];
    expect(packages).not.toContain('pdf-lib');
    expect(packages).not.toContain('qrcode');
    expect(report('functions/http/certificates/verify-certificate.ts').bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('import without any environment: nothing is read or validated before the first invocation', () => {
    const files = entries.map((e) => report(e.entry).file);
    const code = `for (const f of ${JSON.stringify(files)}) { const m = await import(f); if (typeof m.handler !== 'function') throw new Error(f + ': no handler'); }`;
    expect(() => execFileSync(process.execPath, ['--input-type=module', '-e', code], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });
});
