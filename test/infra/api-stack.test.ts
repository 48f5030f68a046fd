import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../lib/domain/identity/types.js';
import { tableAccessOf, usesOf, type RouteDef } from '../../lib/http/route.js';
import { routeList, routes, routesByContext } from '../../lib/http/routes.js';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import type { AppFunction } from '../../infra/constructs/app-function.js';
import { PDF_FONTS } from '../../infra/constructs/bundled-files.js';
import { POST_CONFIRMATION_ACTIONS, PRE_TOKEN_GENERATION_ACTIONS } from '../../infra/constructs/identity.js';
import { STAFF_DIRECTORY_ACTIONS, STAFF_DIRECTORY_READ_ACTIONS } from '../../lib/accounts/staff-directory-actions.js';
import { BACKFILL_ENTRY, SEED_ENTRY, groupByEntry } from '../../infra/stacks/context-stack.js';
import { STAGE_THROTTLE } from '../../infra/stacks/stage-stack.js';
import { DYNAMODB_WRITES, hasWildcard, statementsOf, statementsOfRole } from './iam.js';
import { findEverywhere, logicalIdOf, refTo, resourceOf, resourcesOf, targetOf, templateOf } from './stacks.js';

let built: BuiltApp;
/** The Api stack's template: Cognito, the HTTP API and its authorizer. */
let api: Template;
/** The Stage stack's template: the $default stage. */
let stage: Template;
let assemblyDir: string;

beforeAll(() => {
  built = buildApp();
  api = templateOf(built.apiStack);
  stage = templateOf(built.stageStack);
  assemblyDir = built.app.synth().directory;
});

const logicalId = logicalIdOf;
const functionOf = (entry: string): AppFunction => {
  const fn = built.functions.get(entry);
  if (!fn) throw new Error(`no function for ${entry}`);
  return fn;
};
const roleIdOf = (fn: AppFunction) => logicalId(fn.role);
const roleStatements = (fn: AppFunction) => statementsOfRole(templateOf(fn), roleIdOf(fn));
const routesById = (list: readonly RouteDef[]) => list.map((r) => [`${r.method} ${r.path}`, r] as const);
const entries = [...groupByEntry(routeList)];
const allFunctions = () => [...built.functions.values(), built.seed, built.backfill];

/** The bundle esbuild wrote for a function: S3 key `<hash>.zip` ↔ directory `asset.<hash>` of the assembly. */
function bundleDir(fn: AppFunction): string {
  const key = resourceOf(fn).Properties.Code.S3Key as string;
  return join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
}

/** The route resource for a route key, the stack holding it, and the function its integration invokes. */
function wiring(routeKey: string): { route: Record<string, any>; stack: Stack; functionId: string } {
  const matches = findEverywhere(built, 'AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
  expect(matches, routeKey).toHaveLength(1);
  const { stack, resource: route } = matches[0]!;
  const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
  const integration = resourcesOf(stack)[integrationId];
  expect(targetOf(built, stack, integration.Properties.ApiId), routeKey).toEqual(refTo(built.apiStack.api));
  return { route, stack, functionId: integration.Properties.IntegrationUri['Fn::GetAtt'][0] };
}

describe('the HTTP API', () => {
  it('has exactly the routes of the route table, each in the stack of its bounded context', () => {
    expect(findEverywhere(built, 'AWS::ApiGatewayV2::Route')).toHaveLength(routeList.length);
    for (const [context, list] of Object.entries(routesByContext)) {
      const stack = built.contextStacks[context as keyof typeof routesByContext];
      const keys = Object.values(templateOf(stack).findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey).sort();
      expect(keys, context).toEqual(Object.values(list).map((r) => `${r.method} ${r.path}`).sort());
    }
  });

  it.each(routesById(routeList))('wires %s', (routeKey) => {
    expect(wiring(routeKey).route.Properties.RouteKey).toBe(routeKey);
  });

  it.each(routesById(routeList.filter((r) => r.auth !== 'public')))('guards %s with the Cognito JWT authorizer', (routeKey) => {
    const [authorizerId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Authorizer'));
    const { route, stack } = wiring(routeKey);
    expect(route.Properties.AuthorizationType).toBe('JWT');
    expect(targetOf(built, stack, route.Properties.AuthorizerId)).toEqual({ stack: built.apiStack.stackName, value: { Ref: authorizerId } });
  });

  it.each(routesById(routeList.filter((r) => r.auth === 'public')))('leaves %s public', (routeKey) => {
    const { route } = wiring(routeKey);
    expect(route.Properties.AuthorizationType).toBe('NONE');
    expect(route.Properties.AuthorizerId).toBeUndefined();
  });

  it('verifies ID tokens of the app client issued by the user pool', () => {
    const userPoolId = logicalId(built.apiStack.identity.userPool);
    const clientId = logicalId(built.apiStack.identity.client);
    expect(findEverywhere(built, 'AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': [userPoolId, 'ProviderURL'] },
        Audience: [{ Ref: clientId }],
      },
    });
  });

  it('throttles the public certificate lookups (API and page) and invitation acceptance harder than the stage, route by route', () => {
    expect(findEverywhere(built, 'AWS::ApiGatewayV2::Stage')).toHaveLength(1);
    const defaultStage = Object.values(stage.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const limited = routeList.filter((r) => r.throttle);
    expect(limited.map((r) => r.id).sort()).toEqual(['acceptInvitation', 'getCertificateCredential', 'getCertificatePage', 'postCheckInPage', 'postInvitationPage', 'verifyCertificate']);
    // the forms that take a password are slower still
    const passwords = ['acceptInvitation', 'postInvitationPage', 'postCheckInPage'];
    for (const r of limited) {
      const expected = passwords.includes(r.id) ? { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } : { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 };
      expect(defaultStage.Properties.RouteSettings[`${r.method} ${r.path}`]).toEqual(expected);
      expect(r.throttle!.rate).toBeLessThan(STAGE_THROTTLE.rateLimit);
    }
    expect(Object.keys(defaultStage.Properties.RouteSettings)).toHaveLength(limited.length);
  });

  it('deploys the stage after every context stack, so the routes its settings name exist', () => {
    const after = built.stageStack.dependencies.map((s) => s.stackName);
    for (const stack of Object.values(built.contextStacks)) expect(after).toContain(stack.stackName);
    expect(targetOf(built, built.stageStack, Object.values(stage.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties.ApiId))
      .toEqual(refTo(built.apiStack.api));
  });

  it('throttles and access-logs the default stage', () => {
    const [logGroupId] = Object.keys(stage.findResources('AWS::Logs::LogGroup')).filter((id) => id.startsWith('AccessLogs'));
    stage.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: STAGE_THROTTLE.rateLimit, ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
  });

  it('sends no CORS headers unless allowedOrigins is set', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('outputs the API URL, the user pool and the client id', () => {
    stage.hasOutput('ApiUrl', {});
    for (const name of ['UserPoolId', 'UserPoolClientId']) api.hasOutput(name, {});
  });
});

describe('the functions', () => {
  it('builds one function per entry of the route table, shared by the routes of that entry', () => {
    expect([...built.functions.keys()].sort()).toEqual(entries.map(([entry]) => entry).sort());
    const ids = new Set<string>();
    for (const [entry, group] of entries) {
      const fn = functionOf(entry);
      const expected = logicalId(fn);
      for (const route of group) {
        const { functionId, stack } = wiring(`${route.method} ${route.path}`);
        expect(functionId, route.id).toBe(expected);
        expect(stack, route.id).toBe(Stack.of(fn));
      }
      ids.add(expected);
    }
    expect(ids.size).toBe(entries.length);
  });

  it('runs every function on Node.js 24, arm64, with source maps, JSON logs and its own log group', () => {
    for (const fn of allFunctions()) {
      const resources = resourcesOf(fn);
      const logGroupId = logicalId(fn.logGroup);
      expect(resources[logicalId(fn)].Properties, fn.node.path).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: { Variables: { STAGE: 'aws', NODE_OPTIONS: '--enable-source-maps' } },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logGroupId }, ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
      });
      expect(resources[logGroupId].Properties.RetentionInDays, fn.node.path).toBe(90);
    }
  });

  it('gives no function role an AWS-managed policy', () => {
    for (const fn of allFunctions()) {
      expect(resourcesOf(fn)[roleIdOf(fn)].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it.each(entries.filter(([, group]) => tableAccessOf(group) === 'none').map(([entry]) => [entry]))(
    'gives %s (which needs no table) neither TABLE_NAME nor any DynamoDB action',
    (entry) => {
      const fn = resourceOf(functionOf(entry));
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toBeUndefined();
      const actions = roleStatements(functionOf(entry)).flatMap((s) => s.actions);
      expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    },
  );

  it.each(entries.filter(([, group]) => tableAccessOf(group) === 'read').map(([entry]) => [entry]))(
    'lets %s (GET only) read the table and its indexes but never write',
    (entry) => {
      const statements = roleStatements(functionOf(entry));
      const actions = statements.flatMap((s) => s.actions);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(actions.filter((a) => DYNAMODB_WRITES.test(a) || a === 'dynamodb:ConditionCheckItem')).toEqual([]);
    },
  );

  it.each(entries.filter(([, group]) => tableAccessOf(group) === 'readWrite').map(([entry]) => [entry]))(
    'lets %s (which changes data) write to the table',
    (entry) => {
      const actions = roleStatements(functionOf(entry)).flatMap((s) => s.actions);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
    },
  );

  it('grants no wildcard action, and no DynamoDB action on a wildcard resource', () => {
    const statements = built.stacks.flatMap((stack) => statementsOf(templateOf(stack)));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.actions.filter((a) => a === '*' || a.endsWith(':*')), s.policy).toEqual([]);
      if (s.actions.some((a) => a.startsWith('dynamodb:'))) {
        expect(s.resources.filter(hasWildcard), s.policy).toEqual([]);
      }
    }
  });

  it('bundles ESM with a require shim and a source map', () => {
    for (const fn of allFunctions()) {
      const dir = bundleDir(fn);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toMatch(/^import \{ createRequire \} from 'node:module'; const require = createRequire\(import\.meta\.url\);/);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    }
  });

  it.each(entries.filter(([, g]) => usesOf(g).fonts).map(([entry]) => [entry]))('copies the DejaVu fonts into fonts/ beside %s', (entry) => {
    const dir = bundleDir(functionOf(entry));
    for (const font of PDF_FONTS) expect(readFileSync(join(dir, 'fonts', font)).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
  });

  it.each(entries.filter(([, g]) => usesOf(g).events).map(([entry]) => [entry]))('lets %s publish to the domain event bus only', (entry) => {
    const fn = functionOf(entry);
    const bus = built.jobsStack.eventBus;
    expect(targetOf(built, Stack.of(fn), resourceOf(fn).Properties.Environment.Variables.EVENT_BUS_NAME)).toEqual(refTo(bus));
    const put = roleStatements(fn).filter((st) => st.actions.includes('events:PutEvents'));
    expect(put).toHaveLength(1);
    expect(put[0]!.resources.map((r) => targetOf(built, Stack.of(fn), r))).toEqual([{ stack: built.jobsStack.stackName, value: { 'Fn::GetAtt': [logicalId(bus), 'Arn'] } }]);
  });

  it('gives no other function the right to publish events', () => {
    for (const [entry] of entries.filter(([, g]) => !usesOf(g).events)) {
      const actions = roleStatements(functionOf(entry)).flatMap((st) => st.actions);
      expect(actions.includes('events:PutEvents'), entry).toBe(false);
    }
  });

  it('copies the Swagger UI assets into docs-assets/ beside the docs handler', () => {
    const dir = bundleDir(functionOf(routes.docs.entry));
    expect(readFileSync(join(dir, 'docs-assets', 'swagger-ui-bundle.js'), 'utf8')).toContain('SwaggerUIBundle');
    expect(existsSync(join(dir, 'docs-assets', 'swagger-ui.css'))).toBe(true);
  });
});

describe('the alarms', () => {
  const alarmsNotifying = (stack: Stack) => Object.values(templateOf(stack).findResources('AWS::CloudWatch::Alarm'))
    .filter((a) => (a.Properties.AlarmActions ?? []).some((action: unknown) => JSON.stringify(targetOf(built, stack, action)) === JSON.stringify(refTo(built.jobsStack.alarms))));

  it('alarm on any error of every function (HTTP, jobs, seed), to the one alarm topic', () => {
    const jobs = Object.values(built.jobsStack.certificateJobs.functions);
    for (const fn of [...allFunctions(), ...jobs]) {
      const mine = alarmsNotifying(Stack.of(fn)).filter((a) => a.Properties.MetricName === 'Errors'
        && JSON.stringify(a.Properties.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }]));
      expect(mine, fn.node.path).toHaveLength(1);
      expect(mine[0]!.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    }
  });

  it('alarm on any 5xx of the API stage, to the same topic', () => {
    const serverErrors = alarmsNotifying(built.stageStack).filter((a) => a.Properties.MetricName === '5xx');
    expect(serverErrors).toHaveLength(1);
    expect(serverErrors[0]!.Properties).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Threshold: 1 });
  });

  it('send to a topic that refuses unencrypted publishers and has no subscriber unless alarmEmail is set', () => {
    expect(findEverywhere(built, 'AWS::SNS::Topic')).toHaveLength(1);
    expect(findEverywhere(built, 'AWS::SNS::Subscription')).toHaveLength(0);
    const policy = JSON.stringify(Object.values(templateOf(built.jobsStack).findResources('AWS::SNS::TopicPolicy'))[0]!.Properties);
    expect(policy).toContain('aws:SecureTransport');
  });
});

describe('the reference-data seed', () => {
  it('runs functions/deploy/seed-reference-data.ts on every deploy that changes it, and fails the deploy if it fails', () => {
    const seed = built.seed;
    expect(Stack.of(seed)).toBe(built.contextStacks.platform);
    const versionId = Stack.of(seed).getLogicalId(seed.currentVersion.node.defaultChild as CfnElement);
    templateOf(seed).hasResourceProperties('Custom::Trigger', {
      // the version's logical id gets a hash of the function's configuration appended, so each change is a new version
      HandlerArn: { Ref: Match.stringLikeRegexp(`^${versionId}`) },
      ExecuteOnHandlerChange: true,
      InvocationType: 'RequestResponse',
    });
    expect(resourcesOf(seed)[roleIdOf(seed)].Properties.Description).toContain(SEED_ENTRY);
  });

  it('may write to the table', () => {
    const actions = roleStatements(built.seed).flatMap((s) => s.actions);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:BatchWriteItem']));
  });
});

describe('the deploy-time backfill', () => {
  it('runs functions/deploy/backfill-accounts.ts on every deploy that changes it, in the platform stack after the accounts stack', () => {
    const fn = built.backfill;
    expect(Stack.of(fn)).toBe(built.contextStacks.platform);
    const versionId = Stack.of(fn).getLogicalId(fn.currentVersion.node.defaultChild as CfnElement);
    templateOf(fn).hasResourceProperties('Custom::Trigger', {
      HandlerArn: { Ref: Match.stringLikeRegexp(`^${versionId}`) }, ExecuteOnHandlerChange: true, InvocationType: 'RequestResponse',
    });
    expect(resourcesOf(fn)[roleIdOf(fn)].Properties.Description).toContain(BACKFILL_ENTRY);
    const actions = roleStatements(fn).flatMap((s) => s.actions);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    // it closes again what earlier releases closed: sign-in off, on this pool only
    expect(actions.filter((a: string) => !a.startsWith('dynamodb:') && !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual(['cognito-idp:AdminDisableUser']);
    expect(resourceOf(fn).Properties.Environment.Variables.USER_POOL_ID).toBeDefined();
    // after the accounts stack, whose functions write retention and move logs themselves
    expect(built.contextStacks.platform.dependencies).toContain(built.contextStacks.accounts);
    // the one function that may scan, and only the table itself
    const scanners = allFunctions().filter((f) => roleStatements(f).some((st) => st.actions.includes('dynamodb:Scan')));
    expect(scanners).toEqual([fn]);
  });
});

describe('the user pool', () => {
  it('lets young people sign themselves up (the triggers decide), with a strong password policy and optional TOTP', () => {
    api.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: false }),
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: Match.objectLike({
          PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true }),
        }),
        DeletionProtection: 'ACTIVE',
        UserPoolTier: 'LITE',
      }),
      DeletionPolicy: 'Retain',
    });
  });

  it.each(['municipality', 'institution'])('carries the mutable custom attribute %s', (name) => {
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true })]),
    });
  });

  it.each(ROLES.map((r) => [r]))('has a %s group', (role) => {
    api.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('invokes the pre-sign-up, post-confirmation, post-authentication and pre-token-generation (V1: the ID token) functions of the Api stack', () => {
    const pool = Object.values(api.findResources('AWS::Cognito::UserPool'))[0]!.Properties;
    const { preSignUp, postConfirmation, postAuthentication, preTokenGeneration } = built.apiStack.identity;
    expect(pool.LambdaConfig).toEqual({
      PreSignUp: { 'Fn::GetAtt': [logicalIdOf(preSignUp), 'Arn'] },
      PostConfirmation: { 'Fn::GetAtt': [logicalIdOf(postConfirmation), 'Arn'] },
      PostAuthentication: { 'Fn::GetAtt': [logicalIdOf(postAuthentication), 'Arn'] },
      PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [logicalIdOf(preTokenGeneration), 'Arn'] }, LambdaVersion: 'V1_0' },
    });
    api.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction', Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [logicalIdOf(preTokenGeneration), 'Arn'] },
    });
    expect(api.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^Cognito pre-sign-up') } })).not.toEqual({});
  });

  it('gives the post-confirmation function exactly AdminAddUserToGroup and AdminUpdateUserAttributes on this pool, the pre-sign-up none', () => {
    const { preSignUp, postConfirmation, preTokenGeneration, userPool } = built.apiStack.identity;
    const cognitoOf = (fn: AppFunction) => statementsOfRole(api, logicalIdOf(fn.role!)).filter((s) => s.actions.some((a) => a.startsWith('cognito-idp:')));
    const admin = cognitoOf(postConfirmation);
    expect(admin).toHaveLength(1);
    expect([...admin[0]!.actions].sort()).toEqual([...POST_CONFIRMATION_ACTIONS].sort());
    expect(admin[0]!.resources).toEqual([{ 'Fn::GetAtt': [logicalIdOf(userPool), 'Arn'] }]);
    expect(cognitoOf(preSignUp)).toEqual([]);
    // the post-authentication function calls no Cognito action: it writes the sign-in time to the table
    expect(cognitoOf(built.apiStack.identity.postAuthentication)).toEqual([]);
    const writes = statementsOfRole(api, logicalIdOf(built.apiStack.identity.postAuthentication.role!)).filter((s) => s.actions.includes('dynamodb:UpdateItem'));
    expect(writes).toHaveLength(1);
    // the pre-token-generation function only reads a user (their MFA settings), on this pool
    const reader = cognitoOf(preTokenGeneration);
    expect(reader).toHaveLength(1);
    expect([...reader[0]!.actions]).toEqual([...PRE_TOKEN_GENERATION_ACTIONS]);
    expect(reader[0]!.resources).toEqual([{ 'Fn::GetAtt': [logicalIdOf(userPool), 'Arn'] }]);
    // nothing else anywhere in the app may call Cognito's admin API but the staff account functions, the account closure
    // and move decision (next tests), the erasure job (account-erasure.test.ts) and the deploy-time backfill
    const elsewhere = built.stacks.flatMap((stack) => statementsOf(templateOf(stack))).filter((s) => s.actions.some((a) => a.startsWith('cognito-idp:')));
    expect(elsewhere).toHaveLength(9);
  });

  it('gives the staff account functions exactly the admin actions they call, on this pool only, and the pool id', () => {
    const { userPool } = built.apiStack.identity;
    const poolArn = built.apiStack.resolve(userPool.userPoolArn);
    for (const [entry, actions] of [
      ['functions/http/accounts/write.ts', STAFF_DIRECTORY_ACTIONS],
      // the invitation page's form accepts through the same use case as POST /v1/invitations/{id}/acceptance
      ['functions/http/accounts/invitation-page.ts', STAFF_DIRECTORY_ACTIONS],
      ['functions/http/accounts/read.ts', STAFF_DIRECTORY_READ_ACTIONS],
    ] as const) {
      const fn = functionOf(entry);
      const cognito = roleStatements(fn).filter((s) => s.actions.some((a) => a.startsWith('cognito-idp:')));
      expect(cognito, entry).toHaveLength(1);
      expect([...cognito[0]!.actions].sort(), entry).toEqual([...actions].sort());
      expect(cognito[0]!.resources, entry).toHaveLength(1);
      // a cross-stack reference to the Api stack's pool ARN, never a wildcard
      expect(JSON.stringify(cognito[0]!.resources), entry).toContain(logicalIdOf(userPool));
      expect(JSON.stringify(cognito[0]!.resources)).not.toContain('*');
      expect(resourceOf(fn).Properties.Environment.Variables.USER_POOL_ID, entry).toBeDefined();
    }
    expect(poolArn).toEqual({ 'Fn::GetAtt': [logicalIdOf(userPool), 'Arn'] });
    expect(STAFF_DIRECTORY_READ_ACTIONS.every((a) => (STAFF_DIRECTORY_ACTIONS as readonly string[]).includes(a))).toBe(true);
  });

  it("gives the move-decision function exactly AdminUpdateUserAttributes on this pool (the account's municipality), and its id", () => {
    const decision = built.functions.get('functions/http/accounts/move-decision.ts')!;
    const statements = roleStatements(decision).filter((s) => s.actions.some((a) => a.startsWith('cognito-idp:')));
    expect(statements).toHaveLength(1);
    expect(statements[0]!.actions).toEqual(['cognito-idp:AdminUpdateUserAttributes']);
    expect(JSON.stringify(statements[0]!.resources)).toContain('UserPool');
    expect(JSON.stringify(statements[0]!.resources)).not.toContain('*');
    expect(resourceOf(decision).Properties.Environment.Variables.USER_POOL_ID).toBeDefined();
    // the other move routes never reach the pool
    const rest = built.functions.get('functions/http/accounts/moves.ts')!;
    expect(roleStatements(rest).filter((s) => s.actions.some((a) => a.startsWith('cognito-idp:')))).toEqual([]);
  });

  it('gives the account-closure function exactly AdminDisableUser on this pool, and its id', () => {
    const closure = built.functions.get('functions/http/accounts/close-my-account.ts')!;
    const statements = roleStatements(closure).filter((s) => s.actions.some((a) => a.startsWith('cognito-idp:')));
    expect(statements).toHaveLength(1);
    expect(statements[0]!.actions).toEqual(['cognito-idp:AdminDisableUser']);
    expect(JSON.stringify(statements[0]!.resources)).toContain('UserPool');
    expect(JSON.stringify(statements[0]!.resources)).not.toContain('*');
    expect(resourceOf(closure).Properties.Environment.Variables.USER_POOL_ID).toBeDefined();
    const exporter = built.functions.get('functions/http/accounts/export-my-data.ts')!;
    expect(roleStatements(exporter).flatMap((s) => s.actions).filter((a) => a.startsWith('cognito-idp:'))).toEqual([]);
  });

  it('binds no table to the pre-token-generation function: it reads the pool only', () => {
    const { preTokenGeneration } = built.apiStack.identity;
    const actions = statementsOfRole(api, logicalIdOf(preTokenGeneration.role!)).flatMap((s) => s.actions);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it('has a public SRP client that reads the custom claims but writes only what a registrant types', () => {
    expect(findEverywhere(built, 'AWS::Cognito::UserPoolClient')).toHaveLength(2);
    const client = Object.values(api.findResources('AWS::Cognito::UserPoolClient')).find((c) => c.Properties.ClientName === 'app')!.Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:municipality', 'custom:institution']));
    expect([...client.WriteAttributes].sort()).toEqual(['birthdate', 'custom:home_municipality', 'email', 'name']);
    expect(client.WriteAttributes).not.toContain('custom:municipality');
    expect(client.WriteAttributes).not.toContain('custom:institution');
  });

  it("has a pages client for the check-in page's password sign-in: short-lived tokens the API does not accept, no trusted attribute written", () => {
    const pages = Object.values(api.findResources('AWS::Cognito::UserPoolClient')).find((c) => c.Properties.ClientName === 'pages')!.Properties;
    expect([...pages.ExplicitAuthFlows].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);
    expect(pages.GenerateSecret).toBe(false);
    expect(pages.ReadAttributes).toEqual(expect.arrayContaining(['custom:municipality', 'custom:institution']));
    // never empty: Cognito reads an empty list as unset, and unset as "every attribute writable"
    expect(pages.WriteAttributes).toEqual(['name']);
    expect(pages.IdTokenValidity).toBe(5);
    const authorizer = Object.values(api.findResources('AWS::ApiGatewayV2::Authorizer'))[0]!.Properties;
    expect(JSON.stringify(authorizer.JwtConfiguration.Audience)).not.toContain(logicalIdOf(built.apiStack.identity.pagesClient));
    // only the check-in pages' function gets the client id
    const holders = [...built.functions].filter(([, fn]) => resourceOf(fn).Properties.Environment.Variables.PAGES_CLIENT_ID).map(([entry]) => entry);
    expect(holders).toEqual(['functions/http/youth-house/check-in-pages.ts']);
  });
});

describe('functions that reach the attachments bucket or send mail', () => {
  let withMail: BuiltApp;
  beforeAll(() => {
    withMail = buildApp({ sesSenderIdentity: 'jaunatne@example.lv' });
  });
  const groups = [...groupByEntry(routeList)];

  it.each(groups.filter(([, g]) => usesOf(g).files).map(([entry, g]) => [entry, usesOf(g).files!]))(
    'binds %s to the bucket with %s access on application objects only',
    (entry, access) => {
      const fn = withMail.functions.get(entry)!;
      const props = resourceOf(fn).Properties;
      expect(props.Environment.Variables.FILES_BUCKET).toBeDefined();
      const s3 = roleStatements(fn).filter((s) => s.actions.some((a) => a.startsWith('s3:')));
      expect(s3.flatMap((s) => s.actions).sort()).toEqual(access === 'readWrite' ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject']);
      for (const s of s3) expect(JSON.stringify(s.resources)).toContain(`/${usesOf(groups.find(([e]) => e === entry)![1]).filesPrefix}/*`);
    },
  );

  it.each(groups.filter(([, g]) => !usesOf(g).files).map(([entry]) => [entry]))('gives %s no S3 access', (entry) => {
    const actions = roleStatements(withMail.functions.get(entry)!).flatMap((s) => s.actions);
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('lets exactly the mail-sending functions send from the configured identity', () => {
    for (const [entry, group] of groups) {
      const actions = roleStatements(withMail.functions.get(entry)!).flatMap((s) => s.actions);
      expect(actions.includes('ses:SendEmail'), entry).toBe(usesOf(group).mail);
    }
  });
});
