// What the certificate use cases need from the outside: storage, the batch queue, the PDF files and the renderer.
import type { DomainEvent } from '../events.js';
import type { EmailDelivery } from './email-delivery.js';
import type { BatchCounts, Certificate, CertificateBatch, CertificateRun } from './types.js';

export interface CertificateRepository {
  /** The certificate of a volunteer, programme and year (strongly consistent). */
  getByHolder(programme: string, year: number, volunteerId: string): Promise<Certificate | undefined>;
  getByCode(code: string): Promise<Certificate | undefined>;
  /**
   * The code of a volunteer's certificate for a programme and year, reserved before anything is stored under it:
   * the code reserved earlier (by a killed or concurrent issuer) if there is one, else `candidate`, reserved now.
   * CodeTaken when `candidate` already names another holder's certificate (draw again).
   */
  reserveCode(programme: string, year: number, volunteerId: string, candidate: string): Promise<string>;
  /**
   * Creates the certificate (its code reserved for this holder) with its email pending and the events reporting it
   * (outbox items), in one transaction. 'exists' when the volunteer already has one for the programme and year (nothing written).
   */
  create(certificate: Certificate, events: readonly DomainEvent[]): Promise<'created' | 'exists'>;
  /**
   * For a certificate stored before the outbox (never announced): marks it announced and writes its events, in one
   * transaction; nothing when it is announced already.
   */
  markAnnounced(code: string, events: readonly DomainEvent[]): Promise<void>;
  /** Replaces status, flag and revocation when the stored status is still `expected`; ConflictError otherwise. */
  updateStatus(code: string, expected: Certificate['status'], patch: Pick<Certificate, 'status' | 'flag' | 'revocation'>): Promise<void>;
  /** Certificates of a programme and year, by volunteer id (the roster). */
  listOfYear(programme: string, year: number): Promise<Certificate[]>;
  /** Revoked certificates of a programme (the revocation list). */
  listRevoked(programme: string): Promise<Certificate[]>;
  /** Flagged certificates of a programme, waiting for the coordinator. */
  listFlagged(programme: string): Promise<Certificate[]>;

  createRun(run: CertificateRun, batches: readonly CertificateBatch[]): Promise<void>;
  getRun(id: string): Promise<CertificateRun | undefined>;
  /** The latest run of a scope and year, if any. */
  latestRun(scope: string | null, year: number): Promise<CertificateRun | undefined>;
  getBatch(runId: string, index: number): Promise<CertificateBatch | undefined>;
  pendingBatches(runId: string): Promise<CertificateBatch[]>;
  /** Marks a batch done and adds its counts to the run, once: false when the batch was already done. */
  completeBatch(runId: string, index: number, counts: BatchCounts, at: string): Promise<boolean>;

  /**
   * Takes the email lease: writes `claim` when the stored email is still the pending `certificate.email` (same
   * attempts); false when another sender changed it first.
   */
  claimEmail(certificate: Certificate, claim: EmailDelivery): Promise<boolean>;
  /** Records the send once (the stored email must still be pending): false when it was already recorded. */
  recordEmailSent(certificate: Certificate, sent: EmailDelivery): Promise<boolean>;
  /** Records a failed attempt and releases the lease, if the stored email is still this attempt's claim. */
  recordEmailFailure(certificate: Certificate, failed: EmailDelivery): Promise<boolean>;
  /** Certificates whose email is still pending, of one programme or of all, oldest programme/year first. */
  pendingEmails(programme?: string): Promise<CertificateRef[]>;
}

/** Names a certificate by its deterministic identity. */
export interface CertificateRef {
  programme: string;
  year: number;
  volunteerId: string;
}

/** The code drawn is already used by another certificate: draw a new one. */
export class CodeTaken extends Error {}

export interface BatchMessage {
  runId: string;
  index: number;
}

/** Where the run's batches go: SQS in AWS (one Lambda per batch), an in-process worker locally. */
export interface BatchQueue {
  enqueue(messages: readonly BatchMessage[]): Promise<void>;
}

/** The certificate PDFs (S3 in AWS, the local files directory otherwise). */
export interface CertificateFiles {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  exists(key: string): Promise<boolean>;
  presignDownload(key: string, options: { filename: string; expiresInSeconds: number }): Promise<{ url: string; expiresAt: string }>;
}
