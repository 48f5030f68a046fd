// The stateful stack: the one DynamoDB table, built from the definition in lib/data/table.ts and never deleted with the stack.
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { INDEXES, KEY, TTL_ATTRIBUTE } from '../../lib/data/table.js';

const string = (name: string) => ({ name, type: AttributeType.STRING });


/** How long a deleted (noncurrent) certificate PDF or consent scan stays recoverable before S3 removes it. */
export const ERASED_VERSION_DAYS = 30;
export interface DataStackProps extends StackProps {
  /** Browser origins that may PUT/GET attachments through pre-signed URLs. */
  readonly allowedOrigins?: readonly string[];
  /** See filesBucketName() in infra/settings.ts. */
  readonly filesBucketName: string;
}

export class DataStack extends Stack {
  readonly table: TableV2;
  /** Application attachments (signed documents, budget estimates), reached only through pre-signed URLs. */
  readonly files: Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
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

    this.files = new Bucket(this, 'Files', {
      bucketName: props.filesBucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // versioning keeps a deleted object as a noncurrent version: the erasure of a closed account's certificate PDFs
        // and consent scans is complete when these go too (30 days to undo a mistaken deletion)
        ...(['certificates/', 'consents/'] as const).map((prefix) => ({
          prefix, noncurrentVersionExpiration: Duration.days(ERASED_VERSION_DAYS), expiredObjectDeleteMarker: true,
        })),
      ],
      ...((props.allowedOrigins ?? []).length > 0 ? {
        cors: [{
          allowedOrigins: [...props.allowedOrigins!],
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedHeaders: ['content-type', 'content-length'],
          maxAge: 3600,
        }],
      } : {}),
    });
    Validations.of(this.files).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Objects are reached only through 5-minute pre-signed URLs that the API issues and logs with a correlation id; CloudTrail data events can be added if an audit asks for server access logs.',
    });

    new CfnOutput(this, 'FilesBucketName', { value: this.files.bucketName, description: 'Application attachments' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The single DynamoDB table' });
  }
}
