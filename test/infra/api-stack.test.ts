import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../lib/domain/identity/types.js';
import { tableAccessOf, usesOf, type RouteDef } from '../../lib/http/route.js';
import { routeList, routes } from '../../lib/http/routes.js';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import type { AppFunction } from '../../infra/constructs/app-function.js';
import { PDF_FONTS, SEED_ENTRY, STAGE_THROTTLE, groupByEntry } from '../../infra/stacks/api-stack.js';
import { DYNAMODB_WRITES, hasWildcard, statementsOf, statementsOfRole } from './iam.js';

let built: BuiltApp;
let template: Template;
let assemblyDir: string;

beforeAll(() => {
  built = buildApp();
  template = Template.fromStack(built.apiStack);
  assemblyDir = built.app.synth().directory;
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  built.apiStack.getLogicalId(construct.node.defaultChild as CfnElement);
const functionOf = (entry: string): AppFunction => {
  const fn = built.apiStack.functions.get(entry);
  if (!fn) throw new Error(`no function for ${entry}`);
  return fn;
};
const roleIdOf = (fn: AppFunction) => logicalId(fn.role as unknown as { node: { defaultChild?: unknown } });
const routesById = (list: readonly RouteDef[]) => list.map((r) => [`${r.method} ${r.path}`, r] as const);
const entries = [...groupByEntry(routeList)];
const allFunctions = () => [...built.apiStack.functions.values(), built.apiStack.seed];

/** The bundle esbuild wrote for a function: S3 key `<hash>.zip` ↔ directory `asset.<hash>` of the assembly. */
function bundleDir(fn: AppFunction): string {
  const key = template.toJSON().Resources[logicalId(fn)].Properties.Code.S3Key as string;
  return join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
}

/** The route resource for a route key, and the function its integration invokes. */
function wiring(routeKey: string): { route: Record<string, any>; functionId: string } {
  const matches = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
  expect(matches, routeKey).toHaveLength(1);
  const route = matches[0]!;
  const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
  const integration = template.toJSON().Resources[integrationId];
  return { route, functionId: integration.Properties.IntegrationUri['Fn::GetAtt'][0] };
}

describe('the HTTP API', () => {
  it('has exactly the routes of the route table', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routeList.length);
  });

  it.each(routesById(routeList))('wires %s', (routeKey) => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
  });

  it.each(routesById(routeList.filter((r) => r.auth !== 'public')))('guards %s with the Cognito JWT authorizer', (routeKey) => {
    const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    const { route } = wiring(routeKey);
    expect(route.Properties.AuthorizationType).toBe('JWT');
    expect(route.Properties.AuthorizerId).toEqual({ Ref: authorizerId });
  });

  it.each(routesById(routeList.filter((r) => r.auth === 'public')))('leaves %s public', (routeKey) => {
    const { route } = wiring(routeKey);
    expect(route.Properties.AuthorizationType).toBe('NONE');
    expect(route.Properties.AuthorizerId).toBeUndefined();
  });

  it('verifies ID tokens of the app client issued by the user pool', () => {
    const userPoolId = logicalId(built.apiStack.identity.userPool);
    const clientId = logicalId(built.apiStack.identity.client);
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': [userPoolId, 'ProviderURL'] },
        Audience: [{ Ref: clientId }],
      },
    });
  });

  it('throttles the public certificate lookups harder than the stage, route by route', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    const limited = routeList.filter((r) => r.throttle);
    expect(limited.map((r) => r.id).sort()).toEqual(['getCertificateCredential', 'verifyCertificate']);
    for (const r of limited) {
      expect(stage.Properties.RouteSettings[`${r.method} ${r.path}`]).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
      expect(r.throttle!.rate).toBeLessThan(STAGE_THROTTLE.rateLimit);
    }
    expect(Object.keys(stage.Properties.RouteSettings)).toHaveLength(limited.length);
  });

  it('throttles and access-logs the default stage', () => {
    const [logGroupId] = Object.keys(template.findResources('AWS::Logs::LogGroup')).filter((id) => id.startsWith('AccessLogs'));
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
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
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });

  it('outputs the API URL, the user pool and the client id', () => {
    for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId']) template.hasOutput(name, {});
  });
});

describe('the functions', () => {
  it('builds one function per entry of the route table, shared by the routes of that entry', () => {
    expect([...built.apiStack.functions.keys()]).toEqual(entries.map(([entry]) => entry));
    const ids = new Set<string>();
    for (const [entry, group] of entries) {
      const expected = logicalId(functionOf(entry));
      for (const route of group) expect(wiring(`${route.method} ${route.path}`).functionId, route.id).toBe(expected);
      ids.add(expected);
    }
    expect(ids.size).toBe(entries.length);
  });

  it('runs every function on Node.js 24, arm64, with source maps, JSON logs and its own log group', () => {
    const resources = template.toJSON().Resources;
    for (const fn of allFunctions()) {
      const logGroupId = logicalId(fn.logGroup as unknown as { node: { defaultChild?: unknown } });
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
      expect(template.toJSON().Resources[roleIdOf(fn)].Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it.each(entries.filter(([, group]) => tableAccessOf(group) === 'none').map(([entry]) => [entry]))(
    'gives %s (which needs no table) neither TABLE_NAME nor any DynamoDB action',
    (entry) => {
      const fn = template.toJSON().Resources[logicalId(functionOf(entry))];
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toBeUndefined();
      const actions = statementsOfRole(template, roleIdOf(functionOf(entry))).flatMap((s) => s.actions);
      expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    },
  );

  it.each(entries.filter(([, group]) => tableAccessOf(group) === 'read').map(([entry]) => [entry]))(
    'lets %s (GET only) read the table and its indexes but never write',
    (entry) => {
      const statements = statementsOfRole(template, roleIdOf(functionOf(entry)));
      const actions = statements.flatMap((s) => s.actions);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(actions.filter((a) => DYNAMODB_WRITES.test(a) || a === 'dynamodb:ConditionCheckItem')).toEqual([]);
    },
  );

  it.each(entries.filter(([, group]) => tableAccessOf(group) === 'readWrite').map(([entry]) => [entry]))(
    'lets %s (which changes data) write to the table',
    (entry) => {
      const actions = statementsOfRole(template, roleIdOf(functionOf(entry))).flatMap((s) => s.actions);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
    },
  );

  it('grants no wildcard action, and no DynamoDB action on a wildcard resource', () => {
    const statements = [...statementsOf(template), ...statementsOf(Template.fromStack(built.dataStack))];
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
    const fn = template.toJSON().Resources[logicalId(functionOf(entry))];
    expect(fn.Properties.Environment.Variables.EVENT_BUS_NAME).toEqual({ Ref: logicalId(built.apiStack.eventBus as never) });
    const put = statementsOfRole(template, roleIdOf(functionOf(entry))).filter((st) => st.actions.includes('events:PutEvents'));
    expect(put).toHaveLength(1);
    expect(JSON.stringify(put[0]!.resources)).toContain(logicalId(built.apiStack.eventBus as never));
  });

  it('gives no other function the right to publish events', () => {
    for (const [entry] of entries.filter(([, g]) => !usesOf(g).events)) {
      const actions = statementsOfRole(template, roleIdOf(functionOf(entry))).flatMap((st) => st.actions);
      expect(actions.includes('events:PutEvents'), entry).toBe(false);
    }
  });

  it('copies the Swagger UI assets into docs-assets/ beside the docs handler', () => {
    const dir = bundleDir(functionOf(routes.docs.entry));
    expect(readFileSync(join(dir, 'docs-assets', 'swagger-ui-bundle.js'), 'utf8')).toContain('SwaggerUIBundle');
    expect(existsSync(join(dir, 'docs-assets', 'swagger-ui.css'))).toBe(true);
  });
});

describe('the reference-data seed', () => {
  it('runs functions/deploy/seed-reference-data.ts on every deploy that changes it, and fails the deploy if it fails', () => {
    const seed = built.apiStack.seed;
    const versionId = built.apiStack.getLogicalId(seed.currentVersion.node.defaultChild as CfnElement);
    template.hasResourceProperties('Custom::Trigger', {
      // the version's logical id gets a hash of the function's configuration appended, so each change is a new version
      HandlerArn: { Ref: Match.stringLikeRegexp(`^${versionId}`) },
      ExecuteOnHandlerChange: true,
      InvocationType: 'RequestResponse',
    });
    expect(template.toJSON().Resources[roleIdOf(seed)].Properties.Description).toContain(SEED_ENTRY);
  });

  it('may write to the table', () => {
    const actions = statementsOfRole(template, roleIdOf(built.apiStack.seed)).flatMap((s) => s.actions);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:BatchWriteItem']));
  });
});

describe('the user pool', () => {
  it('lets only admins create users, with a strong password policy and optional TOTP', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
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
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true })]),
    });
  });

  it.each(ROLES.map((r) => [r]))('has a %s group', (role) => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('has a public SRP client that reads the custom claims but cannot write them', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:municipality', 'custom:institution']));
    expect(client.WriteAttributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
  });
});

describe('functions that reach the attachments bucket or send mail', () => {
  let withMail: BuiltApp;
  let mailTemplate: Template;
  beforeAll(() => {
    withMail = buildApp({ sesSenderIdentity: 'jaunatne@example.lv' });
    mailTemplate = Template.fromStack(withMail.apiStack);
  });
  const groups = [...groupByEntry(routeList)];

  it.each(groups.filter(([, g]) => usesOf(g).files).map(([entry, g]) => [entry, usesOf(g).files!]))(
    'binds %s to the bucket with %s access on application objects only',
    (entry, access) => {
      const fn = withMail.apiStack.functions.get(entry)!;
      const props = mailTemplate.toJSON().Resources[logicalId(fn)].Properties;
      expect(props.Environment.Variables.FILES_BUCKET).toBeDefined();
      const s3 = statementsOfRole(mailTemplate, roleIdOf(fn)).filter((s) => s.actions.some((a) => a.startsWith('s3:')));
      expect(s3.flatMap((s) => s.actions).sort()).toEqual(access === 'readWrite' ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject']);
      for (const s of s3) expect(JSON.stringify(s.resources)).toContain(`/${usesOf(groups.find(([e]) => e === entry)![1]).filesPrefix}/*`);
    },
  );

  it.each(groups.filter(([, g]) => !usesOf(g).files).map(([entry]) => [entry]))('gives %s no S3 access', (entry) => {
    const actions = statementsOfRole(mailTemplate, roleIdOf(withMail.apiStack.functions.get(entry)!)).flatMap((s) => s.actions);
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('lets exactly the mail-sending functions send from the configured identity', () => {
    for (const [entry, group] of groups) {
      const actions = statementsOfRole(mailTemplate, roleIdOf(withMail.apiStack.functions.get(entry)!)).flatMap((s) => s.actions);
      expect(actions.includes('ses:SendEmail'), entry).toBe(usesOf(group).mail);
    }
  });
});
