// The stateless API stack: Cognito, the HTTP API and one function per entry of the route table, plus the reference-data seed.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { InvocationType, Trigger } from 'aws-cdk-lib/triggers';
import type { Construct } from 'constructs';
import { tableAccessOf, usesOf, type RouteDef } from '../../lib/http/route.js';
import { routeList, routes } from '../../lib/http/routes.js';
import { AppFunction } from '../constructs/app-function.js';
import { CertificateJobs, issuerKeysParameterPrefix } from '../constructs/certificate-jobs.js';
import { Identity } from '../constructs/identity.js';
import { filesBucketName, type Settings } from '../settings.js';

/** Steady rate and burst for the whole stage (requests per second); the account limit is 10,000. */
export const STAGE_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

export const SEED_ENTRY = 'functions/deploy/seed-reference-data.ts';

/** Swagger UI comes from the npm package, copied into the docs bundle where get-docs.ts looks for it. */
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
/** The DejaVu TTFs PDFs embed (lib/pdf/fonts.ts and lib/certificates/pdf.ts look in fonts/ beside the handler). */
const fontsDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const PDF_FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf', 'DejaVuSansMono.ttf'];
const FONT_FILES = Object.fromEntries(PDF_FONTS.map((name) => [`fonts/${name}`, join(fontsDir, name)]));

const BUNDLED_FILES: Record<string, Record<string, string>> = {
  [routes.docs.entry]: Object.fromEntries(
    ['swagger-ui-bundle.js', 'swagger-ui.css'].map((name) => [`docs-assets/${name}`, join(swaggerUiDir, name)]),
  ),
};

/** One access-log line per request: enough to trace a call through the correlation id, no token or body. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
}));

export interface ApiStackProps extends StackProps {
  readonly table: ITableV2;
  readonly settings: Settings;
}

export class ApiStack extends Stack {
  readonly identity: Identity;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The HTTP functions by entry (routes sharing an entry share the function). */
  readonly functions: ReadonlyMap<string, AppFunction>;
  readonly seed: AppFunction;
  readonly eventBus: EventBus;
  readonly certificateJobs: CertificateJobs;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { table, settings } = props;
    // By name, not by reference: the grant then names a predictable ARN (see filesBucketName).
    const files = Bucket.fromBucketName(this, 'Files', filesBucketName(settings));

    this.identity = new Identity(this, 'Identity', {
      senderEmail: settings.sesSenderIdentity,
      threatProtection: settings.threatProtection,
    });
    const authorizer = new HttpJwtAuthorizer('CognitoIdToken', this.identity.userPool.userPoolProviderUrl, {
      authorizerName: 'cognito-id-token',
      jwtAudience: [this.identity.client.userPoolClientId],
    });

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: id,
      description: 'Jaunatnes darba platforma: youth-work API (routes from lib/http/routes.ts)',
      createDefaultStage: false,
      ...(settings.allowedOrigins.length > 0 ? { corsPreflight: corsFor(settings.allowedOrigins) } : {}),
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS })),
        format: ACCESS_LOG_FORMAT,
      },
    });

    // Per-route limits below the stage's (no L2 for them: the raw CloudFormation property, hence PascalCase keys).
    const routeSettings = Object.fromEntries(routeList.filter((r) => r.throttle).map((r) => [
      `${r.method} ${r.path}`, { ThrottlingRateLimit: r.throttle!.rate, ThrottlingBurstLimit: r.throttle!.burst },
    ]));
    if (Object.keys(routeSettings).length > 0) (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;

    // Domain events (HoursSubmitted, ThresholdReached, …): the jobs that react to them subscribe with rules on this bus.
    this.eventBus = new EventBus(this, 'DomainEvents', { description: 'Jaunatne domain events' });

    // Certificate runs, the yearly schedule and the reactions to domain events (a construct, not a stack: the
    // start-run route needs its queue and the jobs need this stack's bus and URL).
    const publicBaseUrl = settings.publicBaseUrl ?? this.api.apiEndpoint;
    this.certificateJobs = new CertificateJobs(this, 'CertificateJobs', {
      table, files, eventBus: this.eventBus, publicBaseUrl,
      issuerKeysParameterPrefix: issuerKeysParameterPrefix(settings.stage), sesSenderIdentity: settings.sesSenderIdentity,
      tracing: settings.tracing, fontFiles: FONT_FILES,
    });

    const httpLogs = new LogGroup(this, 'HttpFunctionLogs', { retention: RetentionDays.THREE_MONTHS });
    const functions = new Map<string, AppFunction>();
    for (const [entry, group] of groupByEntry(routeList)) {
      const first = group[0]!;
      const fn = new AppFunction(this, pascalCase(first.id), {
        entry,
        description: group.map((r) => `${r.method} ${r.path}`).join(', ').slice(0, 256),
        memoryMb: maxOf(group.map((r) => r.memoryMb)),
        timeoutSeconds: maxOf(group.map((r) => r.timeoutSeconds)),
        tracing: settings.tracing,
        environment: { PUBLIC_BASE_URL: publicBaseUrl },
        bundledFiles: { ...BUNDLED_FILES[entry], ...(usesOf(group).fonts ? FONT_FILES : {}) },
        logGroup: httpLogs,
      });
      // Least privilege: a function that only answers GET cannot write; one that needs no table gets none.
      const access = tableAccessOf(group);
      if (access !== 'none') fn.bindTable({ table, access });
      const uses = usesOf(group);
      if (uses.files) fn.bindFiles({ bucket: files, access: uses.files, prefix: uses.filesPrefix });
      // Without a sender identity the mail functions report `emailed: false` instead of sending.
      if (uses.mail && settings.sesSenderIdentity) fn.allowMail(settings.sesSenderIdentity);
      if (uses.events) fn.allowPublish(this.eventBus);
      if (uses.certificateQueue) fn.allowSendTo(this.certificateJobs.queue);
      const integration = new HttpLambdaIntegration(`${pascalCase(first.id)}Integration`, fn);

      for (const route of group) {
        const isPublic = route.auth === 'public';
        const [httpRoute] = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(isPublic ? {} : { authorizer }),
        });
        if (isPublic) {
          Validations.of(httpRoute!.node.defaultChild!).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is public by design in the route table (auth: 'public'): ${route.summary}.`,
          });
        }
      }
      functions.set(entry, fn);
    }
    this.functions = functions;

    this.seed = new AppFunction(this, 'SeedReferenceData', {
      entry: SEED_ENTRY,
      description: 'Deploy-time upsert of the municipality registry',
      timeoutSeconds: 120,
      tracing: settings.tracing,
    }).bindTable({ table, access: 'readWrite' });
    // The registry is bundled into the seed, so editing it changes the function version and re-runs the trigger.
    new Trigger(this, 'SeedReferenceDataTrigger', {
      handler: this.seed,
      executeOnHandlerChange: true,
      invocationType: InvocationType.REQUEST_RESPONSE,
      timeout: Duration.minutes(3),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId, description: 'Audience of the ID tokens the API accepts' });
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
    new CfnOutput(this, 'JwtIssuer', { value: this.identity.userPool.userPoolProviderUrl });
  }
}

/** Bearer tokens, no cookies: credentials stay off; the methods are the ones the route table uses. */
function corsFor(allowOrigins: string[]) {
  const methods = [...new Set(routeList.map((r) => r.method))].map((m) => CorsHttpMethod[m]);
  return {
    allowOrigins,
    allowMethods: [...methods, CorsHttpMethod.OPTIONS],
    allowHeaders: ['authorization', 'content-type', 'accept-language', 'x-correlation-id'],
    exposeHeaders: ['x-correlation-id', 'content-language'],
    allowCredentials: false,
    maxAge: Duration.hours(1),
  };
}

/** Routes grouped by Lambda entry, in route-table order. */
export function groupByEntry(list: readonly RouteDef[]): Map<string, RouteDef[]> {
  const groups = new Map<string, RouteDef[]>();
  for (const route of list) groups.set(route.entry, [...(groups.get(route.entry) ?? []), route]);
  return groups;
}

function pascalCase(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

function maxOf(values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length > 0 ? Math.max(...defined) : undefined;
}
