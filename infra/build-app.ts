// Builds the whole CDK app (stacks, tags, cdk-nag) from context; shared by infra/app.ts and the infra tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Tags, Validations, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BOUNDED_CONTEXTS, routesByContext, type BoundedContext } from '../lib/http/routes.js';
import { PROJECT_ROOT, type AppFunction } from './constructs/app-function.js';
import { filesBucketName, readSettings, stackName, type Settings } from './settings.js';
import { ApiStack } from './stacks/api-stack.js';
import { ContextStack } from './stacks/context-stack.js';
import { DataStack } from './stacks/data-stack.js';
import { JobsStack } from './stacks/jobs-stack.js';
import { StageStack } from './stacks/stage-stack.js';

/** cdk.json's context (feature flags, defaults), so tests build the same app the CLI does. */
const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context ?? {};

/** What each context stack is for (its CloudFormation description). */
const CONTEXT_DESCRIPTIONS: Record<BoundedContext, string> = {
  platform: 'health, OpenAPI and docs, the municipality registry (and its deploy-time seed), the deploy-time backfill, the signed-in user',
  applications: 'project applications: drafts, submission, review, decisions, versions, attachments, reports, open data',
  allocation: 'Recovery Fund allocation: head-count datasets, allocation runs, publication and exports',
  hours: 'volunteer-hours logbook: volunteers, host institutions, entries and decisions, programmes, reports',
  certificates: 'certificates: runs, public verification, credentials, downloads, revocation',
  pages: 'server-rendered pages for people without an account: certificate verification, supervisor decision links',
  'youth-house': 'the digital youth house: opportunities, public lists, shift sign-ups and waitlists',
  accounts: "accounts: staff invitations, a municipality's users, deactivation; a young person's data export and account closure (Cognito admin API on the pool)",
};

export interface BuiltApp {
  app: App;
  settings: Settings;
  dataStack: DataStack;
  apiStack: ApiStack;
  jobsStack: JobsStack;
  contextStacks: Record<BoundedContext, ContextStack>;
  stageStack: StageStack;
  /** Every stack, in deploy order. */
  stacks: Stack[];
  /** Every HTTP function by entry, whichever context stack holds it. */
  functions: ReadonlyMap<string, AppFunction>;
  /** The reference-data seed (in the platform stack). */
  seed: AppFunction;
  /** The deploy-time backfill of what earlier releases did not write (in the platform stack). */
  backfill: AppFunction;
}

/**
 * Deploy order (`cdk deploy --all` follows it): Data → Api → Jobs → one stack per bounded context → Stage.
 * `context` adds to (and overrides) cdk.json's; under the CLI, `-c key=value` arrives through the environment
 * and wins over both. Every stack passes the AwsSolutions checks or synth fails: an accepted finding is
 * acknowledged beside the resource it concerns, with its reason.
 */
export function buildApp(context: Record<string, unknown> = {}, outdir?: string): BuiltApp {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, ...context }, ...(outdir ? { outdir } : {}) });
  const settings = readSettings(app);
  const env = settings.account || settings.region ? { account: settings.account, region: settings.region } : undefined;
  const named = (role: string) => ({ stackName: stackName(settings, role), env });

  const dataStack = new DataStack(app, stackName(settings, 'Data'), {
    ...named('Data'),
    description: 'Jaunatne: the single DynamoDB table and the attachments bucket (stateful, retained)',
    allowedOrigins: settings.allowedOrigins,
    filesBucketName: filesBucketName(settings),
  });
  const apiStack = new ApiStack(app, stackName(settings, 'Api'), {
    ...named('Api'),
    description: 'Jaunatne: Cognito (with its triggers) and the HTTP API with its JWT authorizer (routes come from the context stacks)',
    settings,
    table: dataStack.table,
  });
  const publicBaseUrl = settings.publicBaseUrl ?? apiStack.api.apiEndpoint;
  const jobsStack = new JobsStack(app, stackName(settings, 'Jobs'), {
    ...named('Jobs'),
    description: 'Jaunatne: domain event bus, certificate queues, schedules and event reactions (stateless)',
    table: dataStack.table,
    settings,
    publicBaseUrl,
    userPool: apiStack.identity.userPool,
  });

  const contextStacks = Object.fromEntries(BOUNDED_CONTEXTS.map((context) => {
    const role = context.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    return [context, new ContextStack(app, stackName(settings, role), {
      ...named(role),
      description: `Jaunatne ${context}: ${CONTEXT_DESCRIPTIONS[context]} (routes and functions, stateless)`,
      context,
      routes: Object.values(routesByContext[context]),
      api: apiStack.api,
      authorizerId: apiStack.authorizer.authorizerId,
      table: dataStack.table,
      settings,
      publicBaseUrl,
      eventBus: jobsStack.eventBus,
      certificateQueue: jobsStack.certificateJobs.queue,
      alarms: jobsStack.alarms,
      userPool: apiStack.identity.userPool,
      pagesClientId: apiStack.identity.pagesClient.userPoolClientId,
      withReferenceDataSeed: context === 'platform',
    })];
  })) as Record<BoundedContext, ContextStack>;

  // The backfill (in the platform stack) runs after the accounts routes write retention and move logs themselves, so
  // nothing written by the previous release's functions during the deploy escapes it.
  contextStacks.platform.addStackDependency(contextStacks.accounts, 'the backfill runs once the accounts functions are current');

  const stageStack = new StageStack(app, stackName(settings, 'Stage'), {
    ...named('Stage'),
    description: 'Jaunatne: the $default stage of the HTTP API (throttling, access logs), after every route exists',
    api: apiStack.api,
    after: Object.values(contextStacks),
    alarms: jobsStack.alarms,
  });

  const stacks: Stack[] = [dataStack, apiStack, jobsStack, ...Object.values(contextStacks), stageStack];
  for (const stack of stacks) {
    Tags.of(stack).add('project', 'jaunatne');
    if (settings.stage) Tags.of(stack).add('stage', settings.stage);
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));

  const functions = new Map<string, AppFunction>();
  for (const stack of Object.values(contextStacks)) {
    for (const [entry, fn] of stack.functions) {
      if (functions.has(entry)) throw new Error(`${entry} serves routes of two contexts; an entry belongs to one`);
      functions.set(entry, fn);
    }
  }
  return { app, settings, dataStack, apiStack, jobsStack, contextStacks, stageStack, stacks, functions, seed: contextStacks.platform.seed!, backfill: contextStacks.platform.backfill! };
}
