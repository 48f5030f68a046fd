import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import { statementsOfRole } from './iam.js';
import { logicalIdOf, templateOf } from './stacks.js';

let built: BuiltApp;
let template: Template;
beforeAll(() => {
  built = buildApp();
  template = templateOf(built.jobsStack);
});

describe('the erasure of closed accounts', () => {
  it('fires daily at 03:30 Riga time from the Jobs stack', () => {
    const fn = built.jobsStack.accountErasure.function;
    expect(Stack.of(fn)).toBe(built.jobsStack);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 3 * * ? *)', ScheduleExpressionTimezone: 'Europe/Riga',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] } }),
    });
  });

  it('may delete users of this pool only, files under certificates/ and consents/ only, and read and write the table', () => {
    const fn = built.jobsStack.accountErasure.function;
    const statements = statementsOfRole(template, logicalIdOf(fn.role!));
    const actions = statements.flatMap((s) => s.actions);
    expect(actions.filter((a) => a.startsWith('cognito-idp:'))).toEqual(['cognito-idp:AdminDeleteUser']);
    const s3 = statements.filter((s) => s.actions.includes('s3:DeleteObject'));
    expect([...new Set(s3.flatMap((s) => s.actions))]).toEqual(['s3:DeleteObject']);
    // listing only the consent scans' prefix (a scan uploaded but never recorded has no record naming it)
    const listing = statements.filter((s) => s.actions.includes('s3:ListBucket'));
    expect(listing.flatMap((s) => s.actions)).toEqual(['s3:ListBucket']);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).map((p) => JSON.stringify(p.Properties.PolicyDocument));
    expect(policies.some((p) => p.includes('"s3:ListBucket"') && p.includes('"s3:prefix":["consents/*"]'))).toBe(true);
    expect(statements.flatMap((s) => s.actions).filter((a) => a.startsWith('s3:')).sort()).toEqual(['s3:DeleteObject', 's3:ListBucket']);
    const prefixes = JSON.stringify(s3.flatMap((s) => s.resources));
    expect(prefixes).toContain('/certificates/*');
    expect(prefixes).toContain('/consents/*');
    expect(prefixes).not.toContain('/applications/');
    expect(actions).toContain('dynamodb:DeleteItem');
    expect(actions).toContain('dynamodb:BatchWriteItem');
    expect(actions.some((a) => a.startsWith('ses:'))).toBe(false);
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      Environment: { Variables: Match.objectLike({ USER_POOL_ID: Match.anyValue(), FILES_BUCKET: Match.anyValue(), TABLE_NAME: Match.anyValue() }) },
    });
  });
});
