// In-memory fakes of the application ports, for use-case tests: same contracts as the DynamoDB adapters.
import { ConflictError } from '../../lib/domain/errors.js';
import { RunningTotalChanged, type AllocationCeilings, type ApplicationRepository } from '../../lib/domain/applications/ports.js';
import type { MunicipalityFunding } from '../../lib/domain/applications/funding.js';
import type { Attachment } from '../../lib/domain/applications/attachments.js';
import type { Application, ApplicationStatus, ApplicationVersion, Cohort } from '../../lib/domain/applications/types.js';
import type { ApplicationDeps } from '../../lib/domain/applications/use-cases/deps.js';
import { DEFAULT_APPLICATION_POLICY } from '../../lib/domain/applications/policy.js';
import type { Mailer, MailMessage } from '../../lib/mail/mailer.js';

const copy = <T>(v: T): T => structuredClone(v);

export class InMemoryApplications implements ApplicationRepository {
  readonly heads = new Map<string, Application>();
  readonly versions = new Map<string, ApplicationVersion>();
  readonly funding = new Map<string, MunicipalityFunding>();

  async create(app: Application) {
    if (this.heads.has(app.id)) throw new ConflictError(`application ${app.id} already exists`);
    this.heads.set(app.id, copy(app));
  }
  async get(id: string) { const a = this.heads.get(id); return a && copy(a); }
  async save(app: Application, expectedRevision: number, version?: ApplicationVersion, funding?: MunicipalityFunding) {
    if (this.heads.get(app.id)?.revision !== expectedRevision) throw new ConflictError('stale revision');
    const key = version && `${app.id}#${version.frozen.version}`;
    if (key && this.versions.has(key)) throw new ConflictError('version exists');
    if (funding && (this.funding.get(funding.municipality)?.version ?? 0) !== funding.version - 1) throw new RunningTotalChanged('running total moved');
    this.heads.set(app.id, copy(app));
    if (key && version) this.versions.set(key, copy(version));
    if (funding) this.funding.set(funding.municipality, copy(funding));
  }
  async getFunding(m: string) { const f = this.funding.get(m); return f && copy(f); }
  async listByMunicipality(m: string) { return [...this.heads.values()].filter((a) => a.municipality === m).map(copy); }
  async listByStatus(s: ApplicationStatus, c?: Cohort) { return [...this.heads.values()].filter((a) => a.status === s && (!c || a.cohort === c)).map(copy); }
  async listVersions(id: string) {
    return [...this.versions.entries()].filter(([k]) => k.startsWith(`${id}#`)).map(([, v]) => copy(v)).sort((a, b) => a.frozen.version - b.frozen.version);
  }
  async getVersion(id: string, n: number) { const v = this.versions.get(`${id}#${n}`); return v && copy(v); }
  readonly attachments = new Map<string, Attachment>();
  async putAttachment(a: Attachment) { this.attachments.set(`${a.applicationId}#${a.id}`, copy(a)); }
  async listAttachments(id: string) { return [...this.attachments.values()].filter((a) => a.applicationId === id).map(copy); }
  async getAttachment(id: string, attId: string) { const a = this.attachments.get(`${id}#${attId}`); return a && copy(a); }
}

export class FixedCeilings implements AllocationCeilings {
  constructor(readonly lines = new Map<string, { amountCents: number; runId: string }>()) {}
  async ceilingFor(m: string) { return this.lines.get(m); }
  async all() { return new Map(this.lines); }
}

export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  failing = false;
  async send(message: MailMessage) {
    if (this.failing) throw new Error('SES throttled');
    this.sent.push(message);
    return { messageId: `m-${this.sent.length}` };
  }
}

/** Blob bytes by key, as the store would report them. */
export class FakeBlobs {
  readonly blobs = new Map<string, { contentType: string; sizeBytes: number }>();
  async head(key: string) { return this.blobs.get(key); }
}

export function fakeDeps(start = '2024-02-01T09:00:00.000Z') {
  let t = Date.parse(start);
  let n = 0;
  const applications = new InMemoryApplications();
  const ceilings = new FixedCeilings(new Map([['LV-042', { amountCents: 2_000_000, runId: 'run-1' }]]));
  const mailer = new RecordingMailer();
  const mailErrors: unknown[] = [];
  const blobs = new FakeBlobs();
  const deps: ApplicationDeps = {
    applications, ceilings, mailer, blobs, policy: DEFAULT_APPLICATION_POLICY,
    clock: { now: () => new Date((t += 60_000)) },
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    onMailError: (e) => mailErrors.push(e),
  };
  return { deps, applications, ceilings, mailer, mailErrors, blobs };
}
