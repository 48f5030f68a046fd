// Staff invitations in the table: the invitation (and the account it opened), the email's lock, the sub → invitation pointer.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { EmailTaken, type InvitationRepository } from '../domain/accounts/invitation-ports.js';
import type { Invitation } from '../domain/accounts/invitations.js';
import { ENTITY, keys } from './keys.js';
import { outboxPuts } from './outbox.js';
import { getConsistent, partitionIs, queryAll, type Item } from './query.js';
import { INDEXES } from './table.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const FIELDS = [
  'id', 'email', 'name', 'role', 'municipality', 'institutions', 'language', 'invitedBy', 'invitedAt', 'sentAt', 'expiresAt',
  'nonce', 'status', 'sub', 'acceptedAt', 'revokedAt', 'active', 'version',
] as const;

const fromItem = (item: Item): Invitation => Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as unknown as Invitation;

export class DynamoInvitationRepository implements InvitationRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  private item(invitation: Invitation): Item {
    return {
      ...keys.invitation(invitation.id), ...keys.invitationListing(invitation.municipality, invitation.invitedAt, invitation.id),
      entityType: ENTITY.invitation, ...invitation,
    };
  }

  async create(invitation: Invitation, events: readonly DomainEvent[]): Promise<void> {
    const items: TransactItem[] = [
      { Put: { TableName: this.table, Item: this.item(invitation), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: {
        TableName: this.table, Item: { ...keys.staffEmailLock(invitation.email), entityType: ENTITY.staffEmailLock, invitationId: invitation.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      } },
      ...outboxPuts(this.table, events),
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') {
        throw new EmailTaken(`${invitation.email} has an invitation already`, { lv: 'Šai e-pasta adresei jau ir uzaicinājums vai konts', en: 'This email has an invitation or an account already' });
      }
      throw conflictOr(error, invitation.id);
    }
  }

  async get(id: string): Promise<Invitation | undefined> {
    const item = await getConsistent(this.db, this.table, keys.invitation(id));
    return item ? fromItem(item) : undefined;
  }

  async bySub(sub: string): Promise<Invitation | undefined> {
    const pointer = await getConsistent(this.db, this.table, keys.staffAccount(sub));
    return typeof pointer?.invitationId === 'string' ? this.get(pointer.invitationId) : undefined;
  }

  // staff of a municipality (or the agency), oldest invitation first
  async ofMunicipality(municipality: string | null): Promise<Invitation[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEXES.byCollection.name, ...partitionIs(INDEXES.byCollection.partition, keys.invitationsOf(municipality).gsi1pk),
    });
    return items.filter((i) => i.entityType === ENTITY.invitation).map(fromItem);
  }

  async update(next: Invitation, events: readonly DomainEvent[], options: { releaseEmail?: boolean; claimSub?: boolean } = {}): Promise<void> {
    const items: TransactItem[] = [
      { Put: {
        TableName: this.table, Item: this.item(next),
        ConditionExpression: 'attribute_exists(pk) AND version = :previous',
        ExpressionAttributeValues: { ':previous': next.version - 1 },
      } },
      ...(options.releaseEmail ? [{ Delete: {
        TableName: this.table, Key: keys.staffEmailLock(next.email),
        ConditionExpression: 'invitationId = :id', ExpressionAttributeValues: { ':id': next.id },
      } }] : []),
      // an update, not a put: a sign-in recorded on the pointer meanwhile stays
      ...(options.claimSub && next.sub ? [{ Update: {
        TableName: this.table, Key: keys.staffAccount(next.sub),
        UpdateExpression: 'SET entityType = :type, invitationId = :id',
        ConditionExpression: 'attribute_not_exists(pk) OR invitationId = :id', ExpressionAttributeValues: { ':id': next.id, ':type': ENTITY.staffAccount },
      } }] : []),
      ...outboxPuts(this.table, events),
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      throw conflictOr(error, next.id);
    }
  }

}

function conflictOr(error: unknown, id: string): unknown {
  if (error instanceof TransactionCanceledException && error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) {
    return new ConflictError(`invitation ${id} changed meanwhile`);
  }
  return error;
}
