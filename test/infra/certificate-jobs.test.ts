import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import { statementsOfRole } from './iam.js';

let built: BuiltApp;
let template: Template;
beforeAll(() => {
  built = buildApp({ sesSenderIdentity: 'jaunatne@example.lv' });
  template = Template.fromStack(built.apiStack);
});

const idOf = (c: { node: { defaultChild?: unknown } }) => built.apiStack.getLogicalId(c.node.defaultChild as never);

describe('the certificate jobs', () => {
  it('keeps the API stack under CloudFormation\'s 500-resource limit', () => {
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(500);
  });

  it('runs the batch worker from an encrypted queue whose failures land in a DLQ watched by an alarm', () => {
    const jobs = built.apiStack.certificateJobs;
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [idOf(jobs.deadLetters), 'Arn'] }, maxReceiveCount: 3 },
      SqsManagedSseEnabled: true, VisibilityTimeout: 1800,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: idOf(jobs.functions.worker) }, BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(jobs.deadLetters), 'QueueName'] } }], Threshold: 1,
    });
  });

  it('starts the yearly run on 15 January at 06:00 in Riga', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 15 1 ? *)', ScheduleExpressionTimezone: 'Europe/Riga',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [idOf(built.apiStack.certificateJobs.functions.yearly), 'Arn'] } }),
    });
  });

  it.each([
    ['jaunatne.certificates', 'CertificateIssued', 'email'],
    ['jaunatne.hours', 'ThresholdReached', 'threshold'],
    ['jaunatne.hours', 'HoursReversed', 'reversal'],
  ] as const)('routes %s %s on the domain bus to its function, with retries and the DLQ', (source, type, fn) => {
    const jobs = built.apiStack.certificateJobs;
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: idOf(built.apiStack.eventBus as never) },
      EventPattern: { source: [source], 'detail-type': [type] },
      Targets: [Match.objectLike({
        Arn: { 'Fn::GetAtt': [idOf(jobs.functions[fn]), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(jobs.deadLetters), 'Arn'] } },
        RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
      })],
    });
  });

  it('lets the issuing functions reach only the issuer-key parameters, the certificates/ objects and the queue', () => {
    const jobs = built.apiStack.certificateJobs;
    for (const fn of [jobs.functions.worker, jobs.functions.threshold]) {
      const statements = statementsOfRole(template, idOf(fn.role as never));
      const parameters = statements.filter((s) => s.actions.some((a) => a.startsWith('ssm:')));
      expect(parameters.flatMap((s) => s.actions).sort()).toEqual(['ssm:GetParameter', 'ssm:PutParameter']);
      expect(JSON.stringify(parameters[0]!.resources)).toContain(':parameter/jaunatne/issuer-keys/*');
      expect(statements.flatMap((s) => s.actions).filter((a) => a.startsWith('secretsmanager:') || a.startsWith('kms:'))).toEqual([]);
      const s3 = statements.filter((s) => s.actions.some((a) => a.startsWith('s3:')));
      expect(JSON.stringify(s3.map((s) => s.resources))).toContain('/certificates/*');
      expect(JSON.stringify(s3.map((s) => s.resources))).not.toContain('/applications/');
    }
    const email = statementsOfRole(template, idOf(jobs.functions.email.role as never)).flatMap((s) => s.actions);
    expect(email).toEqual(expect.arrayContaining(['ses:SendEmail', 's3:GetObject']));
    expect(email.filter((a) => a.startsWith('ssm:'))).toEqual([]);
  });

  it('gives the start-run route the queue URL and the right to send to it, and no other HTTP function', () => {
    const start = built.apiStack.functions.get('functions/http/certificates/start-certificate-run.ts')!;
    const resources = template.toJSON().Resources;
    expect(resources[idOf(start)].Properties.Environment.Variables.CERTIFICATE_QUEUE_URL).toBeDefined();
    for (const [entry, fn] of built.apiStack.functions) {
      const sends = statementsOfRole(template, idOf(fn.role as never)).some((s) => s.actions.includes('sqs:SendMessage'));
      expect(sends, entry).toBe(fn === start);
    }
  });

  it('signs credentials for the API URL (PUBLIC_BASE_URL) in every job function', () => {
    for (const fn of Object.values(built.apiStack.certificateJobs.functions)) {
      expect(template.toJSON().Resources[idOf(fn)].Properties.Environment.Variables.PUBLIC_BASE_URL).toBeDefined();
    }
  });
});
