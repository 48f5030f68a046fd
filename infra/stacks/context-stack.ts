// One bounded context of the API: its functions (one per route-table entry) and their routes on the shared HTTP API.
import { Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpAuthorizer, HttpAuthorizerType, HttpMethod, HttpRoute, HttpRouteKey, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { InvocationType, Trigger } from 'aws-cdk-lib/triggers';
import type { Construct } from 'constructs';
import { tableAccessOf, usesOf, type RouteDef } from '../../lib/http/route.js';
import { routes, type BoundedContext } from '../../lib/http/routes.js';
import { alarmOnFunctionErrors } from '../constructs/alarms.js';
import { AppFunction } from '../constructs/app-function.js';
import { FONT_FILES, SWAGGER_UI_FILES } from '../constructs/bundled-files.js';
import { filesBucketName, type Settings } from '../settings.js';

export const SEED_ENTRY = 'functions/deploy/seed-reference-data.ts';
export const BACKFILL_ENTRY = 'functions/deploy/backfill-accounts.ts';
/** The decision links' HMAC key (SecureString, created by the first function that needs it). */
export const LINK_KEY_PARAMETER = '/jaunatne/link-key';

const BUNDLED_FILES: Record<string, Record<string, string>> = {
  [routes.docs.entry]: SWAGGER_UI_FILES,
};

export interface ContextStackProps extends StackProps {
  readonly context: BoundedContext;
  /** The context's routes, from lib/http/routes.ts (routesByContext). */
  readonly routes: readonly RouteDef[];
  readonly api: IHttpApi;
  /** The Api stack's JWT authorizer, attached to every route that is not public. */
  readonly authorizerId: string;
  readonly table: ITableV2;
  readonly settings: Settings;
  readonly publicBaseUrl: string;
  /** The Jobs stack's bus and certificate queue, reached only by the functions whose routes declare them. */
  readonly eventBus: IEventBus;
  readonly certificateQueue: IQueue;
  /** The Jobs stack's alarm topic: every function here alarms on errors to it. */
  readonly alarms: ITopic;
  /** The Api stack's user pool, reached only by the functions whose routes declare `uses.userPool`. */
  readonly userPool: IUserPool;
  /** The pages' app client id, given to the functions whose routes declare `uses.signIn`. */
  readonly pagesClientId: string;
  /** The deploy-time seed of the municipality registry (the platform context). */
  readonly withReferenceDataSeed?: boolean;
}

/**
 * Everything a route needs lives here, in the stack of its context: function, role, policy, integration, route
 * and the permission for API Gateway to invoke the function. The Api stack never references a context stack,
 * so contexts deploy independently and none can form a cycle with another.
 */
export class ContextStack extends Stack {
  readonly context: BoundedContext;
  /** The HTTP functions by entry (routes sharing an entry share the function). */
  readonly functions: ReadonlyMap<string, AppFunction>;
  readonly routes: readonly HttpRoute[];
  readonly seed?: AppFunction;
  readonly backfill?: AppFunction;

  constructor(scope: Construct, id: string, props: ContextStackProps) {
    super(scope, id, props);
    const { table, settings } = props;
    this.context = props.context;
    // By name, not by reference: the grant then names a predictable ARN (see filesBucketName).
    const files = Bucket.fromBucketName(this, 'Files', filesBucketName(settings));
    const authorizer = HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'CognitoIdToken', {
      authorizerId: props.authorizerId, authorizerType: HttpAuthorizerType.JWT,
    });

    // One log group for the context's HTTP functions (Powertools puts the function name on every line).
    const httpLogs = new LogGroup(this, 'HttpFunctionLogs', { retention: RetentionDays.THREE_MONTHS });
    const functions = new Map<string, AppFunction>();
    const httpRoutes: HttpRoute[] = [];
    for (const [entry, group] of groupByEntry(props.routes)) {
      const first = group[0]!;
      const fn = new AppFunction(this, pascalCase(first.id), {
        entry,
        description: group.map((r) => `${r.method} ${r.path}`).join(', ').slice(0, 256),
        memoryMb: maxOf(group.map((r) => r.memoryMb)),
        timeoutSeconds: maxOf(group.map((r) => r.timeoutSeconds)),
        tracing: settings.tracing,
        environment: { PUBLIC_BASE_URL: props.publicBaseUrl },
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
      if (uses.events) fn.allowPublish(props.eventBus);
      if (uses.certificateQueue) fn.allowSendTo(props.certificateQueue);
      if (uses.linkKey) fn.allowLinkKey(LINK_KEY_PARAMETER);
      if (uses.userPool.length > 0) fn.allowUserPool(props.userPool, uses.userPool);
      // InitiateAuth is Cognito's public API: the client id is all the function needs
      if (uses.signIn) fn.addEnvironment('PAGES_CLIENT_ID', props.pagesClientId);
      const integration = new HttpLambdaIntegration(`${pascalCase(first.id)}Integration`, fn);

      for (const route of group) {
        const isPublic = route.auth === 'public';
        const httpRoute = new HttpRoute(this, `${pascalCase(route.id)}Route`, {
          httpApi: props.api,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
          ...(isPublic ? {} : { authorizer }),
        });
        if (isPublic) {
          Validations.of(httpRoute.node.defaultChild!).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is public by design in the route table (auth: 'public'): ${route.summary}.`,
          });
        }
        httpRoutes.push(httpRoute);
      }
      functions.set(entry, fn);
    }
    this.functions = functions;
    this.routes = httpRoutes;

    if (props.withReferenceDataSeed) {
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
      // What earlier releases did not write, backfilled once (a marker in the table; later runs read it and stop).
      this.backfill = new AppFunction(this, 'BackfillAccounts', {
        entry: BACKFILL_ENTRY,
        description: 'Deploy-time backfill: retention of accounts closed by earlier releases, move request logs',
        timeoutSeconds: 780,
        tracing: settings.tracing,
      }).bindTable({ table, access: 'readWrite' }).allowTableScan().allowUserPool(props.userPool, ['cognito-idp:AdminDisableUser']);
      new Trigger(this, 'BackfillAccountsTrigger', {
        handler: this.backfill,
        executeOnHandlerChange: true,
        invocationType: InvocationType.REQUEST_RESPONSE,
        // longer than the function's own limit, so the function, not the provider, decides how a slow run ends
        timeout: Duration.minutes(14),
      });
    }
    alarmOnFunctionErrors(this, props.alarms);
  }
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
