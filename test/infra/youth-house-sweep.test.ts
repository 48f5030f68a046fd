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

describe("the youth house's sweep", () => {
  it('fires every 5 minutes and lives in the Jobs stack', () => {
    const fn = built.jobsStack.youthHouseSweep.function;
    expect(Stack.of(fn)).toBe(built.jobsStack);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] } }),
    });
  });

  it('signs offer links with the pages\' key, may send mail from the configured sender, and its errors alarm', () => {
    const fn = built.jobsStack.youthHouseSweep.function;
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: Match.anyValue(),
      Environment: { Variables: Match.objectLike({ LINK_KEY_PARAMETER, SES_SENDER: 'jaunatne@example.lv', PUBLIC_BASE_URL: Match.anyValue() }) },
    });
    const policies = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles ?? []).includes(logicalIdOf(fn.role!)));
    const text = JSON.stringify(policies);
    expect(text).toContain('ssm:GetParameter');
    expect(text).toContain('ses:SendEmail');
    expect(text).toContain('dynamodb:UpdateItem');
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.some((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(logicalIdOf(fn)))).toBe(true);
  });

  it('mails an offer the moment PlaceOffered reaches the bus, with the same grants and an alarm on its errors', () => {
    const fn = built.jobsStack.youthHouseSweep.offerMail;
    expect(Stack.of(fn)).toBe(built.jobsStack);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: logicalIdOf(built.jobsStack.eventBus) },
      EventPattern: { source: ['jaunatne.youth-house'], 'detail-type': ['PlaceOffered'] },
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] } })]),
    });
    const policies = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles ?? []).includes(logicalIdOf(fn.role!)));
    const text = JSON.stringify(policies);
    expect(text).toContain('ssm:GetParameter');
    expect(text).toContain('ses:SendEmail');
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.some((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(logicalIdOf(fn)))).toBe(true);
  });
});
