// What the certificate use cases need from the outside: storage, the batch queue, the PDF files, the renderer, the keys and the signer.
import type { Bilingual } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { Language } from './format.js';
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

/** The public half of an issuer key as a JWK (OKP / Ed25519); the signer and the JWKS use these members only. */
export interface PublicJwk {
  kty?: string;
  crv?: string;
  x?: string;
  kid?: string;
  alg?: string;
  use?: string;
  /** A private member a careless store might hand over: buildJwks never copies it. */
  d?: string;
}

/**
 * - active: the municipality signs new credentials with it (exactly one per municipality);
 * - retired: no longer signs, still published so earlier credentials keep verifying;
 * - withdrawn: compromised; not published, so credentials it signed stop verifying.
 */
export type KeyStatus = 'active' | 'retired' | 'withdrawn';

export interface PublishedKey {
  kid: string;
  municipality: string;
  status: KeyStatus;
  createdAt: string;
  /** Public JWK (OKP / Ed25519). */
  jwk: PublicJwk;
}

/** The private half of a key as the runtime holds it (a Web Crypto CryptoKey): opaque to the domain, used by the signer. */
export interface PrivateKeyHandle {
  type: string;
}

/** A municipality's signing key. */
export interface IssuerSigningKey<Key extends PrivateKeyHandle = PrivateKeyHandle> {
  kid: string;
  municipality: string;
  privateKey: Key;
}

/** The issuer keys (the table and Parameter Store in AWS, key files locally; lib/data/issuer-key-store.ts). */
export interface KeyStore {
  /** The active signing key of a municipality; NotFoundError when it has none. */
  signingKey(municipality: string): Promise<IssuerSigningKey>;
  /** Every key of every municipality with its status (the JWKS builder filters what is published). */
  publicKeys(): Promise<PublishedKey[]>;
}

/** What a certificate says, in the shape the credential needs (mapped from the certificate record). */
export interface CertificateCredentialInput {
  /** Public API origin, e.g. `https://api.jaunatne.example`; ids and the verification URL hang off it. */
  baseUrl: string;
  code: string;
  language: Language;
  municipality: { code: string; name: Bilingual };
  /** Legal issuer, e.g. "Jēkabpils novada pašvaldība". */
  issuerName: Bilingual;
  programme: { id: string; name: Bilingual };
  year: number;
  holder: { name: string; volunteerId: string };
  /** Random per certificate; hides the volunteer id in the credential (OB IdentityObject, hashed). */
  holderSalt: string;
  totalMinutes: number;
  thresholdMinutes: number;
  tier: { id: string; name: Bilingual } | null;
  /** ISO date-time the certificate was issued. */
  issuedAt: string;
}

/** Builds the Open Badges 3.0 credential and signs it as a VC-JWT with the key (lib/credentials/signer.ts, jose). */
export type CredentialSigner = (input: CertificateCredentialInput, key: IssuerSigningKey) => Promise<string>;

/** What the certificate PDF shows (lib/pdf/certificate.ts renders it). */
export interface CertificatePdfInput {
  language: Language;
  code: string;
  /** `<base>/v1/certificates/<code>`, encoded in the QR code and printed below it. */
  verificationUrl: string;
  holderName: string;
  year: number;
  /** Official name, e.g. { lv: 'Jēkabpils novads', en: 'Jēkabpils Municipality' }. */
  municipality: { name: Bilingual };
  /** The legal issuer, e.g. { lv: 'Jēkabpils novada pašvaldība', en: 'Jēkabpils Municipality' }. */
  issuerName: Bilingual;
  programmeName?: Bilingual;
  totalMinutes: number;
  tier: { name: Bilingual } | null;
  /** First and last activity date counted (YYYY-MM-DD), when known. */
  period?: { from: string; to: string } | null;
  /** Institutions where the hours were approved, with what the volunteer did there (as entered, not translated). */
  institutions: readonly { name: string; activities: readonly string[]; minutes: number }[];
  signer: { name: string; position: Bilingual };
  /** YYYY-MM-DD (Europe/Riga). */
  issuedOn: string;
}

/** Renders the certificate PDF (pdf-lib, in the functions that render; lib/pdf/certificate.ts). */
export type CertificateRenderer = (input: CertificatePdfInput) => Promise<Uint8Array>;
