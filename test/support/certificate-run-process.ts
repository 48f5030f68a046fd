// A certificate run as its own process (the local stack's wiring on DynamoDB Local), for tests that SIGKILL it.
// Env: DYNAMO_ENDPOINT, TABLE, DATA_DIR (outbox/, files/), KEYS_DIR (private issuer keys), YEAR, MUNICIPALITY,
// CLOCK_OFFSET_MS (the process's clock runs this far ahead), and KILL_AT: `<point>:<n>` with point one of
// `after-pdf` (a certificate PDF was written), `before-mail` (an email is about to be sent), `after-mail`
// (an email was written). At the n-th such point the process says `hook <point> <n>` on stdout and freezes
// (every thread stops, nothing runs after that point) until the parent kills its process group.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { renderCertificatePdf } from '../../lib/pdf/certificate.js';
import { FileKeyVault } from '../../lib/credentials/key-vault.js';
import { localClient } from '../../lib/data/admin.js';
import { DynamoCertificateRepository } from '../../lib/data/certificate-repository.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { DynamoKeyStore } from '../../lib/data/issuer-key-store.js';
import { DynamoMunicipalityRepository } from '../../lib/data/municipality-repository.js';
import { cryptoRandom } from '../../lib/domain/certificates/code.js';
import type { CertificateFiles } from '../../lib/domain/certificates/ports.js';
import type { CertificateDeps } from '../../lib/domain/certificates/use-cases/deps.js';
import { processBatch, startRun } from '../../lib/domain/certificates/use-cases/runs.js';
import { LocalCertificateFiles } from '../../lib/files/certificate-files.js';
import { outboxRecordHandler } from '../../lib/events/outbox-delivery.js';
import { InProcessBatchQueue } from '../../lib/local/batch-queue.js';
import { subscribeCertificateReactions } from '../../lib/local/certificate-reactions.js';
import { LocalEventBus } from '../../lib/local/event-bus.js';
import { LocalBlobStore } from '../../lib/local/file-store.js';
import { OutboxMailer } from '../../lib/local/outbox-mailer.js';
import { LocalStreamRelay } from '../../lib/local/stream-relay.js';
import type { Mailer } from '../../lib/mail/mailer.js';
import { signOpenBadgeCredential } from '../../lib/credentials/signer.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
};
const say = (line: string) => writeSync(1, `${line}\n`);

const [killPoint, killAtText] = (process.env.KILL_AT ?? '').split(':');
const killAt = Number(killAtText ?? 0);
const seen = new Map<string, number>();
/** Counts a point; at the planned one, tells the parent and blocks this thread for good (the parent SIGKILLs). */
function point(name: 'after-pdf' | 'before-mail' | 'after-mail'): void {
  const n = (seen.get(name) ?? 0) + 1;
  seen.set(name, n);
  if (name !== killPoint || n !== killAt) return;
  say(`hook ${name} ${n}`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

const dataDir = env('DATA_DIR');
const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
const doc = createDocumentClient(localClient(env('DYNAMO_ENDPOINT')));
const table = env('TABLE');
const filesDir = join(dataDir, 'files');
const localFiles = new LocalCertificateFiles(filesDir, new LocalBlobStore(filesDir, 'http://127.0.0.1:1', 'x'.repeat(32)));
const files: CertificateFiles = {
  put: async (key, bytes, contentType) => {
    await localFiles.put(key, bytes, contentType);
    if (key.endsWith('.pdf')) point('after-pdf');
  },
  get: (key) => localFiles.get(key),
  exists: (key) => localFiles.exists(key),
  presignDownload: (key, options) => localFiles.presignDownload(key, options),
};
const outbox = new OutboxMailer(join(dataDir, 'outbox'));
const mailer: Mailer = {
  send: async (message) => {
    point('before-mail');
    const sent = await outbox.send(message);
    point('after-mail');
    return sent;
  },
};

let deps: CertificateDeps;
const queue = new InProcessBatchQueue((m) => processBatch(deps, m), { concurrency: 2, onError: (m, e) => say(`batch-failed ${JSON.stringify(m)} ${String(e)}`) });
deps = {
  certificates: new DynamoCertificateRepository(doc, table), hours: new DynamoHoursRepository(doc, table), municipalities: new DynamoMunicipalityRepository(doc, table),
  keys: new DynamoKeyStore(doc, table, new FileKeyVault(env('KEYS_DIR'))),
  files, queue, mailer, clock: { now: () => new Date(Date.now() + offset) },
  random: cryptoRandom, newId: () => crypto.randomUUID(), baseUrl: 'https://api.jaunatne.example',
  signCredential: signOpenBadgeCredential,
  renderPdf: (input) => renderCertificatePdf(input), batchSize: 5, concurrency: 2,
};

// As on `npm start`: the table stream's outbox events reach the local bus, whose reactions send the certificate
// emails while the run goes on; the checkpoint in DATA_DIR lets the next process go on where a killed one stopped.
const bus = new LocalEventBus();
subscribeCertificateReactions(bus, () => deps);
const relay = new LocalStreamRelay({
  endpoint: env('DYNAMO_ENDPOINT'), table, handle: outboxRecordHandler(bus), checkpointFile: join(dataDir, 'stream-checkpoint.json'),
  onError: (e) => say(`relay-failed ${String(e)}`),
}).start(50);

const coordinator = { sub: 'c-1', role: 'coordinator' as const, municipality: env('MUNICIPALITY'), institution: null, email: null, name: null };
say('ready');
const run = await startRun(deps, coordinator, { year: Number(env('YEAR')) });
await queue.idle();
await relay.drain();
await relay.drain(); // what the first pass's deliveries wrote
await relay.stop();
say(`done ${JSON.stringify(run)}`);
process.exit(0);
