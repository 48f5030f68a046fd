import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEXES, KEY, TTL_ATTRIBUTE } from '../../lib/data/table.js';
import { buildApp } from '../../infra/build-app.js';
import { ERASED_VERSION_DAYS } from '../../infra/stacks/data-stack.js';

let template: Template;
let table: { Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

beforeAll(() => {
  const { dataStack } = buildApp();
  template = Template.fromStack(dataStack);
  template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
  table = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0] as typeof table;
});

const keySchema = (partition: string, sort: string) => [
  { AttributeName: partition, KeyType: 'HASH' },
  { AttributeName: sort, KeyType: 'RANGE' },
];

describe('the data stack', () => {
  it('keys the table by the generic pk/sk names from lib/data/table.ts', () => {
    expect(table.Properties.KeySchema).toEqual(keySchema(KEY.partition, KEY.sort));
  });

  it('declares every key attribute as a string, as DynamoDB Local does', () => {
    const names = [KEY.partition, KEY.sort, ...Object.values(INDEXES).flatMap((i) => [i.partition, i.sort])];
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(names.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(table.Properties.AttributeDefinitions).toHaveLength(names.length);
  });

  it.each(Object.entries(INDEXES))('builds the %s index with its own key names, projecting every attribute', (_, index) => {
    expect(table.Properties.GlobalSecondaryIndexes).toContainEqual({
      IndexName: index.name,
      KeySchema: keySchema(index.partition, index.sort),
      Projection: { ProjectionType: 'ALL' },
    });
  });

  it('has no index beyond those in INDEXES', () => {
    expect(table.Properties.GlobalSecondaryIndexes).toHaveLength(Object.keys(INDEXES).length);
  });

  it('bills on demand', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('keeps point-in-time recovery and deletion protection on', () => {
    expect(table.Properties.Replicas).toEqual([
      expect.objectContaining({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    ]);
  });

  it('encrypts at rest with KMS', () => {
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
  });

  it('streams new and old images for the jobs that react to changes', () => {
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('expires items by the TTL attribute from lib/data/table.ts', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
  });

  it('survives the deletion of its stack and any replacement', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('removes deleted certificate PDFs and consent scans for good: their noncurrent versions expire after 30 days', () => {
    const bucket = Object.values(template.findResources('AWS::S3::Bucket'))[0] as { Properties: { LifecycleConfiguration: { Rules: Record<string, unknown>[] } } };
    const rules = bucket.Properties.LifecycleConfiguration.Rules;
    for (const prefix of ['certificates/', 'consents/']) {
      expect(rules).toContainEqual(expect.objectContaining({ Prefix: prefix, Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: ERASED_VERSION_DAYS }, ExpiredObjectDeleteMarker: true }));
    }
    expect(ERASED_VERSION_DAYS).toBe(30);
  });

  it('lets CloudFormation name the table, so a stage can deploy beside another', () => {
    expect(table.Properties.TableName).toBeUndefined();
    template.hasOutput('TableName', {});
  });
});
