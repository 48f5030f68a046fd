// Builds the whole CDK app (stacks, tags, cdk-nag) from context; shared by infra/app.ts and the infra tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PROJECT_ROOT } from './constructs/app-function.js';
import { readSettings, stackName, type Settings } from './settings.js';
import { ApiStack } from './stacks/api-stack.js';
import { DataStack } from './stacks/data-stack.js';

/** cdk.json's context (feature flags, defaults), so tests build the same app the CLI does. */
const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context ?? {};

export interface BuiltApp {
  app: App;
  settings: Settings;
  dataStack: DataStack;
  apiStack: ApiStack;
}

/**
 * `context` adds to (and overrides) cdk.json's; under the CLI, `-c key=value` arrives through the environment
 * and wins over both. Every stack passes the AwsSolutions checks or synth fails: an accepted finding is
 * acknowledged beside the resource it concerns, with its reason.
 */
export function buildApp(context: Record<string, unknown> = {}, outdir?: string): BuiltApp {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, ...context }, ...(outdir ? { outdir } : {}) });
  const settings = readSettings(app);
  const env = settings.account || settings.region ? { account: settings.account, region: settings.region } : undefined;

  const dataStack = new DataStack(app, stackName(settings, 'Data'), {
    stackName: stackName(settings, 'Data'),
    description: 'Jaunatne: the single DynamoDB table (stateful, retained)',
    env,
  });
  const apiStack = new ApiStack(app, stackName(settings, 'Api'), {
    stackName: stackName(settings, 'Api'),
    description: 'Jaunatne: Cognito, HTTP API and functions (stateless)',
    env,
    table: dataStack.table,
    settings,
  });
  // Later: new JobsStack(app, stackName(settings, 'Jobs'), { table: dataStack.table, settings, env }).

  for (const stack of [dataStack, apiStack]) {
    Tags.of(stack).add('project', 'jaunatne');
    if (settings.stage) Tags.of(stack).add('stage', settings.stage);
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
  return { app, settings, dataStack, apiStack };
}
