// The stateful stack: the one DynamoDB table, built from the definition in lib/data/table.ts and never deleted with the stack.
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { INDEXES, KEY, TTL_ATTRIBUTE } from '../../lib/data/table.js';

const string = (name: string) => ({ name, type: AttributeType.STRING });

export class DataStack extends Stack {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    /**
     * Invariants: on-demand (no capacity planning for a municipal load), point-in-time recovery and deletion
     * protection (the logbook is evidence for certificates), encrypted with the AWS-managed key (no key to
     * administer or grant), and a stream of old and new images for the jobs stack's reactions.
     */
    this.table = new TableV2(this, 'Table', {
      partitionKey: string(KEY.partition),
      sortKey: string(KEY.sort),
      globalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
        indexName: index.name,
        partitionKey: string(index.partition),
        sortKey: string(index.sort),
      })),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The single DynamoDB table' });
  }
}
