// The logbook in the table: volunteers, institutions, assignments, programmes, entries, tallies, audit and idempotency.
import {
  PutCommand, QueryCommand, UpdateCommand,
  type DynamoDBDocumentClient, type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { decisionLinkClaim } from './decision-link-repository.js';
import { IdempotencyKeyTaken, LinkAlreadyUsed, RetryableConflict, type HoursRepository, type IdempotencyRecord } from '../domain/hours/ports.js';
import {
  emptyTally, hourEntrySchema, institutionSchema, programmeInputSchema, volunteerSchema,
  type AuditRecord, type HourEntry, type Institution, type Programme, type SupervisorAssignment, type Tally, type Volunteer,
} from '../domain/hours/types.js';
import { ENTITY, keys } from './keys.js';
import { outboxPuts } from './outbox.js';
import { transactExplained, type TransactItem } from './transact.js';
import { partitionIs, getConsistent, queryAll, type Item } from './query.js';
import { INDEXES, TTL_ATTRIBUTE } from './table.js';


const ENTRY_FIELDS = Object.keys(hourEntrySchema.shape) as (keyof HourEntry)[];
/** An Idempotency-Key's record is kept 30 days (DynamoDB TTL): a retry later than that is not recognised as one (the key stays bound to its entry's id, so it is a 409). */
const IDEMPOTENCY_SECONDS = 30 * 86_400;
const pick = <T>(item: Item, fields: readonly string[]): T => Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T;

export class DynamoHoursRepository implements HoursRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // a volunteer's profile
  async getVolunteer(id: string): Promise<Volunteer | undefined> {
    const item = await this.get(keys.volunteer(id));
    if (!item) return undefined;
    // A consent without `via` is a youth's own declaration from before guardian consent by link: it counts for nothing.
    const consent = item.guardianConsent as { via?: string } | null | undefined;
    return volunteerSchema.parse({ ...pick<Record<string, unknown>>(item, Object.keys(volunteerSchema.shape)), guardianConsent: consent?.via ? consent : null });
  }

  /**
   * Writes the profile's own fields; `guardianConsent` belongs to the consent record (consent-repository.ts), which
   * sets it in its own transactions, so a profile update racing a guardian's consent never erases it.
   */
  async putVolunteer(volunteer: Volunteer): Promise<void> {
    const { guardianConsent: _consent, ...profile } = volunteer;
    // a closed profile joins the erasure queue by the last day its records are kept
    const fields: Record<string, unknown> = volunteer.closedAt && volunteer.retainedUntil ? { ...profile, ...keys.erasureDue(volunteer.retainedUntil, volunteer.id) } : profile;
    const names = Object.keys(fields);
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: keys.volunteer(volunteer.id),
      UpdateExpression: `SET entityType = :entityType, guardianConsent = if_not_exists(guardianConsent, :none), ${names.map((n) => `#${n} = :${n}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
      ExpressionAttributeValues: { ':entityType': ENTITY.volunteer, ':none': null, ...Object.fromEntries(names.map((n) => [`:${n}`, fields[n]])) },
    }));
  }

  // one institution
  async getInstitution(id: string): Promise<Institution | undefined> {
    const item = await this.get(keys.institution(id));
    return item ? toInstitution(item) : undefined;
  }

  async createInstitution(institution: Institution): Promise<void> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { ...keys.institution(institution.id), ...keys.institutionListing(institution.municipality, institution.id), entityType: ENTITY.institution, ...institution },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError(`institution ${institution.id} exists`);
      throw error;
    }
  }

  async setInstitutionActive(id: string, active: boolean): Promise<void> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: keys.institution(id),
        UpdateExpression: 'SET active = :a', ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':a': active },
      }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new NotFoundError('institution', id);
      throw error;
    }
  }

  // institutions of a municipality, by id
  async listInstitutions(municipality: string): Promise<Institution[]> {
    const items = await this.queryAll({ IndexName: INDEXES.byCollection.name, ...eq(INDEXES.byCollection.partition, keys.institutionListing(municipality, '').gsi1pk) });
    return items.map(toInstitution);
  }

  async putAssignment(a: SupervisorAssignment): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { ...keys.supervisorAssignment(a.institutionId, a.supervisorId), ...keys.supervisorAssignmentListing(a.supervisorId, a.institutionId), entityType: ENTITY.supervisorAssignment, ...a },
    }));
  }

  // is this supervisor assigned to this institution (strongly consistent)
  async isAssigned(institutionId: string, supervisorId: string): Promise<boolean> {
    return (await this.get(keys.supervisorAssignment(institutionId, supervisorId))) !== undefined;
  }

  // the institutions a supervisor is assigned to
  async institutionsOf(supervisorId: string): Promise<string[]> {
    const items = await this.queryAll({ IndexName: INDEXES.byCollection.name, ...eq(INDEXES.byCollection.partition, keys.supervisorAssignmentListing(supervisorId, '').gsi1pk) });
    return items.map((i) => String(i.institutionId));
  }

  // the municipality's recognition programme
  async getProgramme(municipality: string): Promise<Programme | undefined> {
    const item = await this.get(keys.hoursProgramme(municipality));
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, entityType: _e, municipality: m, updatedAt, updatedBy, ...policy } = item;
    return { ...programmeInputSchema.parse(policy), municipality: String(m), updatedAt: (updatedAt as string) ?? null, updatedBy: (updatedBy as string) ?? null };
  }

  async putProgramme(programme: Programme): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.hoursProgramme(programme.municipality), entityType: ENTITY.hoursProgramme, ...programme } }));
  }

  // one entry by id: the pointer gives its key
  async getEntry(id: string): Promise<HourEntry | undefined> {
    const pointer = await this.get(keys.hourEntryPointer(id));
    if (!pointer) return undefined;
    const item = await this.get(keys.hourEntry(String(pointer.volunteerId), String(pointer.date), id));
    return item ? toEntry(item) : undefined;
  }

  // a volunteer's entries in a date range, by date
  async entriesBetween(volunteerId: string, from: string, to: string): Promise<HourEntry[]> {
    const k = keys.hourEntryRange(volunteerId, from, to);
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': k.pk, ':from': k.skFrom, ':to': k.skTo },
      ConsistentRead: true,
    });
    return items.map(toEntry);
  }

  // pending entries of an institution, oldest first
  async pendingQueue(institutionId: string, limit: number): Promise<HourEntry[]> {
    const { Items = [] } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byQueue.name, Limit: limit,
      ...eq(INDEXES.byQueue.partition, keys.hourEntryQueue(institutionId, '', '').gsi2pk),
    }));
    return Items.map(toEntry);
  }

  // all entries of a programme's year, by date
  async entriesOfProgrammeYear(programme: string, year: number): Promise<HourEntry[]> {
    const items = await this.queryAll({ IndexName: INDEXES.byCollection.name, ...eq(INDEXES.byCollection.partition, keys.hourEntryProgrammeYear(programme, year, '', '').gsi1pk) });
    return items.map(toEntry);
  }

  // an entry's audit trail, oldest first
  async auditOf(entryId: string): Promise<AuditRecord[]> {
    const k = keys.hourEntryAuditPrefix(entryId);
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': k.pk, ':prefix': k.skPrefix },
      ConsistentRead: true,
    });
    return items.map((i) => pick<AuditRecord>(i, ['entryId', 'at', 'by', 'from', 'to', 'reason']));
  }

  // a volunteer's tally for a programme and year (an empty one at version 0 when none was written)
  async getTally(volunteerId: string, programme: string, year: number): Promise<Tally> {
    const item = await this.get(keys.hoursTally(volunteerId, programme, year));
    return item ? toTally(item) : emptyTally(volunteerId, programme, year);
  }

  // who reached the threshold in a municipality and year (sparse index: only eligible tallies)
  async eligibleVolunteers(programme: string, year: number): Promise<Tally[]> {
    const items = await this.queryAll({ IndexName: INDEXES.byEligibility.name, ...eq(INDEXES.byEligibility.partition, keys.hoursEligibility(programme, year, '').gsi3pk) });
    return items.map(toTally);
  }

  // the first result of a POST made with this Idempotency-Key
  async getIdempotency(volunteerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const item = await this.get(keys.hoursIdempotency(volunteerId, key));
    return item ? { requestHash: String(item.requestHash), result: hourEntrySchema.parse(item.result) } : undefined;
  }

  async createEntry(entry: HourEntry, tally: Tally, audit: AuditRecord, events: readonly DomainEvent[], idempotency?: { key: string; requestHash: string }): Promise<void> {
    const items: TransactItem[] = [
      { Put: { TableName: this.table, Item: entryItem(entry), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.table, Item: { ...keys.hourEntryPointer(entry.id), entityType: ENTITY.hourEntryPointer, volunteerId: entry.volunteerId, date: entry.date }, ConditionExpression: 'attribute_not_exists(pk)' } },
      this.tallyPut(tally),
      { Put: { TableName: this.table, Item: auditItem(audit) } },
    ];
    const keyAt = items.length;
    if (idempotency) {
      items.push({ Put: {
        TableName: this.table,
        // a retry comes within minutes; the copy of the entry (with the name) goes by TTL long before any erasure
        Item: { ...keys.hoursIdempotency(entry.volunteerId, idempotency.key), entityType: ENTITY.hoursIdempotency, requestHash: idempotency.requestHash, result: entry, createdAt: entry.createdAt, [TTL_ATTRIBUTE]: Math.floor(Date.parse(entry.createdAt) / 1000) + IDEMPOTENCY_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      } });
    }
    items.push(...outboxPuts(this.table, events));
    await this.transact(items, (failed) => {
      if (idempotency && failed.includes(keyAt)) return new IdempotencyKeyTaken(`idempotency key ${idempotency?.key} already used`);
      if (failed.includes(0) || failed.includes(1)) return new ConflictError(`entry ${entry.id} exists`);
      return undefined;
    });
  }

  async transition(entry: HourEntry, from: HourEntry['state'], tally: Tally, audit: AuditRecord, events: readonly DomainEvent[], linkClaim?: { nonce: string; at: string }): Promise<void> {
    const items: TransactItem[] = [
      { Put: {
        TableName: this.table, Item: entryItem(entry),
        ConditionExpression: '#state = :from AND version = :version',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':from': from, ':version': entry.version - 1 },
      } },
      this.tallyPut(tally),
      { Put: { TableName: this.table, Item: auditItem(audit) } },
      ...outboxPuts(this.table, events),
    ];
    const claimAt = items.length;
    if (linkClaim) items.push(decisionLinkClaim(this.table, linkClaim.nonce, linkClaim.at));
    await this.transact(items, (failed) => {
      if (failed.includes(0)) return new ConflictError(`entry ${entry.id} is no longer ${from}`);
      return linkClaim && failed.includes(claimAt) ? new LinkAlreadyUsed(`decision link ${linkClaim.nonce} is used or expired`) : undefined;
    });
  }

  /** The tally replaces its previous version; eligible tallies carry the eligibility index keys, others drop them. */
  private tallyPut(tally: Tally): TransactItem {
    const k = keys.hoursTally(tally.volunteerId, tally.programme, tally.year);
    const item: Item = { ...k, entityType: ENTITY.hoursTally, ...tally };
    if (tally.eligible) Object.assign(item, keys.hoursEligibility(tally.programme, tally.year, tally.volunteerId));
    return { Put: {
      TableName: this.table, Item: item,
      ...(tally.version === 1
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': tally.version - 1 } }),
    } };
  }

  /**
   * Runs a transaction and names why it was cancelled: `explain` turns failed condition indexes into a final
   * error; anything else (a stale tally, a transaction conflict) is a RetryableConflict.
   */
  private transact(items: TransactItem[], explain: (failedConditions: number[]) => Error | undefined): Promise<void> {
    return transactExplained(this.db, items, explain, (codes) => new RetryableConflict(`transaction cancelled: ${codes.join(',')}`));
  }


  private get(key: { pk: string; sk: string }): Promise<Item | undefined> {
    return getConsistent(this.db, this.table, key);
  }

  private queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    return queryAll(this.db, this.table, input);
  }
}

const eq = partitionIs;

function entryItem(entry: HourEntry): Item {
  return {
    ...keys.hourEntry(entry.volunteerId, entry.date, entry.id),
    ...keys.hourEntryProgrammeYear(entry.programme, Number(entry.date.slice(0, 4)), entry.date, entry.id),
    ...(entry.state === 'pending' ? keys.hourEntryQueue(entry.institutionId, entry.createdAt, entry.id) : {}),
    entityType: ENTITY.hourEntry,
    ...entry,
  };
}

function auditItem(a: AuditRecord): Item {
  return { ...keys.hourEntryAudit(a.entryId, a.at, a.to), entityType: ENTITY.hourEntryAudit, ...a };
}

const toEntry = (item: Item): HourEntry => hourEntrySchema.parse(pick(item, ENTRY_FIELDS));
const toInstitution = (item: Item): Institution => institutionSchema.parse(pick(item, Object.keys(institutionSchema.shape)));
const toTally = (item: Item): Tally => pick<Tally>(item, ['volunteerId', 'programme', 'year', 'approvedMinutes', 'pendingMinutes', 'eligible', 'thresholdReachedAt', 'version']);
