// Recognition-run figures: wall time, certificates per second and ms per PDF for E eligible among N volunteers,
// and the same E among E — the ratio shows the cost follows the eligible (sparse index), not the total.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCertificatePdf } from '../lib/pdf/certificate.js';
import { InMemoryKeyVault } from '../lib/credentials/key-vault.js';
import { ensureTable, localClient } from '../lib/data/admin.js';
import { DynamoCertificateRepository } from '../lib/data/certificate-repository.js';
import { createDocumentClient } from '../lib/data/client.js';
import { DynamoHoursRepository } from '../lib/data/hours-repository.js';
import { DynamoKeyStore } from '../lib/data/issuer-key-store.js';
import { ENTITY, keys } from '../lib/data/keys.js';
import { DynamoMunicipalityRepository } from '../lib/data/municipality-repository.js';
import { cryptoRandom } from '../lib/domain/certificates/code.js';
import type { CertificateDeps } from '../lib/domain/certificates/use-cases/deps.js';
import { getRun, processBatch, startRun } from '../lib/domain/certificates/use-cases/runs.js';
import type { User } from '../lib/domain/identity/types.js';
import { MUNICIPALITIES } from '../lib/domain/municipalities/registry.js';
import { LocalCertificateFiles } from '../lib/files/certificate-files.js';
import { InProcessBatchQueue } from '../lib/local/batch-queue.js';
import { startDynamoLocal } from '../lib/local/dynamodb-local.js';
import { LocalBlobStore } from '../lib/local/file-store.js';
import { FULL, printTable, type BenchOptions } from './stats.js';
import { signOpenBadgeCredential } from '../lib/credentials/signer.js';

const M = 'LV-042';
const operator: User = { sub: 'bench', role: 'coordinator', municipality: M, institution: null, email: null, name: null };

/** Tallies for `total` volunteers of one year, `eligible` of them over 60 h with their profile and two approved entries. */
async function seed(doc: DynamoDBDocumentClient, table: string, year: number, total: number, eligible: number): Promise<void> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const id = `b${year}-${String(i).padStart(6, '0')}`;
    const ok = i < eligible;
    const minutes = ok ? 3600 + (i % 600) : 600 + (i % 2000);
    items.push({ ...keys.hoursTally(id, M, year), ...(ok ? keys.hoursEligibility(M, year, id) : {}), entityType: ENTITY.hoursTally, volunteerId: id, programme: M, year, approvedMinutes: minutes, pendingMinutes: 0, eligible: ok, thresholdReachedAt: null, version: 1 });
    if (!ok) continue;
    items.push({ ...keys.volunteer(id), entityType: ENTITY.volunteer, id, name: `Ģirts Ķēniņš-Šņore ${i}`, birthDate: '2006-05-05', email: `${id}@example.lv`, municipality: M, inBasicSchool: false, guardianConsent: null, createdAt: `${year}-01-01T00:00:00.000Z`, updatedAt: `${year}-01-01T00:00:00.000Z` });
    for (const [n, part] of [[1, 2400], [2, minutes - 2400]] as const) {
      const date = `${year}-0${n + 2}-1${n}`;
      items.push({
        ...keys.hourEntry(id, date, `${id}-${n}`), entityType: ENTITY.hourEntry, id: `${id}-${n}`, volunteerId: id, volunteerName: `Ģirts ${i}`, programme: M,
        institutionId: `inst-${n}`, institutionMunicipality: M, institutionName: n === 1 ? 'Jēkabpils Jauniešu centrs' : 'Jēkabpils bibliotēka',
        date, minutes: Math.min(part, 1440), approvedMinutes: part, activity: n === 1 ? 'pasākumu organizēšana' : 'lasīšanas pēcpusdienas', category: 'events',
        state: 'approved', decidedBy: 's', decidedAt: `${date}T12:00:00.000Z`, comment: null, version: 2, createdAt: `${date}T10:00:00.000Z`,
      });
    }
  }
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  }));
}

export async function benchCertificateRuns(options: BenchOptions = FULL): Promise<void> {
  const full = !options.smoke && process.env.BENCH_CERTIFICATES_SCALE === 'full';
  const eligible = options.smoke ? 5 : full ? 10_000 : 1_000;
  const among = options.smoke ? 20 : full ? 50_000 : 5_000;
  console.log(`scale: ${eligible} eligible among ${among}, then ${eligible} among ${eligible}${full || options.smoke ? '' : ' (set BENCH_CERTIFICATES_SCALE=full for 10,000 among 50,000: PDF rendering makes it ~10× longer)'}`);
  const dynamo = options.dynamo ?? await startDynamoLocal();
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-certs-'));
  const client = localClient(dynamo.endpoint);
  const doc = createDocumentClient(client);
  const table = 'bench-certificates';
  try {
    await ensureTable(client, table);
    const municipalities = new DynamoMunicipalityRepository(doc, table);
    await municipalities.putAll(MUNICIPALITIES);
    const vault = new InMemoryKeyVault(); // one issuer key for both cases: the table remembers it
    // Warm-up (JIT, font files) so the first case does not pay for it alone.
    for (let i = 0; i < (options.smoke ? 1 : 30); i++) {
      await renderCertificatePdf({ language: 'lv', code: 'LV042-2025-0000-0000', verificationUrl: 'https://x/v1/certificates/x', holderName: 'Ģirts', year: 2025, municipality: { name: { lv: 'Jēkabpils novads', en: 'Jēkabpils' } }, issuerName: { lv: 'Jēkabpils novada pašvaldība', en: 'Jēkabpils' }, totalMinutes: 3600, tier: null, institutions: [{ name: 'Centrs', activities: ['darbs'], minutes: 3600 }], signer: { name: 'Līga', position: { lv: 'speciāliste', en: 'specialist' } }, issuedOn: '2026-01-15' });
    }
    const rows = [];
    for (const [year, total] of [[2024, among], [2025, eligible]] as const) {
      const seedStart = performance.now();
      await seed(doc, table, year, total, eligible);
      const seedMs = performance.now() - seedStart;
      let pdfMs = 0;
      let pdfs = 0;
      let deps: CertificateDeps;
      const queue = new InProcessBatchQueue((m) => processBatch(deps, m), { concurrency: 4 });
      const filesDir = join(dir, `files-${year}`);
      deps = {
        certificates: new DynamoCertificateRepository(doc, table), hours: new DynamoHoursRepository(doc, table), municipalities,
        keys: new DynamoKeyStore(doc, table, vault),
        files: new LocalCertificateFiles(filesDir, new LocalBlobStore(filesDir, 'http://127.0.0.1:1', 'x'.repeat(32))),
        queue, mailer: { send: async () => ({ messageId: 'x' }) },
        clock: { now: () => new Date(`${year + 1}-01-15T06:00:00Z`) }, random: cryptoRandom, newId: () => crypto.randomUUID(),
        baseUrl: 'https://api.jaunatne.example', batchSize: 25, concurrency: 4,
        signCredential: signOpenBadgeCredential,
        renderPdf: async (input) => {
          const t = performance.now();
          const bytes = await renderCertificatePdf(input);
          pdfMs += performance.now() - t;
          pdfs++;
          return bytes;
        },
      };
      const start = performance.now();
      const started = await startRun(deps, operator, { year });
      const startMs = performance.now() - start;
      await queue.idle();
      const wallMs = performance.now() - start;
      const run = await getRun(deps, operator, started.id);
      rows.push({
        case: `${eligible} of ${total}`, 'seed s': (seedMs / 1000).toFixed(1), 'startRun ms': startMs.toFixed(0), 'wall s': (wallMs / 1000).toFixed(1),
        'certs/s': (run.issued / (wallMs / 1000)).toFixed(1), 'ms/PDF (in flight)': (pdfMs / Math.max(1, pdfs)).toFixed(1), 'ms/cert (wall)': (wallMs / Math.max(1, run.issued)).toFixed(1), issued: run.issued, failed: run.failed,
      });
    }
    printTable('Certificate runs (DynamoDB Local, in-process batch queue, 4 batches × 4 volunteers in flight)', rows);
    const [a, b] = [rows[0]!, rows[1]!];
    console.log(`wall-time ratio (${eligible} of ${among}) / (${eligible} of ${eligible}): ${(Number(a['wall s']) / Number(b['wall s'])).toFixed(2)} — near 1 means the cost follows the eligible`);
  } finally {
    client.destroy();
    if (!options.dynamo) await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
