// The one table: its key schema, indexes and access patterns. CDK and DynamoDB Local both build it from here.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Generic attribute names (pk/sk, gsiNpk/gsiNsk) so any entity can use any index; every item also carries
 * `entityType`. Index names say which question they answer.
 *
 * Access patterns (one row per question; keys are built only in keys.ts):
 * | question                                             | index        | key                                       |
 * |------------------------------------------------------|--------------|-------------------------------------------|
 * | one municipality by code                             | table        | pk MUNI#<code>, sk PROFILE                |
 * | all municipalities, by code                          | byCollection | gsi1pk MUNICIPALITIES, gsi1sk <code>      |
 * | (reserved) work queues, oldest first                 | byQueue      | gsi2pk <queue>, gsi2sk <iso timestamp>#id |
 * | one application (head: state + working content)      | table        | pk APP#<id>, sk HEAD                      |
 * | the frozen submitted versions of an application      | table        | pk APP#<id>, sk begins_with VERSION#      |
 * | the attachments of an application                   | table        | pk APP#<id>, sk begins_with ATTACH#       |
 * | applications of a municipality, oldest first         | byCollection | gsi1pk APPS#<code>, gsi1sk <created>#<id> |
 * | applications by status + cohort (review queue, grants)| byQueue     | gsi2pk APPQ#<status>#C<cohort>, gsi2sk <status since>#<id> |
 * | published allocation (ceiling) of one / all munis    | table        | pk ALLOCATION#CURRENT, sk MUNI#<code>     |
 * | (reserved) sparse: who is eligible in a muni + year  | byEligibility| gsi3pk <muni>#<year>, gsi3sk <id>         |
 */
export const KEY = { partition: 'pk', sort: 'sk' } as const;

export const INDEXES = {
  /** Everything of one collection (e.g. all municipalities), in sort-key order. */
  byCollection: { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
  /** Work queues: items waiting for someone, oldest first. */
  byQueue: { name: 'gsi2', partition: 'gsi2pk', sort: 'gsi2sk' },
  /** Sparse: only items that carry gsi3pk appear (e.g. volunteers who reached a threshold). */
  byEligibility: { name: 'gsi3', partition: 'gsi3pk', sort: 'gsi3sk' },
} as const;

export type IndexName = keyof typeof INDEXES;

/** Items with this attribute (epoch seconds) are removed by DynamoDB TTL in AWS (not by DynamoDB Local). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The CreateTable request for DynamoDB Local, from the same definition the CDK data stack uses. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>([KEY.partition, KEY.sort]);
  for (const index of Object.values(INDEXES)) {
    attributes.add(index.partition);
    attributes.add(index.sort);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: KEY.partition, KeyType: 'HASH' },
      { AttributeName: KEY.sort, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partition, KeyType: 'HASH' },
        { AttributeName: index.sort, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
