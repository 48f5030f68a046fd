import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import { RESOURCE_BUDGET, resourceCounts } from './stacks.js';

let built: BuiltApp;

beforeAll(() => {
  built = buildApp();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the AwsSolutions checks', () => {
  it('pass for the app as built', () => {
    expect(() => built.app.synth()).not.toThrow();
  });

  it('are acknowledged only with a reason', () => {
    const acknowledgements = built.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [rule, reason] of acknowledgements) expect(reason.length, rule).toBeGreaterThanOrEqual(40);
  });

  it('fail the synth on a finding nobody acknowledged', () => {
    const { app, contextStacks } = buildApp();
    new Bucket(contextStacks.hours, 'UncheckedBucket');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => app.synth()).toThrow();
    const report = readFileSync(join(app.outdir, 'validation-report.json'), 'utf8');
    expect(report).toContain('AwsSolutions-S1');
    expect(report).toContain('Jaunatne-Hours/UncheckedBucket');
  });
});

describe('the resource budget', () => {
  it(`keeps every stack at or below ${RESOURCE_BUDGET} resources`, () => {
    const counts = resourceCounts(built);
    expect(counts.map((c) => c.stack)).toEqual(built.stacks.map((s) => s.stackName));
    for (const { stack, resources } of counts) expect(resources, stack).toBeLessThanOrEqual(RESOURCE_BUDGET);
  });
});
