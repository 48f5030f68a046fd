// Private calendar links: the youth's pointer to its token hash and the hash's way back to the youth, changed together.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.js';
import type { CalendarLink, CalendarTokenRepository } from '../domain/youth-house/feed-ports.js';
import { ENTITY, keys } from './keys.js';
import { getConsistent } from './query.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoCalendarTokenRepository implements CalendarTokenRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async current(youthId: string): Promise<CalendarLink | undefined> {
    const item = await getConsistent(this.db, this.table, keys.youthCalendarLink(youthId));
    return item ? { youthId, tokenHash: item.tokenHash as string, createdAt: item.createdAt as string } : undefined;
  }

  async rotate(link: CalendarLink, replacing: CalendarLink | undefined): Promise<void> {
    const items: TransactItem[] = [
      { Put: {
        TableName: this.table, Item: { ...keys.youthCalendarLink(link.youthId), entityType: ENTITY.youthCalendarLink, ...link },
        ...(replacing
          ? { ConditionExpression: 'tokenHash = :old', ExpressionAttributeValues: { ':old': replacing.tokenHash } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      } },
      { Put: { TableName: this.table, Item: { ...keys.calendarToken(link.tokenHash), entityType: ENTITY.calendarToken, ...link }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...(replacing ? [{ Delete: { TableName: this.table, Key: keys.calendarToken(replacing.tokenHash) } }] : []),
    ];
    await this.transact(items, `the calendar link of ${link.youthId} changed meanwhile`);
  }

  async revoke(link: CalendarLink): Promise<boolean> {
    try {
      await this.transact([
        { Delete: { TableName: this.table, Key: keys.youthCalendarLink(link.youthId), ConditionExpression: 'tokenHash = :hash', ExpressionAttributeValues: { ':hash': link.tokenHash } } },
        { Delete: { TableName: this.table, Key: keys.calendarToken(link.tokenHash) } },
      ], 'revoked meanwhile');
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /** Strongly consistent: a revoked link stops working at once. */
  async resolve(tokenHash: string): Promise<string | undefined> {
    return (await getConsistent(this.db, this.table, keys.calendarToken(tokenHash)))?.youthId as string | undefined;
  }

  private async transact(items: TransactItem[], conflict: string): Promise<void> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConflictError(conflict);
      throw error;
    }
  }
}
