// Certificates with their code reservations and email state, and recognition runs with per-batch progress markers.
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand,
  type DynamoDBDocumentClient, type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { EmailDelivery } from '../domain/certificates/email-delivery.js';
import { CodeTaken, type CertificateRef, type CertificateRepository } from '../domain/certificates/ports.js';
import type { BatchCounts, Certificate, CertificateBatch, CertificateRun } from '../domain/certificates/types.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { ENTITY, keys } from './keys.js';
import { batchWriteAll } from './batch-write.js';
import { outboxPuts } from './outbox.js';
import { partitionIs, getConsistent, queryAll, type Item } from './query.js';
import { INDEXES, TTL_ATTRIBUTE } from './table.js';

/** A run's batches are kept 90 days (the queue retries for at most 14), then removed by TTL. */
const BATCH_RETENTION_SECONDS = 90 * 24 * 3600;


const CERT_FIELDS = [
  'code', 'programme', 'year', 'volunteerId', 'holderName', 'holderEmail', 'totalMinutes', 'thresholdMinutes', 'tier', 'period',
  'institutions', 'issuedAt', 'runId', 'credential', 'kid', 'pdfKey', 'status', 'flag', 'revocation', 'announced', 'email',
] as const;
const RUN_FIELDS = ['id', 'year', 'scope', 'startedAt', 'startedBy', 'eligible', 'batches', 'batchesDone', 'issued', 'skipped', 'failed', 'finishedAt'] as const;
const pick = <T>(item: Item, fields: readonly string[]): T => Object.fromEntries(fields.map((f) => [f, item[f] ?? null])) as T;

export class DynamoCertificateRepository implements CertificateRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // the certificate of a volunteer, programme and year
  async getByHolder(programme: string, year: number, volunteerId: string): Promise<Certificate | undefined> {
    const item = await this.get(keys.certificate(programme, year, volunteerId));
    return item ? toCertificate(item) : undefined;
  }

  // which certificate a code names
  async getByCode(code: string): Promise<Certificate | undefined> {
    const pointer = await this.get(keys.certificateCode(code));
    if (!pointer) return undefined;
    return this.getByHolder(String(pointer.programme), Number(pointer.year), String(pointer.volunteerId));
  }

  async reserveCode(programme: string, year: number, volunteerId: string, candidate: string): Promise<string> {
    const reserved = await this.get(keys.certificateCodeOfHolder(programme, year, volunteerId));
    if (reserved) return String(reserved.code);
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [
        { Put: {
          TableName: this.table,
          Item: { ...keys.certificateCodeOfHolder(programme, year, volunteerId), entityType: ENTITY.certificateCodeReservation, code: candidate, programme, year, volunteerId },
          ConditionExpression: 'attribute_not_exists(pk)',
        } },
        { Put: {
          TableName: this.table,
          Item: { ...keys.certificateCode(candidate), entityType: ENTITY.certificateCode, code: candidate, programme, year, volunteerId },
          ConditionExpression: 'attribute_not_exists(pk)',
        } },
      ] }));
      return candidate;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      if (codes[0] === 'ConditionalCheckFailed') {
        // A concurrent issuer reserved first: its code is the holder's.
        const theirs = await this.get(keys.certificateCodeOfHolder(programme, year, volunteerId));
        if (theirs) return String(theirs.code);
      }
      if (codes[1] === 'ConditionalCheckFailed') throw new CodeTaken(`certificate code ${candidate} is taken`);
      throw error;
    }
  }

  async create(c: Certificate, events: readonly DomainEvent[]): Promise<'created' | 'exists'> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [
        { Put: { TableName: this.table, Item: certificateItem(c), ConditionExpression: 'attribute_not_exists(pk)' } },
        { ConditionCheck: {
          // The code must be the one reserved for this holder (reserveCode), so no certificate takes another's code.
          TableName: this.table, Key: keys.certificateCode(c.code),
          ConditionExpression: 'programme = :p AND #y = :y AND volunteerId = :v',
          ExpressionAttributeNames: { '#y': 'year' }, ExpressionAttributeValues: { ':p': c.programme, ':y': c.year, ':v': c.volunteerId },
        } },
        ...(c.email.state === 'pending' ? [{ Put: {
          TableName: this.table,
          Item: { ...keys.certificateEmailPending(c.programme, c.year, c.volunteerId), entityType: ENTITY.certificateEmailPending, programme: c.programme, year: c.year, volunteerId: c.volunteerId, code: c.code },
        } }] : []),
        ...outboxPuts(this.table, events),
      ] }));
      return 'created';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      if (codes[0] === 'ConditionalCheckFailed') return 'exists';
      if (codes[1] === 'ConditionalCheckFailed') throw new ConflictError(`certificate code ${c.code} is not reserved for ${c.programme}/${c.year}/${c.volunteerId}`);
      throw error;
    }
  }

  async markAnnounced(code: string, events: readonly DomainEvent[]): Promise<void> {
    const c = await this.getByCode(code);
    if (!c) throw new NotFoundError('certificate', code);
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [
        { Update: {
          TableName: this.table, Key: keys.certificate(c.programme, c.year, c.volunteerId),
          UpdateExpression: 'SET announced = :t', ConditionExpression: 'announced <> :t', ExpressionAttributeValues: { ':t': true },
        } },
        ...outboxPuts(this.table, events),
      ] }));
    } catch (error) {
      // announced by a concurrent issuer: its events are in the outbox already
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return;
      throw error;
    }
  }

  async updateStatus(code: string, expected: Certificate['status'], patch: Pick<Certificate, 'status' | 'flag' | 'revocation'>): Promise<void> {
    const c = await this.getByCode(code);
    if (!c) throw new NotFoundError('certificate', code);
    // Only the status fields and their sparse listing change: the email state is written by its senders alone.
    const listing = statusListing({ ...c, ...patch });
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: keys.certificate(c.programme, c.year, c.volunteerId),
        UpdateExpression: `SET #s = :status, flag = :flag, revocation = :revocation${listing ? ', gsi2pk = :g2pk, gsi2sk = :g2sk' : ' REMOVE gsi2pk, gsi2sk'}`,
        ConditionExpression: '#s = :expected', ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':expected': expected, ':status': patch.status, ':flag': patch.flag, ':revocation': patch.revocation,
          ...(listing ? { ':g2pk': listing.gsi2pk, ':g2sk': listing.gsi2sk } : {}),
        },
      }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError(`certificate ${code} is no longer ${expected}`);
      throw error;
    }
  }

  // certificates of a programme and year, by volunteer id
  async listOfYear(programme: string, year: number): Promise<Certificate[]> {
    return (await this.queryAll({ IndexName: INDEXES.byCollection.name, ...eq(INDEXES.byCollection.partition, keys.certificatesOfYear(programme, year).gsi1pk) })).map(toCertificate);
  }

  // revoked certificates of a programme, oldest revocation first
  async listRevoked(programme: string): Promise<Certificate[]> {
    return (await this.queryAll({ IndexName: INDEXES.byQueue.name, ...eq(INDEXES.byQueue.partition, keys.certificatesRevoked(programme).gsi2pk) })).map(toCertificate);
  }

  // flagged certificates of a programme, oldest flag first
  async listFlagged(programme: string): Promise<Certificate[]> {
    return (await this.queryAll({ IndexName: INDEXES.byQueue.name, ...eq(INDEXES.byQueue.partition, keys.certificatesFlagged(programme).gsi2pk) })).map(toCertificate);
  }

  async createRun(run: CertificateRun, batches: readonly CertificateBatch[]): Promise<void> {
    // Batches first, the run last: a run that exists always has all its batches.
    // a batch names its volunteers: it expires (TTL) long after the run and its queue's retries, long before any erasure
    const expires = Math.floor(Date.parse(run.startedAt) / 1000) + BATCH_RETENTION_SECONDS;
    await batchWriteAll(this.db, this.table, batches.map((b) => ({ PutRequest: { Item: { ...keys.certificateRunBatch(b.runId, b.index), entityType: ENTITY.certificateRunBatch, ...b, [TTL_ATTRIBUTE]: expires } } })));
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { ...keys.certificateRun(run.id), ...keys.certificateRunOfScope(run.scope, run.year, run.startedAt, run.id), entityType: ENTITY.certificateRun, ...run },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async getRun(id: string): Promise<CertificateRun | undefined> {
    const item = await this.get(keys.certificateRun(id));
    return item ? pick<CertificateRun>(item, RUN_FIELDS) : undefined;
  }

  // the latest run of a scope and year
  async latestRun(scope: string | null, year: number): Promise<CertificateRun | undefined> {
    const { Items = [] } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byCollection.name, ScanIndexForward: false, Limit: 1,
      ...eq(INDEXES.byCollection.partition, keys.certificateRunsOfScope(scope, year).gsi1pk),
    }));
    return Items[0] ? this.getRun(String(Items[0].id)) : undefined;
  }

  async getBatch(runId: string, index: number): Promise<CertificateBatch | undefined> {
    const item = await this.get(keys.certificateRunBatch(runId, index));
    return item ? toBatch(item) : undefined;
  }

  // the batches of a run not marked done yet, in order
  async pendingBatches(runId: string): Promise<CertificateBatch[]> {
    const k = keys.certificateRunBatchesPrefix(runId);
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', FilterExpression: 'done = :f',
      ExpressionAttributeValues: { ':pk': k.pk, ':prefix': k.skPrefix, ':f': false }, ConsistentRead: true,
    });
    return items.map(toBatch);
  }

  async completeBatch(runId: string, index: number, counts: BatchCounts, at: string): Promise<boolean> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [
        { Update: {
          TableName: this.table, Key: keys.certificateRunBatch(runId, index),
          UpdateExpression: 'SET done = :t, doneAt = :at, issued = :i, skipped = :s, failed = :f',
          ConditionExpression: 'done = :false',
          ExpressionAttributeValues: { ':t': true, ':false': false, ':at': at, ':i': counts.issued, ':s': counts.skipped, ':f': counts.failed },
        } },
        { Update: {
          TableName: this.table, Key: keys.certificateRun(runId),
          UpdateExpression: 'ADD batchesDone :one, issued :i, skipped :s, failed :f',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':i': counts.issued, ':s': counts.skipped, ':f': counts.failed },
        } },
      ] }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
    // The last batch stamps the finish time (once).
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: keys.certificateRun(runId),
      UpdateExpression: 'SET finishedAt = :at', ConditionExpression: 'batchesDone >= batches AND finishedAt = :null',
      ExpressionAttributeValues: { ':at': at, ':null': null },
    })).catch((error) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
    return true;
  }

  async claimEmail(c: Certificate, claim: EmailDelivery): Promise<boolean> {
    // Certificates stored before the email was tracked have no `email` attribute (read as legacyEmail).
    return this.writeEmail(c, claim, 'attribute_not_exists(#e) OR (#e.#s = :pending AND #e.attempts = :attempts)', { ':pending': 'pending', ':attempts': c.email.attempts });
  }

  async recordEmailSent(c: Certificate, sent: EmailDelivery): Promise<boolean> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [
        { Update: {
          TableName: this.table, Key: keys.certificate(c.programme, c.year, c.volunteerId),
          UpdateExpression: 'SET #e = :email', ConditionExpression: '#e.#s = :pending',
          ExpressionAttributeNames: { '#e': 'email', '#s': 'state' }, ExpressionAttributeValues: { ':email': sent, ':pending': 'pending' },
        } },
        { Delete: { TableName: this.table, Key: keys.certificateEmailPending(c.programme, c.year, c.volunteerId) } },
      ] }));
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async recordEmailFailure(c: Certificate, failed: EmailDelivery): Promise<boolean> {
    return this.writeEmail(c, failed, '#e.#s = :pending AND #e.attempts = :attempts', { ':pending': 'pending', ':attempts': failed.attempts });
  }

  // certificates whose email is still pending, of one programme or all
  async pendingEmails(programme?: string): Promise<CertificateRef[]> {
    const k = keys.certificateEmailsPending(programme);
    const items = await this.queryAll({
      KeyConditionExpression: k.skPrefix === '' ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': k.pk, ...(k.skPrefix === '' ? {} : { ':prefix': k.skPrefix }) },
    });
    return items.map((i) => ({ programme: String(i.programme), year: Number(i.year), volunteerId: String(i.volunteerId) }));
  }

  private async writeEmail(c: Certificate, email: EmailDelivery, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: keys.certificate(c.programme, c.year, c.volunteerId),
        UpdateExpression: 'SET #e = :email', ConditionExpression: `attribute_exists(pk) AND (${condition})`,
        ExpressionAttributeNames: { '#e': 'email', '#s': 'state' }, ExpressionAttributeValues: { ':email': email, ...values },
      }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private get(key: { pk: string; sk: string }): Promise<Item | undefined> {
    return getConsistent(this.db, this.table, key);
  }

  private queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    return queryAll(this.db, this.table, input);
  }
}

const eq = partitionIs;

/** The certificate with its roster listing, and the sparse flagged / revoked listings when its status says so. */
function certificateItem(c: Certificate): Item {
  return {
    ...keys.certificate(c.programme, c.year, c.volunteerId),
    ...keys.certificateOfYear(c.programme, c.year, c.volunteerId),
    ...statusListing(c),
    entityType: ENTITY.certificate,
    ...c,
  };
}

/** The sparse flagged / revoked listing a certificate's status puts it in, if any. */
function statusListing(c: Pick<Certificate, 'programme' | 'code' | 'status' | 'flag' | 'revocation'>): { gsi2pk: string; gsi2sk: string } | undefined {
  if (c.status === 'flagged' && c.flag) return keys.certificateFlagged(c.programme, c.flag.at, c.code);
  if (c.status === 'revoked' && c.revocation) return keys.certificateRevoked(c.programme, c.revocation.at, c.code);
  return undefined;
}

const toCertificate = (item: Item): Certificate => {
  const c = pick<Certificate>(item, CERT_FIELDS);
  return c.email === null ? { ...c, email: legacyEmail(c.announced) } : c;
};

/**
 * Certificates stored before the email was tracked: an announced one went through the old once-per-event mail
 * claim, so it counts as sent (it is not mailed again); one never announced is still pending (a rerun mails it).
 */
function legacyEmail(announced: boolean): EmailDelivery {
  return { state: announced ? 'sent' : 'pending', attempts: 0, leaseUntil: null, lastAttemptAt: null, lastError: null, sentAt: null };
}
const toBatch = (item: Item): CertificateBatch => pick<CertificateBatch>(item, ['runId', 'index', 'programme', 'year', 'volunteerIds', 'done']);
