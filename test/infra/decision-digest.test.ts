import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import { LINK_KEY_PARAMETER } from '../../infra/stacks/context-stack.js';
import { logicalIdOf, templateOf } from './stacks.js';

let built: BuiltApp;
let template: Template;
beforeAll(() => {
  built = buildApp({ sesSenderIdentity: 'jaunatne@example.lv' });
  template = templateOf(built.jobsStack);
});

describe("the supervisors' decision digest", () => {
  it('fires every hour on the hour in Riga (each programme picks its hour) and lives in the Jobs stack', () => {
    const fn = built.jobsStack.decisionDigest.function;
    expect(Stack.of(fn)).toBe(built.jobsStack);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 * * * ? *)', ScheduleExpressionTimezone: 'Europe/Riga',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] } }),
    });
  });

  it('signs links with the pages\' key and may send mail from the configured sender', () => {
    const fn = built.jobsStack.decisionDigest.function;
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ LINK_KEY_PARAMETER, SES_SENDER: 'jaunatne@example.lv', PUBLIC_BASE_URL: Match.anyValue() }) },
      FunctionName: Match.absent(),
    });
    const policies = template.findResources('AWS::IAM::Policy');
    const text = JSON.stringify(Object.values(policies).filter((p) => JSON.stringify(p).includes(logicalIdOf(fn).slice(0, 20))));
    expect(text).toContain('ssm:GetParameter');
    expect(text).toContain('ses:SendEmail');
  });
});
