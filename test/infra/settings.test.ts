import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import * as z from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../lib/http/routes.js';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import { readSettings } from '../../infra/settings.js';
import { RESOURCE_BUDGET, findEverywhere, resourceCounts, resourceOf, templateOf } from './stacks.js';

const settingsOf = (context: Record<string, unknown>) => readSettings(new App({ context }));

describe('reading the CDK context', () => {
  it('defaults to an environment-agnostic main deployment without CORS, tracing or Plus', () => {
    expect(settingsOf({})).toEqual({ allowedOrigins: [], tracing: false, threatProtection: false });
  });

  it('takes origins as a comma-separated string (command line) or an array (cdk.json)', () => {
    expect(settingsOf({ allowedOrigins: 'https://jaunatne.lv, http://localhost:5173' }).allowedOrigins)
      .toEqual(['https://jaunatne.lv', 'http://localhost:5173']);
    expect(settingsOf({ allowedOrigins: ['https://jaunatne.lv'] }).allowedOrigins).toEqual(['https://jaunatne.lv']);
  });

  it('takes flags as booleans or as the strings -c passes', () => {
    expect(settingsOf({ tracing: 'true', threatProtection: true })).toMatchObject({ tracing: true, threatProtection: true });
    expect(settingsOf({ tracing: 'false' }).tracing).toBe(false);
  });

  it.each([
    ['an origin with a path', { allowedOrigins: 'https://jaunatne.lv/app' }, /allowedOrigins/],
    ['a wildcard origin', { allowedOrigins: '*' }, /allowedOrigins/],
    ['a stage with upper case', { stage: 'Dev' }, /stage/],
    ['a sender that is not an email address', { sesSenderIdentity: 'jaunatne.lv' }, /sesSenderIdentity/],
    ['a flag that is neither true nor false', { tracing: 'yes' }, /tracing/],
    ['a malformed account', { account: '1234' }, /account/],
    ['an alarm address that is not an email address', { alarmEmail: 'ops' }, /alarmEmail/],
    ['a public base URL over plain http', { publicBaseUrl: 'http://api.jaunatne.lv' }, /publicBaseUrl/],
    ['a public base URL with a trailing slash', { publicBaseUrl: 'https://api.jaunatne.lv/' }, /publicBaseUrl/],
  ])('refuses %s', (_, context, message) => {
    expect(() => settingsOf(context)).toThrow(message);
  });
});

describe('a configured deployment', () => {
  let built: BuiltApp;
  let api: Template;
  const origins = ['https://jaunatne.lv', 'http://localhost:5173'];

  beforeAll(() => {
    built = buildApp({
      stage: 'dev',
      account: '123456789012',
      region: 'eu-north-1',
      allowedOrigins: origins.join(','),
      tracing: 'true',
      threatProtection: 'true',
      sesSenderIdentity: 'noreply@jaunatne.lv',
      publicBaseUrl: 'https://api.jaunatne.lv',
      alarmEmail: 'ops@jaunatne.lv',
    });
    api = templateOf(built.apiStack); // synthesizes the app: throws if any AwsSolutions finding is unacknowledged
  });

  it('signs certificates for the configured public base URL in every function that knows it', () => {
    const fns = findEverywhere(built, 'AWS::Lambda::Function').map((f) => f.resource).filter((r) => r.Properties.Environment?.Variables?.PUBLIC_BASE_URL !== undefined);
    expect(fns.length).toBeGreaterThan(10);
    for (const fn of fns) expect(fn.Properties.Environment.Variables.PUBLIC_BASE_URL).toBe('https://api.jaunatne.lv');
  });

  it('names the stacks after the stage and pins their environment', () => {
    expect(built.stacks.map((s) => s.stackName)).toEqual([
      'Jaunatne-dev-Data', 'Jaunatne-dev-Api', 'Jaunatne-dev-Jobs', 'Jaunatne-dev-Platform', 'Jaunatne-dev-Applications',
      'Jaunatne-dev-Allocation', 'Jaunatne-dev-Hours', 'Jaunatne-dev-Certificates', 'Jaunatne-dev-Pages', 'Jaunatne-dev-YouthHouse', 'Jaunatne-dev-Accounts', 'Jaunatne-dev-Stage',
    ]);
    for (const stack of built.stacks) {
      expect(stack.region, stack.stackName).toBe('eu-north-1');
      expect(stack.account, stack.stackName).toBe('123456789012');
    }
  });

  it('allows the configured origins, the route methods and the headers the API reads, without credentials', () => {
    const cors = Object.values(api.findResources('AWS::ApiGatewayV2::Api'))[0]!.Properties.CorsConfiguration;
    expect(cors.AllowOrigins).toEqual(origins);
    expect(cors.AllowCredentials).toBe(false);
    expect(cors.AllowMethods).toEqual(expect.arrayContaining([...new Set(routeList.map((r) => r.method))]));
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-correlation-id']));
    expect(cors.ExposeHeaders).toContain('x-correlation-id');
  });

  it('allows every request header a route declares (a browser preflight for POST /v1/hour-entries sends idempotency-key)', () => {
    const cors = Object.values(api.findResources('AWS::ApiGatewayV2::Api'))[0]!.Properties.CorsConfiguration;
    const declared = routeList.flatMap((r) => (r.headers instanceof z.ZodObject ? Object.keys(r.headers.shape) : []));
    expect(declared).toContain('idempotency-key');
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', ...declared]));
  });

  it(`keeps every stack at or below ${RESOURCE_BUDGET} resources with every option on`, () => {
    for (const { stack, resources } of resourceCounts(built)) expect(resources, stack).toBeLessThanOrEqual(RESOURCE_BUDGET);
  });

  it('emails the alarms to the configured address', () => {
    const subscriptions = findEverywhere(built, 'AWS::SNS::Subscription');
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]!.resource.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'ops@jaunatne.lv' });
    expect(subscriptions[0]!.stack).toBe(built.jobsStack);
  });

  it('traces every function with X-Ray', () => {
    const jobs = Object.values(built.jobsStack.certificateJobs.functions);
    for (const fn of [...built.functions.values(), built.seed, built.backfill, ...jobs]) {
      expect(resourceOf(fn).Properties.TracingConfig, fn.node.path).toEqual({ Mode: 'Active' });
    }
  });

  it('puts the user pool on the Plus plan with threat protection enforced', () => {
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('sends invitations through SES from the configured identity', () => {
    const email = Object.values(api.findResources('AWS::Cognito::UserPool'))[0]!.Properties.EmailConfiguration;
    expect(email).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'noreply@jaunatne.lv' });
    expect(JSON.stringify(email.SourceArn)).toContain('identity/noreply@jaunatne.lv');
  });
});
