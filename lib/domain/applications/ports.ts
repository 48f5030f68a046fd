// What the application use cases need from storage and from the published allocation.
import { ConflictError } from '../errors.js';
import type { Attachment } from './attachments.js';
import type { MunicipalityFunding } from './funding.js';
import type { Application, ApplicationStatus, ApplicationVersion, Cohort } from './types.js';

/** The municipality's running total changed (or a transaction on it was in flight) since it was read: re-read and try again. */
export class RunningTotalChanged extends ConflictError {}

export interface ApplicationRepository {
  /** Stores a new application; fails if the id exists. */
  create(app: Application): Promise<void>;
  get(id: string): Promise<Application | undefined>;
  /**
   * Replaces the head when its stored revision is still `expectedRevision` (else ConflictError, nothing
   * written). With `version`, the frozen version is written in the same transaction and never overwritten.
   * With `funding`, the municipality's running total is written in the same transaction, expected at
   * `funding.version - 1` (absent when 1); when it moved meanwhile, RunningTotalChanged and nothing is written.
   */
  save(app: Application, expectedRevision: number, version?: ApplicationVersion, funding?: MunicipalityFunding): Promise<void>;
  /** The municipality's running total, read consistently; undefined while never written. */
  getFunding(municipality: string): Promise<MunicipalityFunding | undefined>;
  listByMunicipality(municipality: string): Promise<Application[]>;
  listByStatus(status: ApplicationStatus, cohort?: Cohort): Promise<Application[]>;
  listVersions(id: string): Promise<ApplicationVersion[]>;
  getVersion(id: string, version: number): Promise<ApplicationVersion | undefined>;
  putAttachment(attachment: Attachment): Promise<void>;
  listAttachments(id: string): Promise<Attachment[]>;
  getAttachment(id: string, attachmentId: string): Promise<Attachment | undefined>;
}

/** The published allocation of each municipality: the ceiling of what it may request. */
export interface AllocationCeilings {
  ceilingFor(municipality: string): Promise<{ amountCents: number; runId: string } | undefined>;
  /** Every published line, by municipality code. */
  all(): Promise<Map<string, { amountCents: number; runId: string }>>;
}
