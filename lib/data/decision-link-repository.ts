// Supervisors' decision links in the table: one item per nonce, claimed once inside the decision's transaction.
import { GetCommand, PutCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DecisionLink, DecisionLinkStore } from '../domain/hours/decision-links.js';
import { ENTITY, keys } from './keys.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const FIELDS = ['nonce', 'entryId', 'action', 'supervisor', 'createdAt', 'expiresAt', 'usedAt'] as const;

export class DynamoDecisionLinkStore implements DecisionLinkStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async create(link: DecisionLink): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      // usedAt is absent until the claim sets it (the claim's condition is attribute_not_exists(usedAt)).
      Item: { ...keys.decisionLink(link.nonce), entityType: ENTITY.decisionLink, ...link, usedAt: undefined },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async get(nonce: string): Promise<DecisionLink | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.decisionLink(nonce), ConsistentRead: true }));
    if (!Item) return undefined;
    return Object.fromEntries(FIELDS.map((f) => [f, Item[f] ?? null])) as unknown as DecisionLink;
  }
}

/** The single-use claim, as a transaction item: sets usedAt only if the link exists, is unused and not expired at `at`. */
export function decisionLinkClaim(table: string, nonce: string, at: string): TransactItem {
  return { Update: {
    TableName: table, Key: keys.decisionLink(nonce),
    UpdateExpression: 'SET usedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :at',
    ExpressionAttributeValues: { ':at': at },
  } };
}
