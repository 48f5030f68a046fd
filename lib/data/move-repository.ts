// Municipality moves in the table: the request, the volunteer's pointer to their newest one (one open at a time), and
// the waiting queue of the new municipality; an approval moves the profile in the request's transaction.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batch-get.js';
import { moveRequestSchema, type MoveRepository, type MoveRequest } from '../domain/accounts/moves.js';
import { ConflictError } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { ENTITY, keys } from './keys.js';
import { outboxPuts } from './outbox.js';
import { transactExplained, type TransactItem } from './transact.js';
import { INDEXES } from './table.js';
import { getConsistent, queryAll } from './query.js';


const FIELDS = Object.keys(moveRequestSchema.shape);
const toRequest = (item: Record<string, unknown>) => moveRequestSchema.parse(Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])));

/** The request's MOVELOG item under its volunteer: every request of a young person, in request order. */
export const moveLogItem = (request: Pick<MoveRequest, 'volunteerId' | 'requestedAt' | 'id'>) =>
  ({ ...keys.moveOfVolunteerLog(request.volunteerId, request.requestedAt, request.id), entityType: ENTITY.moveLog, requestId: request.id });

export class DynamoMoveRepository implements MoveRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async get(id: string): Promise<MoveRequest | undefined> {
    const item = await getConsistent(this.db, this.table, keys.moveRequest(id));
    return item ? toRequest(item) : undefined;
  }

  async latestOf(volunteerId: string): Promise<MoveRequest | undefined> {
    const pointer = await getConsistent(this.db, this.table, keys.moveOfVolunteer(volunteerId));
    return pointer ? this.get(String(pointer.requestId)) : undefined;
  }

  async allOf(volunteerId: string): Promise<MoveRequest[]> {
    const k = keys.moveOfVolunteerLogPrefix(volunteerId);
    const log = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': k.pk, ':sk': k.skPrefix }, ConsistentRead: true,
    });
    const found = await batchGetAll(this.db, this.table, log.map((i) => keys.moveRequest(String(i.requestId))));
    return found.map(toRequest).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id));
  }

  async waitingFor(municipality: string, limit: number): Promise<MoveRequest[]> {
    const { Items } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byQueue.name,
      KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': INDEXES.byQueue.partition },
      ExpressionAttributeValues: { ':pk': keys.movesWaiting(municipality).gsi2pk }, Limit: limit,
    }));
    return (Items ?? []).map(toRequest);
  }

  async create(request: MoveRequest, events: readonly DomainEvent[]): Promise<void> {
    const items: TransactItem[] = [
      { Put: {
        TableName: this.table, Item: { ...keys.moveOfVolunteer(request.volunteerId), entityType: ENTITY.movePointer, requestId: request.id, open: true },
        ConditionExpression: 'attribute_not_exists(pk) OR #open = :false', ExpressionAttributeNames: { '#open': 'open' }, ExpressionAttributeValues: { ':false': false },
      } },
      { Put: {
        TableName: this.table, ConditionExpression: 'attribute_not_exists(pk)',
        Item: { ...keys.moveRequest(request.id), entityType: ENTITY.moveRequest, ...request, ...keys.moveWaiting(request.to, request.requestedAt, request.id) },
      } },
      { Put: { TableName: this.table, Item: moveLogItem(request) } },
      ...outboxPuts(this.table, events),
    ];
    await this.transact(items, (failed) => (failed.includes(0)
      ? new ConflictError(`volunteer ${request.volunteerId} has a move request waiting`, { lv: 'Jums jau ir neizskatīts pārcelšanās pieprasījums', en: 'You already have a move request waiting' })
      : undefined));
  }

  async close(next: MoveRequest, events: readonly DomainEvent[]): Promise<void> {
    // approved: a guardian consent moves to the new municipality's list too (its coordinators see the withdrawals)
    const consent = next.status === 'approved' ? await getConsistent(this.db, this.table, keys.guardianConsent(next.volunteerId)) : undefined;
    const items: TransactItem[] = [
      { Update: {
        TableName: this.table, Key: keys.moveRequest(next.id), ConditionExpression: '#status = :requested',
        UpdateExpression: 'SET #status = :status, decidedAt = :at, decidedBy = :by, reason = :reason REMOVE gsi2pk, gsi2sk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':requested': 'requested', ':status': next.status, ':at': next.decidedAt, ':by': next.decidedBy, ':reason': next.reason },
      } },
      { Update: {
        TableName: this.table, Key: keys.moveOfVolunteer(next.volunteerId), ConditionExpression: 'requestId = :id',
        UpdateExpression: 'SET #open = :false', ExpressionAttributeNames: { '#open': 'open' }, ExpressionAttributeValues: { ':id': next.id, ':false': false },
      } },
      ...(next.status === 'approved' ? [{ Update: {
        TableName: this.table, Key: keys.volunteer(next.volunteerId),
        // the profile as the request read it: still in `from`, not closed
        ConditionExpression: '#m = :from AND (attribute_not_exists(closedAt) OR closedAt = :null)',
        UpdateExpression: 'SET #m = :to, updatedAt = :at', ExpressionAttributeNames: { '#m': 'municipality' },
        ExpressionAttributeValues: { ':from': next.from, ':to': next.to, ':at': next.decidedAt, ':null': null },
      } } satisfies TransactItem] : []),
      // none read: none may appear before the commit either (it would stay in the old municipality's list)
      ...(next.status === 'approved' && !consent ? [{ ConditionCheck: {
        TableName: this.table, Key: keys.guardianConsent(next.volunteerId), ConditionExpression: 'attribute_not_exists(pk)',
      } } satisfies TransactItem] : []),
      ...(consent ? [{ Update: {
        TableName: this.table, Key: keys.guardianConsent(next.volunteerId), ConditionExpression: 'version = :v',
        UpdateExpression: 'SET #m = :to, gsi1pk = :g1, gsi1sk = :g2', ExpressionAttributeNames: { '#m': 'municipality' },
        ExpressionAttributeValues: { ':v': consent.version, ':to': next.to, ...listingValues(keys.guardianConsentListing(next.to, String(consent.status), String(consent.updatedAt), next.volunteerId)) },
      } } satisfies TransactItem] : []),
      ...outboxPuts(this.table, events),
    ];
    await this.transact(items, (failed) => (failed.includes(2)
      ? new ConflictError(`the profile of ${next.volunteerId} is no longer in ${next.from} or is closed`, { lv: 'Jaunieša profils tikmēr mainījies vai slēgts', en: "The young person's profile changed or was closed meanwhile" })
      : failed.includes(3) ? new ConflictError(`the guardian consent of ${next.volunteerId} changed meanwhile`, { lv: 'Aizbildņa piekrišana tikmēr mainījusies; izlemiet vēlreiz', en: "The guardian's consent changed meanwhile; decide again" })
      : failed.length > 0 ? new ConflictError(`move request ${next.id} is no longer waiting`, { lv: 'Šis pieprasījums jau izlemts vai atsaukts', en: 'This request was decided or withdrawn already' }) : undefined));
  }

  private transact(items: TransactItem[], explain: (failed: number[]) => Error | undefined): Promise<void> {
    return transactExplained(this.db, items, explain, (codes) => new ConflictError(`move transaction cancelled: ${codes.join(',')}`));
  }

}

const listingValues = (l: { gsi1pk: string; gsi1sk: string }) => ({ ':g1': l.gsi1pk, ':g2': l.gsi1sk });
