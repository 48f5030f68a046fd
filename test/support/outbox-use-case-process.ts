// One use case as its own process on DynamoDB Local, SIGKILLed by itself right after the transaction that carries its
// outbox items commits: nothing of the use case runs after its commit (the crash the transactional outbox is for).
// Env: DYNAMO_ENDPOINT, TABLE, USE_CASE (`decide-entry` with ENTRY_ID and SUPERVISOR; `issue-certificate` with
// VOLUNTEER, YEAR, DATA_DIR, KEYS_DIR), MUNICIPALITY. Says `committed <n> outbox item(s)` on stdout before it dies.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { FileKeyVault } from '../../lib/credentials/key-vault.js';
import { localClient } from '../../lib/data/admin.js';
import { DynamoCertificateRepository } from '../../lib/data/certificate-repository.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { DynamoKeyStore } from '../../lib/data/issuer-key-store.js';
import { ENTITY } from '../../lib/data/keys.js';
import { DynamoMunicipalityRepository } from '../../lib/data/municipality-repository.js';
import { cryptoRandom } from '../../lib/domain/certificates/code.js';
import { issueCertificate } from '../../lib/domain/certificates/use-cases/issue-certificate.js';
import { decideEntry } from '../../lib/domain/hours/use-cases/decide-entry.js';
import { LocalCertificateFiles } from '../../lib/files/certificate-files.js';
import { LocalBlobStore } from '../../lib/local/file-store.js';
import { renderCertificatePdf } from '../../lib/pdf/certificate.js';
import { signOpenBadgeCredential } from '../../lib/credentials/signer.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
};
const say = (line: string) => writeSync(1, `${line}\n`);

const doc = createDocumentClient(localClient(env('DYNAMO_ENDPOINT')));
// The kill hook sits in the harness, on the client: production code has no such path.
const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
(doc as unknown as { send: (command: unknown) => Promise<unknown> }).send = async (command) => {
  const out = await send(command);
  if (command instanceof TransactWriteCommand) {
    const outbox = (command.input.TransactItems ?? []).filter((i) => i.Put?.Item?.entityType === ENTITY.outboxEvent).length;
    if (outbox > 0) {
      say(`committed ${outbox} outbox item(s)`);
      process.kill(process.pid, 'SIGKILL');
    }
  }
  return out;
};

const table = env('TABLE');
const municipality = env('MUNICIPALITY');
const hours = new DynamoHoursRepository(doc, table);
const municipalities = new DynamoMunicipalityRepository(doc, table);
const unused = async (): Promise<never> => { throw new Error('not used by this harness'); };

say('ready');
if (env('USE_CASE') === 'decide-entry') {
  const supervisor = { sub: env('SUPERVISOR'), role: 'supervisor' as const, municipality, institution: null, email: null, name: null };
  await decideEntry({ hours, municipalities, clock: { now: () => new Date() } }, supervisor, env('ENTRY_ID'), { decision: 'approve' });
} else {
  const filesDir = join(env('DATA_DIR'), 'files');
  await issueCertificate({
    certificates: new DynamoCertificateRepository(doc, table), hours, municipalities,
    keys: new DynamoKeyStore(doc, table, new FileKeyVault(env('KEYS_DIR'))),
    files: new LocalCertificateFiles(filesDir, new LocalBlobStore(filesDir, 'http://127.0.0.1:1', 'x'.repeat(32))),
    queue: { enqueue: unused }, mailer: { send: unused }, clock: { now: () => new Date(`${Number(env('YEAR')) + 1}-01-15T06:00:00Z`) },
    random: cryptoRandom, newId: () => crypto.randomUUID(), baseUrl: 'https://api.jaunatne.example',
    signCredential: signOpenBadgeCredential,
    renderPdf: (input) => renderCertificatePdf(input), batchSize: 5, concurrency: 1,
  }, { programme: municipality, year: Number(env('YEAR')), volunteerId: env('VOLUNTEER'), runId: null });
}
say('finished without a commit');
process.exit(3);
