// `npm run certificates -- --year 2025 [--municipality LV-042]`: a recognition run against the local stack's DynamoDB, with a progress bar.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureTable, localClient } from '../data/admin.js';
import type { RunView } from '../domain/certificates/types.js';
import type { CertificateDeps } from '../domain/certificates/use-cases/deps.js';
import { getRun, processBatch, startRun } from '../domain/certificates/use-cases/runs.js';
import type { User } from '../domain/identity/types.js';
import { InProcessBatchQueue } from '../local/batch-queue.js';
import { subscribeCertificateReactions } from '../local/certificate-reactions.js';
import { startDynamoLocal, type RunningDynamo } from '../local/dynamodb-local.js';
import { localFilesDir } from '../local/file-store.js';
import { installLocalRuntime } from '../local/runtime.js';
import { seedReferenceData } from '../local/seed.js';
import { issuingCertificateDeps } from '../wiring/issuing.js';

const USAGE = `usage: npm run certificates -- --year YYYY [--municipality LV-042] [--endpoint URL] [--data-dir DIR] [--table NAME]
  --year          the calendar year to certify (the yearly schedule runs the previous year on 15 January)
  --municipality  one municipality (ISO code); default all
  --endpoint      DynamoDB Local of a running \`npm start\` (it prints it); without it the CLI starts its own
                  DynamoDB Local on <data-dir>/dynamodb, which only works while \`npm start\` is not running
  --data-dir      the local stack's data directory (default .local): outbox/, files/, issuer-keys/ live there
  --table         default jaunatne-local`;

/** One line of progress: `[██████░░░░] 6/10 batches · issued 140 · skipped 3 · failed 0`. */
export function progressLine(run: Pick<RunView, 'batches' | 'batchesDone' | 'issued' | 'skipped' | 'failed' | 'eligible'>, width = 30): string {
  const share = run.batches === 0 ? 1 : run.batchesDone / run.batches;
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${run.batchesDone}/${run.batches} batches · ${run.eligible} eligible · issued ${run.issued} · skipped ${run.skipped} · failed ${run.failed}`;
}

function dynamoOfRunningStack(dataDir: string): boolean {
  const pidFile = join(dataDir, 'dynamodb.pid');
  if (!existsSync(pidFile)) return false;
  try {
    return readFileSync(`/proc/${Number(readFileSync(pidFile, 'utf8').trim())}/cmdline`, 'utf8').includes('DynamoDBLocal');
  } catch {
    return false;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv, allowPositionals: false, strict: true,
    options: { year: { type: 'string' }, municipality: { type: 'string' }, endpoint: { type: 'string' }, 'data-dir': { type: 'string', default: '.local' }, table: { type: 'string', default: 'jaunatne-local' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (!values.year || !/^20[0-9]{2}$/.test(values.year)) return (console.error(`--year must be a year such as 2025\n${USAGE}`), 2);
  if (values.municipality !== undefined && !/^LV-(?:[0-9]{3}|[A-Z]{3})$/.test(values.municipality)) return (console.error('--municipality must be an ISO 3166-2:LV code such as LV-042'), 2);
  const dataDir = resolve(values['data-dir']);

  let own: RunningDynamo | undefined;
  let endpoint = values.endpoint ?? process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    if (dynamoOfRunningStack(dataDir)) {
      console.error('`npm start` is running on this data directory: pass --endpoint with the DynamoDB Local address it printed.');
      return 2;
    }
    own = await startDynamoLocal({ dbPath: join(dataDir, 'dynamodb'), pidFile: join(dataDir, 'certificates-cli-dynamodb.pid') });
    endpoint = own.endpoint;
  }
  try {
    const admin = localClient(endpoint);
    const created = await ensureTable(admin, values.table).then(() => true, () => false);
    admin.destroy();
    if (!created) throw new Error(`cannot reach table ${values.table} at ${endpoint}`);
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    const tty = process.stderr.isTTY;
    let runId = '';
    const show = async () => {
      const run = await getRun(base, operator, runId);
      process.stderr.write(tty ? `\r${progressLine(run)}` : `${progressLine(run)}\n`);
    };
    // the batches run here, on the issuing deps, and every finished one redraws the progress bar
    const queue: InProcessBatchQueue = new InProcessBatchQueue((m) => processBatch(base, m), {
      concurrency: 2, onDone: () => void show(), onError: (m, e) => console.error(`\nbatch ${m.index} failed: ${String(e)}`),
    });
    const runtime = installLocalRuntime({
      endpoint, table: values.table, dataDir, batchQueue: queue,
      filesSecret: process.env.LOCAL_FILES_SECRET ?? randomBytes(32).toString('base64url'),
      filesBaseUrl: process.env.LOCAL_FILES_BASE_URL ?? 'http://127.0.0.1:3000',
    });
    await seedReferenceData(runtime.repositories);
    const base: CertificateDeps = issuingCertificateDeps();
    const operator: User = { sub: 'certificates-cli', role: 'agency', municipality: null, institution: null, email: null, name: 'CLI' };
    const deps = base;
    subscribeCertificateReactions(runtime.bus, () => deps);

    const started = await startRun(deps, operator, { year: Number(values.year), ...(values.municipality ? { municipality: values.municipality } : {}) });
    runId = started.id;
    console.log(`${started.resumed ? 'Resuming' : 'Started'} run ${started.id}: ${started.year}, ${started.scope ?? 'all municipalities'}, ${started.eligible} eligible in ${started.batches} batches`);
    await show();
    await queue.idle();
    const run = await getRun(deps, operator, runId);
    process.stderr.write(`${tty ? `\r${progressLine(run)}` : ''}\n`);
    console.log(`${run.status}: issued ${run.issued}, skipped ${run.skipped}, failed ${run.failed}. Emails in ${join(dataDir, 'outbox')}, PDFs in ${join(localFilesDir(dataDir), 'certificates')}.`);
    return run.status === 'completed' ? 0 : 1;
  } finally {
    await own?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
