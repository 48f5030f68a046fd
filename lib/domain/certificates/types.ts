// Certificates (apliecinājums par veikto brīvprātīgo darbu) and recognition runs: the shapes the use cases store and return.
import * as z from 'zod';
import type { EmailDelivery } from './email-delivery.js';
import type { InstitutionSummary } from './summary.js';

/**
 * - valid: issued and standing;
 * - flagged: a reversal dropped the holder below the threshold; still valid publicly until the coordinator decides;
 * - revoked: withdrawn by the coordinator; the verification URL and the VC status say so.
 */
export type CertificateStatus = 'valid' | 'flagged' | 'revoked';

export interface Certificate {
  code: string;
  /** The programme (the volunteer's municipality, ISO code) and the Riga calendar year. */
  programme: string;
  year: number;
  volunteerId: string;
  holderName: string;
  holderEmail: string;
  totalMinutes: number;
  thresholdMinutes: number;
  tier: { id: string; name: string } | null;
  period: { from: string; to: string } | null;
  institutions: InstitutionSummary[];
  issuedAt: string;
  /** The run that issued it; null for a rolling issue (ThresholdReached during the year). */
  runId: string | null;
  /** The VC-JWT (OpenBadgeCredential) and the key that signed it. */
  credential: string;
  kid: string;
  /** Blob key of the Latvian PDF: named by the code, which is reserved for the holder before the PDF is written. */
  pdfKey: string;
  status: CertificateStatus;
  flag: { reason: string; approvedMinutes: number; at: string } | null;
  revocation: { reason: string; at: string; by: string } | null;
  /** True once CertificateIssued is in the outbox (written with the certificate); false only on certificates stored before it. */
  announced: boolean;
  /** The certificate email to the holder: pending until a send is confirmed (runs and the sweep finish pending ones). */
  email: EmailDelivery;
}

export type RunStatus = 'running' | 'completed' | 'completed-with-failures';

export interface CertificateRun {
  id: string;
  year: number;
  /** A municipality code, or null for all municipalities (agency). */
  scope: string | null;
  startedAt: string;
  startedBy: string;
  eligible: number;
  batches: number;
  batchesDone: number;
  issued: number;
  skipped: number;
  failed: number;
  finishedAt: string | null;
}

/** One unit of work handed to the queue: the volunteers are stored with the batch, the message only names it. */
export interface CertificateBatch {
  runId: string;
  index: number;
  programme: string;
  year: number;
  volunteerIds: string[];
  done: boolean;
}

export interface BatchCounts {
  issued: number;
  skipped: number;
  failed: number;
}

export function runStatus(run: Pick<CertificateRun, 'batches' | 'batchesDone' | 'failed'>): RunStatus {
  if (run.batchesDone < run.batches) return 'running';
  return run.failed > 0 ? 'completed-with-failures' : 'completed';
}

export const runViewSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  scope: z.string().nullable().describe('Municipality code, or null for all'),
  status: z.enum(['running', 'completed', 'completed-with-failures']),
  startedAt: z.string(),
  startedBy: z.string(),
  finishedAt: z.string().nullable(),
  eligible: z.number().int(),
  batches: z.number().int(),
  batchesDone: z.number().int(),
  issued: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  resumed: z.boolean().optional().describe('True when this request resumed an unfinished run instead of starting one'),
});
export type RunView = z.infer<typeof runViewSchema>;

export function runView(run: CertificateRun, resumed?: boolean): RunView {
  return { ...run, status: runStatus(run), ...(resumed === undefined ? {} : { resumed }) };
}

/** What anyone may see with a code: nothing beyond name, year, hours, municipality and status. */
export const verificationSchema = z.object({
  code: z.string(),
  status: z.enum(['valid', 'revoked']),
  revocationReason: z.string().optional(),
  holderName: z.string(),
  year: z.number().int(),
  hours: z.string().describe('Approved hours as a decimal, e.g. "62.5"'),
  municipality: z.object({ code: z.string(), name: z.string() }),
});
export type Verification = z.infer<typeof verificationSchema>;

/** Object key of a certificate PDF in the file store (S3 prefix `certificates/`). */
export function certificatePdfKey(code: string, language: 'lv' | 'en'): string {
  return language === 'lv' ? `certificates/${code}.pdf` : `certificates/${code}.${language}.pdf`;
}
