// Finds things in the app's templates wherever they live: one template per stack, and weak cross-stack references followed.
import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { BuiltApp } from '../../infra/build-app.js';

type Construct = { node: { defaultChild?: unknown } } & IConstruct;

const cache = new WeakMap<Stack, Template>();

/** The template of the stack a construct lives in (the app is synthesized once, on the first call). */
export function templateOf(scope: IConstruct): Template {
  const stack = Stack.of(scope);
  let template = cache.get(stack);
  if (!template) {
    template = Template.fromStack(stack);
    cache.set(stack, template);
  }
  return template;
}

export function resourcesOf(scope: IConstruct): Record<string, any> {
  return templateOf(scope).toJSON().Resources;
}

/** The construct's logical id in its own stack's template. */
export function logicalIdOf(construct: unknown): string {
  const c = construct as Construct;
  return Stack.of(c).getLogicalId((c.node.defaultChild ?? c) as CfnElement);
}

/** The resource a construct synthesizes to, in its own stack's template. */
export function resourceOf(construct: unknown): Record<string, any> {
  return resourcesOf(construct as IConstruct)[logicalIdOf(construct)];
}

/** Every resource of a type in every stack of the app, with the stack holding it. */
export function findEverywhere(built: BuiltApp, type: string, props?: Record<string, unknown>): { stack: Stack; id: string; resource: Record<string, any> }[] {
  return built.stacks.flatMap((stack) =>
    Object.entries(templateOf(stack).findResources(type, props ? { Properties: props } : undefined)).map(([id, resource]) => ({ stack, id, resource })),
  );
}

/**
 * Where a value in a template points: a weak cross-stack reference (`Fn::GetStackOutput`) is followed to the
 * producing stack's output, so a test can say "this is a Ref to that resource of that stack".
 */
export function targetOf(built: BuiltApp, from: Stack, value: unknown): { stack: string; value: unknown } {
  const get = (value as Record<string, { StackName: string; OutputName: string }> | undefined)?.['Fn::GetStackOutput'];
  if (!get) return { stack: from.stackName, value };
  const producer = built.stacks.find((s) => s.stackName === get.StackName);
  if (!producer) throw new Error(`no stack ${get.StackName}`);
  const output = templateOf(producer).toJSON().Outputs?.[get.OutputName];
  if (!output) throw new Error(`${get.StackName} has no output ${get.OutputName}`);
  return targetOf(built, producer, output.Value);
}

/** `{ stack, value: { Ref } }` of a construct, to compare with targetOf(). */
export function refTo(construct: unknown): { stack: string; value: unknown } {
  return { stack: Stack.of(construct as IConstruct).stackName, value: { Ref: logicalIdOf(construct) } };
}

export function getAttOf(construct: unknown, attribute: string): { stack: string; value: unknown } {
  return { stack: Stack.of(construct as IConstruct).stackName, value: { 'Fn::GetAtt': [logicalIdOf(construct), attribute] } };
}

/** CloudFormation's hard limit is 500 resources per template; 300 leaves 40 % headroom for what comes next. */
export const RESOURCE_BUDGET = 300;

/** Resource count of every stack's template, printed as a small table (the budget test and its log share it). */
export function resourceCounts(built: BuiltApp): { stack: string; resources: number }[] {
  const counts = built.stacks.map((stack) => ({ stack: stack.stackName, resources: Object.keys(templateOf(stack).toJSON().Resources ?? {}).length }));
  const width = Math.max(...counts.map((c) => c.stack.length));
  console.log([
    `${'stack'.padEnd(width)}  resources (budget ${RESOURCE_BUDGET}, limit 500)`,
    ...counts.map((c) => `${c.stack.padEnd(width)}  ${String(c.resources).padStart(4)}`),
    `${'total'.padEnd(width)}  ${String(counts.reduce((sum, c) => sum + c.resources, 0)).padStart(4)}`,
  ].join('\n'));
  return counts;
}
