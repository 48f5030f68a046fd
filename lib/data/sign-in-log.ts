// Staff accounts' last sign-in, on the sub → invitation pointer (keys.staffAccount): written by the post-authentication
// trigger, read by the users list. Apart from the invitation repository so that only those two bundles carry it.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SignInLog } from '../domain/accounts/invitation-ports.js';
import { batchGetAll } from './batch-get.js';
import { keys } from './keys.js';

export class DynamoSignInLog implements SignInLog {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // only staff accounts have a pointer, so nothing is written for a young person's sign-in
  async recordSignIn(sub: string, at: string): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: keys.staffAccount(sub), UpdateExpression: 'SET lastSignInAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSignInAt) OR lastSignInAt < :at)',
        ExpressionAttributeValues: { ':at': at },
      }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async lastSignIns(subs: readonly string[]): Promise<Map<string, string>> {
    const subOf = new Map([...new Set(subs)].map((sub) => [keys.staffAccount(sub).pk, sub]));
    const items = await batchGetAll(this.db, this.table, [...subOf.values()].map((sub) => keys.staffAccount(sub)));
    return new Map(items.filter((i) => typeof i.lastSignInAt === 'string').map((i) => [subOf.get(String(i.pk))!, i.lastSignInAt as string]));
  }
}
