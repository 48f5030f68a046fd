// The ports every certificate use case may need, and the CertificateIssued event they emit.
import type { Mailer } from '../../mail.js';
import type { Clock } from '../../clock.js';
import type { DomainEvent } from '../../events.js';
import type { HoursRepository } from '../../hours/ports.js';
import type { MunicipalityRepository } from '../../municipalities/ports.js';
import type { RandomSource } from '../code.js';
import type { BatchQueue, CertificateFiles, CertificateRenderer, CertificateRepository, CredentialSigner, KeyStore } from '../ports.js';

export interface CertificateDeps {
  certificates: CertificateRepository;
  hours: Pick<HoursRepository, 'getVolunteer' | 'entriesBetween' | 'getProgramme' | 'eligibleVolunteers' | 'getTally'>;
  municipalities: Pick<MunicipalityRepository, 'get' | 'list' | 'getYouthContact'>;
  keys: KeyStore;
  files: CertificateFiles;
  queue: BatchQueue;
  mailer: Mailer;
  clock: Clock;
  random: RandomSource;
  newId: () => string;
  /** Public API origin: verification URLs, credential ids and the QR code hang off it. */
  baseUrl: string;
  renderPdf: CertificateRenderer;
  /** Signs the certificate's Open Badges 3.0 credential (VC-JWT). */
  signCredential: CredentialSigner;
  /** Volunteers per batch (one SQS message, one Lambda invocation). */
  batchSize: number;
  /** Volunteers issued at once inside a batch. */
  concurrency: number;
  log?: (message: string, detail: Record<string, unknown>) => void;
}

export const CERTIFICATES_SOURCE = 'jaunatne.certificates';

export interface CertificateIssuedDetail {
  code: string;
  programme: string;
  year: number;
  volunteerId: string;
  runId: string | null;
}
export type CertificateIssued = DomainEvent<'CertificateIssued', CertificateIssuedDetail>;

/** The event id is derived from the code, so a re-published announcement is the same event to its consumers. */
export function certificateIssued(detail: CertificateIssuedDetail, at: string): CertificateIssued {
  return { id: `certificate-issued:${detail.code}`, type: 'CertificateIssued', source: CERTIFICATES_SOURCE, occurredAt: at, detail };
}

