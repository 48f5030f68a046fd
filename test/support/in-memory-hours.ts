// An in-memory HoursRepository for use-case tests: same contracts (versions, conditions, conflicts) as the DynamoDB one.
import type { DecisionLink } from '../../lib/domain/hours/decision-links.js';
import { ConflictError, NotFoundError } from '../../lib/domain/errors.js';
import type { DomainEvent } from '../../lib/domain/events.js';
import { IdempotencyKeyTaken, LinkAlreadyUsed, RetryableConflict, type HoursRepository, type IdempotencyRecord } from '../../lib/domain/hours/ports.js';
import { emptyTally, type AuditRecord, type HourEntry, type Institution, type Programme, type SupervisorAssignment, type Tally, type Volunteer } from '../../lib/domain/hours/types.js';

const clone = <T>(v: T): T => structuredClone(v);

export class InMemoryHoursRepository implements HoursRepository {
  volunteers = new Map<string, Volunteer>();
  institutions = new Map<string, Institution>();
  assignments: SupervisorAssignment[] = [];
  programmes = new Map<string, Programme>();
  entries = new Map<string, HourEntry>();
  tallies = new Map<string, Tally>();
  audit: AuditRecord[] = [];
  idempotency = new Map<string, IdempotencyRecord>();
  /** The outbox: every event committed with a change, in commit order. */
  outbox: DomainEvent[] = [];
  /** Makes the next N tally writes fail as if another writer got there first. */
  staleTallyWrites = 0;
  /** Makes the next N idempotency reads miss, as a read may that races a commit still reaching the key's item. */
  hiddenIdempotencyReads = 0;

  async getVolunteer(id: string) { return clone(this.volunteers.get(id)); }
  async putVolunteer(v: Volunteer) { this.volunteers.set(v.id, clone(v)); }
  async getInstitution(id: string) { return clone(this.institutions.get(id)); }
  async createInstitution(i: Institution) {
    if (this.institutions.has(i.id)) throw new ConflictError('exists');
    this.institutions.set(i.id, clone(i));
  }
  async setInstitutionActive(id: string, active: boolean) {
    const i = this.institutions.get(id);
    if (!i) throw new NotFoundError('institution', id);
    i.active = active;
  }
  async listInstitutions(m: string) { return [...this.institutions.values()].filter((i) => i.municipality === m).map(clone); }
  async putAssignment(a: SupervisorAssignment) { this.assignments.push(clone(a)); }
  async isAssigned(inst: string, sup: string) { return this.assignments.some((a) => a.institutionId === inst && a.supervisorId === sup); }
  async institutionsOf(sup: string) { return [...new Set(this.assignments.filter((a) => a.supervisorId === sup).map((a) => a.institutionId))]; }
  async getProgramme(m: string) { return clone(this.programmes.get(m)); }
  async putProgramme(p: Programme) { this.programmes.set(p.municipality, clone(p)); }
  async getEntry(id: string) { return clone(this.entries.get(id)); }
  async entriesBetween(v: string, from: string, to: string) {
    return [...this.entries.values()].filter((e) => e.volunteerId === v && e.date >= from && e.date <= to).sort((a, b) => a.date.localeCompare(b.date)).map(clone);
  }
  async pendingQueue(inst: string, limit: number) {
    return [...this.entries.values()].filter((e) => e.institutionId === inst && e.state === 'pending').sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, limit).map(clone);
  }
  async entriesOfProgrammeYear(p: string, year: number) { return [...this.entries.values()].filter((e) => e.programme === p && e.date.startsWith(`${year}-`)).map(clone); }
  async auditOf(id: string) { return this.audit.filter((a) => a.entryId === id).map(clone); }
  async getTally(v: string, p: string, year: number) { return clone(this.tallies.get(`${v}|${p}|${year}`) ?? emptyTally(v, p, year)); }
  async eligibleVolunteers(p: string, year: number) { return [...this.tallies.values()].filter((t) => t.programme === p && t.year === year && t.eligible).map(clone); }
  async getIdempotency(v: string, key: string) {
    if (this.hiddenIdempotencyReads > 0) {
      this.hiddenIdempotencyReads--;
      return undefined;
    }
    return clone(this.idempotency.get(`${v}|${key}`));
  }

  async createEntry(entry: HourEntry, tally: Tally, audit: AuditRecord, events: readonly DomainEvent[], idem?: { key: string; requestHash: string }) {
    if (idem && this.idempotency.has(`${entry.volunteerId}|${idem.key}`)) throw new IdempotencyKeyTaken('taken');
    this.checkTally(tally);
    this.entries.set(entry.id, clone(entry));
    this.tallies.set(`${tally.volunteerId}|${tally.programme}|${tally.year}`, clone(tally));
    this.audit.push(clone(audit));
    if (idem) this.idempotency.set(`${entry.volunteerId}|${idem.key}`, { requestHash: idem.requestHash, result: clone(entry) });
    this.outbox.push(...clone(events));
  }

  /** Decision links (shared with InMemoryDecisionLinkStore), claimed inside transition like the DynamoDB adapter does. */
  links = new Map<string, DecisionLink>();

  async transition(entry: HourEntry, from: HourEntry['state'], tally: Tally, audit: AuditRecord, events: readonly DomainEvent[], linkClaim?: { nonce: string; at: string }) {
    const current = this.entries.get(entry.id);
    if (!current || current.state !== from || current.version !== entry.version - 1) throw new ConflictError('entry changed');
    const link = linkClaim ? this.links.get(linkClaim.nonce) : undefined;
    if (linkClaim && (!link || link.usedAt || link.expiresAt <= linkClaim.at)) throw new LinkAlreadyUsed(`link ${linkClaim.nonce} used or expired`);
    this.checkTally(tally);
    if (link && linkClaim) this.links.set(link.nonce, { ...link, usedAt: linkClaim.at });
    this.entries.set(entry.id, clone(entry));
    this.tallies.set(`${tally.volunteerId}|${tally.programme}|${tally.year}`, clone(tally));
    this.audit.push(clone(audit));
    this.outbox.push(...clone(events));
  }

  private checkTally(tally: Tally) {
    if (this.staleTallyWrites > 0) {
      this.staleTallyWrites--;
      throw new RetryableConflict('stale tally (injected)');
    }
    const current = this.tallies.get(`${tally.volunteerId}|${tally.programme}|${tally.year}`);
    if ((current?.version ?? 0) !== tally.version - 1) throw new RetryableConflict('stale tally');
  }
}
