// What the application use cases need from storage and from the published allocation.
import type { Attachment } from './attachments.js';
import type { Application, ApplicationStatus, ApplicationVersion, Cohort } from './types.js';

export interface ApplicationRepository {
  /** Stores a new application; fails if the id exists. */
  create(app: Application): Promise<void>;
  get(id: string): Promise<Application | undefined>;
  /**
   * Replaces the head when its stored revision is still `expectedRevision` (else ConflictError, nothing
   * written). With `version`, the frozen version is written in the same transaction and never overwritten.
   */
  save(app: Application, expectedRevision: number, version?: ApplicationVersion): Promise<void>;
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
