import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEXES } from '../../lib/data/table.js';
import { AppFunction } from '../../infra/constructs/app-function.js';
import { DYNAMODB_WRITES, statementsOfRole } from './iam.js';

const ENTRY = 'functions/http/platform/get-health.ts';

let stack: Stack;
let table: TableV2;
let reader: AppFunction;
let writer: AppFunction;
let traced: AppFunction;
let template: Template;

beforeAll(() => {
  stack = new Stack(new App(), 'AppFunctionTest');
  table = new TableV2(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
  reader = new AppFunction(stack, 'Reader', { entry: ENTRY }).bindTable({ table, access: 'read' });
  writer = new AppFunction(stack, 'Writer', { entry: ENTRY, memoryMb: 1024, timeoutSeconds: 29 }).bindTable({ table, access: 'readWrite' });
  traced = new AppFunction(stack, 'Traced', { entry: ENTRY, tracing: true });
  template = Template.fromStack(stack);
});

const id = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
const resource = (construct: { node: { defaultChild?: unknown } }) => template.toJSON().Resources[id(construct)];
const roleOf = (fn: AppFunction) => fn.role as unknown as { node: { defaultChild?: unknown } };
const tableArn = () => ({ 'Fn::GetAtt': [id(table), 'Arn'] });
const indexArn = (name: string) => ({ 'Fn::Join': ['', [tableArn(), `/index/${name}`]] });

describe('AppFunction', () => {
  it('defaults to 512 MB and 10 s, and takes per-function tuning', () => {
    expect(resource(reader).Properties).toMatchObject({ MemorySize: 512, Timeout: 10 });
    expect(resource(writer).Properties).toMatchObject({ MemorySize: 1024, Timeout: 29 });
  });

  it('sets TABLE_NAME to the bound table', () => {
    expect(resource(reader).Properties.Environment.Variables.TABLE_NAME).toEqual({ Ref: id(table) });
  });

  it('lets a reader get and query the table and each index, and nothing more', () => {
    const dynamo = statementsOfRole(template, id(roleOf(reader))).filter((s) => s.actions.some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0]!.actions.sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(dynamo[0]!.resources).toEqual([tableArn(), ...Object.values(INDEXES).map((i) => indexArn(i.name))]);
  });

  it('lets a writer also put, update and delete items, on the table only', () => {
    const writes = statementsOfRole(template, id(roleOf(writer))).filter((s) => s.actions.some((a) => DYNAMODB_WRITES.test(a)));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']));
    expect(writes[0]!.resources).toEqual([tableArn()]);
  });

  it('writes logs only to its own log group', () => {
    const logs = statementsOfRole(template, id(roleOf(reader))).filter((s) => s.actions.some((a) => a.startsWith('logs:')));
    expect(logs).toEqual([
      expect.objectContaining({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [{ 'Fn::GetAtt': [id(reader.logGroup as unknown as { node: { defaultChild?: unknown } }), 'Arn'] }],
      }),
    ]);
    expect(resource(roleOf(reader)).Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('refuses a second table binding', () => {
    expect(() => reader.bindTable({ table, access: 'readWrite' })).toThrow(/already bound/);
  });

  it('traces with X-Ray only when asked', () => {
    expect(resource(reader).Properties.TracingConfig).toBeUndefined();
    expect(resource(traced).Properties.TracingConfig).toEqual({ Mode: 'Active' });
    expect(statementsOfRole(template, id(roleOf(traced))).flatMap((s) => s.actions)).toContain('xray:PutTraceSegments');
  });
});
