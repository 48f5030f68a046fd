// Certificate building blocks: ms per PDF, VC-JWTs signed and verified per second, codes and eligibility per second.
import { buildJwks } from '../lib/credentials/jwks.js';
import { InMemoryKeyStore } from '../lib/credentials/key-store.js';
import { buildOpenBadgeCredential, verificationUrl, type CertificateCredentialInput } from '../lib/credentials/open-badge.js';
import { signCredential, verifyCredential } from '../lib/credentials/vc-jwt.js';
import { renderCertificatePdf, type CertificatePdfInput } from '../lib/pdf/certificate.js';
import { cryptoRandom, generate, validate } from '../lib/domain/certificates/code.js';
import { assessYear, type ApprovedMinutes } from '../lib/domain/certificates/eligibility.js';
import { recognitionPolicy } from '../lib/domain/hours/recognition.js';
import { defaultProgramme } from '../lib/domain/hours/types.js';
import { FULL, measure, printTable, type BenchOptions } from './stats.js';

const BASE = 'https://api.jaunatne.example';

function pdfInput(i: number): CertificatePdfInput {
  const code = generate(cryptoRandom, 'LV-042', 2025);
  return {
    language: i % 5 === 0 ? 'en' : 'lv',
    code,
    verificationUrl: verificationUrl(BASE, code),
    holderName: `Ģirts Ķēniņš-Šņore ${i}`,
    year: 2025,
    municipality: { name: { lv: 'Jēkabpils novads', en: 'Jēkabpils Municipality' } },
    issuerName: { lv: 'Jēkabpils novada pašvaldība', en: 'Jēkabpils Municipality' },
    totalMinutes: 3600 + (i % 600),
    tier: null,
    period: { from: '2025-02-01', to: '2025-12-15' },
    institutions: [
      { name: 'Jēkabpils Jauniešu centrs', activities: ['pasākumu organizēšana', 'sporta sacensību tiesāšana'], minutes: 2400 },
      { name: 'Jēkabpils pilsētas bibliotēka', activities: ['lasīšanas pēcpusdienas bērniem'], minutes: 1200 + (i % 600) },
    ],
    signer: { name: 'Līga Ozoliņa', position: { lv: 'Jaunatnes lietu speciāliste', en: 'Youth affairs specialist' } },
    issuedOn: '2026-01-15',
  };
}

function credentialInput(i: number): CertificateCredentialInput {
  return {
    baseUrl: BASE,
    code: generate(cryptoRandom, 'LV-042', 2025),
    language: 'lv',
    municipality: { code: 'LV-042', name: { lv: 'Jēkabpils novads', en: 'Jēkabpils Municipality' } },
    issuerName: { lv: 'Jēkabpils novada pašvaldība', en: 'Jēkabpils Municipality' },
    programme: { id: 'brivpratigie', name: { lv: 'Jauniešu brīvprātīgais darbs', en: 'Youth volunteering' } },
    year: 2025,
    holder: { name: `Ģirts Ķēniņš-Šņore ${i}`, volunteerId: `vol-${i}` },
    holderSalt: `salt-${i}`,
    totalMinutes: 3750,
    thresholdMinutes: 3600,
    tier: null,
    issuedAt: '2026-01-15T08:00:00Z',
  };
}

async function perSecond(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return n / ((performance.now() - t) / 1000);
}

export async function benchCertificates(options: BenchOptions = FULL): Promise<void> {
  // PDFs: sequential, as one worker Lambda renders them.
  const nPdf = options.smoke ? 2 : 200;
  let bytes = 0;
  let k = 0;
  const pdf = await measure(async () => {
    bytes += (await renderCertificatePdf(pdfInput(k++))).length;
  }, nPdf, options.smoke ? 1 : 10);
  printTable(`certificate PDF, ${nPdf} sequential renders (A4, DejaVu subsets, vector QR)`, [
    { p50_ms: pdf.p50, p99_ms: pdf.p99, mean_ms: pdf.mean, pdfs_per_s: 1000 / pdf.mean, mean_kib: bytes / k / 1024 },
  ]);

  // VC-JWTs: sign with the municipality's key, verify against the JWKS.
  const store = new InMemoryKeyStore();
  await store.rotate('LV-042', '2025-01', '2025-01-01T00:00:00Z');
  await store.rotate('LV-042', '2026-01', '2026-01-01T00:00:00Z');
  const key = await store.signingKey('LV-042');
  const jwks = buildJwks(await store.publicKeys());
  const nJwt = options.smoke ? 5 : 2000;
  const credentials = Array.from({ length: nJwt }, (_, i) => buildOpenBadgeCredential(credentialInput(i)));
  const jwts: string[] = [];
  const buildRate = await perSecond(nJwt, (i) => buildOpenBadgeCredential(credentialInput(i)));
  const signRate = await perSecond(nJwt, async (i) => jwts.push(await signCredential(credentials[i]!, key)));
  const now = new Date('2026-02-01T00:00:00Z');
  const status = async () => ({ revoked: false as const });
  const verifyRate = await perSecond(nJwt, async (i) => {
    const r = await verifyCredential(jwts[i]!, { jwks, baseUrl: BASE, now, status });
    if (r.status !== 'valid') throw new Error(`bench credential did not verify: ${JSON.stringify(r)}`);
  });
  printTable(`OpenBadgeCredential VC-JWT (Ed25519), ${nJwt} each, sequential`, [
    { step: 'build credential', per_s: buildRate },
    { step: 'sign VC-JWT', per_s: signRate },
    { step: 'verify VC-JWT + JWKS + status', per_s: verifyRate },
    { step: 'mean VC-JWT bytes', per_s: jwts.reduce((a, j) => a + j.length, 0) / jwts.length },
  ]);

  // Codes and eligibility: the cheap parts of a run, for scale.
  const nCodes = options.smoke ? 100 : 100_000;
  const codes: string[] = [];
  const genRate = await perSecond(nCodes, () => codes.push(generate(cryptoRandom, 'LV-042', 2025)));
  const valRate = await perSecond(nCodes, (i) => {
    if (!validate(codes[i]!.toLowerCase().replaceAll('-', ' ')).ok) throw new Error('bench code invalid');
  });
  const entries: ApprovedMinutes[] = Array.from({ length: 40 }, (_, i) => ({ minutes: 90 + (i % 4) * 15, activityDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15` }));
  const nVolunteers = options.smoke ? 10 : 10_000;
  const policy = recognitionPolicy(defaultProgramme('LV-042'));
  const eligRate = await perSecond(nVolunteers, () => assessYear(entries, policy, 2025));
  printTable('codes and eligibility (sequential)', [
    { step: 'generate code (CSPRNG)', per_s: genRate },
    { step: 'normalise + validate typed code', per_s: valRate },
    { step: `assess a year of 40 entries (${nVolunteers} volunteers)`, per_s: eligRate },
  ]);
}
