// Every Lambda of the platform: one NodejsFunction with the defaults fixed, and bindTable() to reach the table.
import { resolve } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, LogLevel, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { INDEXES } from '../../lib/data/table.js';

import { BUNDLING, PROJECT_ROOT } from '../bundling.js';

export { PROJECT_ROOT };

/** No Scan: every read is one of the access patterns in lib/data/table.ts, and they are all Get or Query (allowTableScan is the one-off exception). */
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'];

export type TableAccess = 'read' | 'readWrite';

export interface TableBinding {
  readonly table: ITableV2;
  readonly access: TableAccess;
}

export interface AppFunctionProps {
  /** Entry point relative to the project root, e.g. `functions/http/platform/get-health.ts`. */
  readonly entry: string;
  readonly description?: string;
  /** @default 512 */
  readonly memoryMb?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** Added to STAGE, POWERTOOLS_SERVICE_NAME and NODE_OPTIONS. */
  readonly environment?: Record<string, string>;
  /** X-Ray active tracing. @default false */
  readonly tracing?: boolean;
  /** Files copied into the bundle after esbuild: path inside the bundle → absolute source path. */
  readonly bundledFiles?: Record<string, string>;
  /** @default three months */
  readonly logRetention?: RetentionDays;
  /**
   * A log group shared with other functions (the HTTP functions share one, which keeps the API stack under
   * CloudFormation's 500 resources; Powertools puts the function name on every line). @default its own group
   */
  readonly logGroup?: ILogGroup;
}

/**
 * Node.js 24 on arm64, a minified ESM bundle with source maps (stack traces point at the TypeScript), its own
 * log group with a retention, JSON logs, and a role that can write only to that log group until bindTable()
 * adds the table. The log group and the role sit beside the function (`<id>Logs`, `<id>Role`) because they
 * must exist before the function does.
 */
export class AppFunction extends NodejsFunction {
  private readonly executionRole: Role;
  private boundTable?: ITableV2;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = props.logGroup ?? new LogGroup(scope, `${id}Logs`, { retention: props.logRetention ?? RetentionDays.THREE_MONTHS });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry}`,
    });
    const bundledFiles = Object.entries(props.bundledFiles ?? {});

    super(scope, id, {
      entry: resolve(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: resolve(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? 512,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        STAGE: 'aws',
        POWERTOOLS_SERVICE_NAME: 'jaunatne',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        // infra/bundling.ts: the same options the bundle budget test measures
        format: OutputFormat.ESM,
        target: BUNDLING.target,
        mainFields: [...BUNDLING.mainFields],
        banner: BUNDLING.banner,
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: BUNDLING.sourcesContent,
        charset: Charset.UTF8,
        // the AWS SDK v3 comes from the Lambda runtime (the bundle budget; README, "Deploying")
        bundleAwsSDK: false,
        externalModules: [...BUNDLING.externalModules],
        logLevel: LogLevel.ERROR,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) =>
            bundledFiles.flatMap(([target, source]) => {
              const destination = resolve(outputDir, target);
              return [`mkdir -p ${shellQuote(resolve(destination, '..'))}`, `cp ${shellQuote(source)} ${shellQuote(destination)}`];
            }),
        },
      },
    });

    this.executionRole = role;
    logGroup.grantWrite(role);
    if (props.tracing) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions; X-Ray requires Resource "*".',
      });
    }
  }

  /** Points the function at the files bucket (FILES_BUCKET) and grants GET (+ PUT for readWrite) on one prefix's objects. */
  bindFiles({ bucket, access, prefix }: { bucket: IBucket; access: 'read' | 'readWrite'; prefix: 'applications' | 'certificates' | 'news' | 'consents' }): this {
    this.addEnvironment('FILES_BUCKET', bucket.bucketName);
    const actions = access === 'readWrite' ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject'];
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects(`${prefix}/*`)] }));
    const objects = Stack.of(this).resolve(bucket.arnForObjects(`${prefix}/*`));
    Validations.of(this.executionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(objects)}]`,
      reason: `Object ARNs under the ${prefix}/ prefix of the files bucket: keys are generated per object, so the grant names the prefix; no wildcard action and no other bucket.`,
    });
    return this;
  }

  /**
   * Lets the function delete objects under one prefix of the files bucket (FILES_BUCKET), and with `list` also list the
   * keys under that prefix (to delete what no record names), and nothing else there.
   */
  allowFileDeletion({ bucket, prefix, list = false }: { bucket: IBucket; prefix: 'certificates' | 'consents'; list?: boolean }): this {
    this.addEnvironment('FILES_BUCKET', bucket.bucketName);
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [bucket.arnForObjects(`${prefix}/*`)] }));
    if (list) {
      this.executionRole.addToPrincipalPolicy(new PolicyStatement({
        actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${prefix}/*`] } },
      }));
    }
    Validations.of(this.executionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(bucket.arnForObjects(`${prefix}/*`)))}]`,
      reason: `Object ARNs under the ${prefix}/ prefix of the files bucket: the erasure deletes the files of closed accounts whose retention ended; no other action, prefix or bucket.`,
    });
    return this;
  }

  /** Lets the function publish domain events to the bus (EVENT_BUS_NAME), and nowhere else. */
  allowPublish(bus: IEventBus): this {
    this.addEnvironment('EVENT_BUS_NAME', bus.eventBusName);
    bus.grantPutEventsTo(this.executionRole);
    return this;
  }

  /** Lets the function send certificate batches to the queue (CERTIFICATE_QUEUE_URL). */
  allowSendTo(queue: IQueue): this {
    this.addEnvironment('CERTIFICATE_QUEUE_URL', queue.queueUrl);
    queue.grantSendMessages(this.executionRole);
    return this;
  }

  /**
   * Lets the function read and create the issuers' private keys: Parameter Store SecureStrings `<prefix>/<kid>`
   * (standard tier, the account's `aws/ssm` key: no KMS statement is needed, and the path grant is the access control).
   */
  allowIssuerKeys(prefix: string): this {
    this.addEnvironment('ISSUER_KEYS_PARAMETER_PREFIX', prefix);
    const { account, region, partition } = Stack.of(this);
    const parameters = `arn:${partition}:ssm:${region}:${account}:parameter${prefix}/*`;
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({
      actions: ['ssm:GetParameter', 'ssm:PutParameter'], resources: [parameters],
    }));
    Validations.of(this.executionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(parameters))}]`,
      reason: `One parameter per issuer key id under ${prefix}/ (keys are created on first use per municipality and rotated by new ids); no other parameter and no wildcard action.`,
    });
    return this;
  }

  /** Lets the function read and create (once) the decision links' HMAC key, one SecureString parameter. */
  /** Exactly `actions` (Cognito admin API) on this one pool, whose id the function reads from USER_POOL_ID. */
  allowUserPool(pool: IUserPool, actions: readonly string[]): this {
    this.addEnvironment('USER_POOL_ID', pool.userPoolId);
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({ actions: [...actions], resources: [pool.userPoolArn] }));
    return this;
  }

  allowLinkKey(name: string): this {
    this.addEnvironment('LINK_KEY_PARAMETER', name);
    const { account, region, partition } = Stack.of(this);
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({
      actions: ['ssm:GetParameter', 'ssm:PutParameter'], resources: [`arn:${partition}:ssm:${region}:${account}:parameter${name}`],
    }));
    return this;
  }

  /** Lets the function send mail from one verified SES identity (SES_SENDER), and nothing else. */
  allowMail(sender: string): this {
    this.addEnvironment('SES_SENDER', sender);
    const { account, region, partition } = Stack.of(this);
    const domain = sender.split('@')[1]!;
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [`arn:${partition}:ses:${region}:${account}:identity/${sender}`, `arn:${partition}:ses:${region}:${account}:identity/${domain}`],
    }));
    return this;
  }

  /**
   * Points the function at the table (TABLE_NAME, read by lib/config.ts) and grants exactly the access asked
   * for, in one call so the two cannot drift apart. Reads reach the table and its indexes; writes only the table.
   */
  bindTable({ table, access }: TableBinding): this {
    if (this.boundTable) throw new Error(`${this.node.path} is already bound to a table`);
    this.boundTable = table;
    this.addEnvironment('TABLE_NAME', table.tableName);
    const indexArns = Object.values(INDEXES).map((index) => `${table.tableArn}/index/${index.name}`);
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({ actions: READ_ACTIONS, resources: [table.tableArn, ...indexArns] }));
    if (access === 'readWrite') {
      this.executionRole.addToPrincipalPolicy(new PolicyStatement({ actions: WRITE_ACTIONS, resources: [table.tableArn] }));
    }
    return this;
  }

  /**
   * Scan on the bound table (not its indexes): only for a one-off, whole-table job such as the deploy-time backfill of
   * what earlier releases did not write; every request path reads by Get or Query.
   */
  allowTableScan(): this {
    if (!this.boundTable) throw new Error(`${this.node.path}: bindTable() before allowTableScan()`);
    this.executionRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:Scan'], resources: [this.boundTable.tableArn] }));
    return this;
  }
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** How cdk-nag writes a resolved CloudFormation value in a finding id: Fn::Join flattened, Ref as <Name>. */
export function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v['Fn::Join'])) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(nagText).join(sep);
  }
  if (typeof v.Ref === 'string') return `<${v.Ref}>`;
  if (Array.isArray(v['Fn::GetAtt'])) return `<${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  return JSON.stringify(value);
}
