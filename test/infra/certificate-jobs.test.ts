import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import { EMAIL_SWEEP_MINUTES } from '../../infra/constructs/certificate-jobs.js';
import { EMAIL_LEASE_SECONDS } from '../../lib/domain/certificates/email-delivery.js';
import { statementsOfRole } from './iam.js';
import { logicalIdOf, resourceOf, targetOf, templateOf } from './stacks.js';

let built: BuiltApp;
/** The Jobs stack's template: the bus, the queues, the schedule, the rules and the job functions. */
let template: Template;
beforeAll(() => {
  built = buildApp({ sesSenderIdentity: 'jaunatne@example.lv' });
  template = templateOf(built.jobsStack);
});

const idOf = logicalIdOf;

describe('the certificate jobs', () => {
  it('live in the Jobs stack, queues, schedule and rules included', () => {
    const jobs = built.jobsStack.certificateJobs;
    for (const fn of Object.values(jobs.functions)) expect(Stack.of(fn), fn.node.path).toBe(built.jobsStack);
    for (const type of ['AWS::SQS::Queue', 'AWS::Scheduler::Schedule', 'AWS::Events::Rule', 'AWS::Events::EventBus']) {
      for (const stack of built.stacks.filter((s) => s !== built.jobsStack)) {
        expect(Object.keys(templateOf(stack).findResources(type)), `${type} in ${stack.stackName}`).toEqual([]);
      }
    }
  });

  it('runs the batch worker from an encrypted queue whose failures land in a DLQ watched by an alarm', () => {
    const jobs = built.jobsStack.certificateJobs;
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [idOf(jobs.deadLetters), 'Arn'] }, maxReceiveCount: 3 },
      SqsManagedSseEnabled: true, VisibilityTimeout: 1800,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: idOf(jobs.functions.worker) }, BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(jobs.deadLetters), 'QueueName'] } }], Threshold: 1,
      AlarmActions: [{ Ref: idOf(built.jobsStack.alarms) }],
    });
  });

  it('starts the yearly run on 15 January at 06:00 in Riga', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 15 1 ? *)', ScheduleExpressionTimezone: 'Europe/Riga',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [idOf(built.jobsStack.certificateJobs.functions.yearly), 'Arn'] } }),
    });
  });

  it('sweeps the pending certificate emails every 10 minutes, with the email function\'s grants and nothing more', () => {
    const jobs = built.jobsStack.certificateJobs;
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `rate(${EMAIL_SWEEP_MINUTES} minutes)`,
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [idOf(jobs.functions.sweep), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(jobs.deadLetters), 'Arn'] } },
      }),
    });
    expect(EMAIL_SWEEP_MINUTES * 60).toBeGreaterThan(EMAIL_LEASE_SECONDS);
    const statements = statementsOfRole(template, idOf(jobs.functions.sweep.role as never));
    const actions = statements.flatMap((s) => s.actions);
    expect(actions).toEqual(expect.arrayContaining(['ses:SendEmail', 's3:GetObject', 'dynamodb:UpdateItem']));
    expect(actions.filter((a) => /^(ssm|sqs|events):/.test(a) || a === 's3:PutObject')).toEqual([]);
    const s3 = statements.filter((s) => s.actions.some((a) => a.startsWith('s3:')));
    expect(JSON.stringify(s3.map((s) => s.resources))).toContain('/certificates/*');
    expect(JSON.stringify(s3.map((s) => s.resources))).not.toContain('/applications/');
    // Its scheduler role may invoke the sweep (no other function) and park a failed invocation in the DLQ.
    const scheduleRole = Object.values(template.findResources('AWS::Scheduler::Schedule'))
      .find((r) => JSON.stringify(r.Properties.Target.Arn).includes(idOf(jobs.functions.sweep)))!.Properties.Target.RoleArn['Fn::GetAtt'][0];
    const invokes = statementsOfRole(template, scheduleRole);
    expect(invokes.flatMap((s) => s.actions).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    expect(JSON.stringify(invokes.flatMap((s) => s.resources))).not.toContain(idOf(jobs.functions.yearly));
  });

  it.each([
    ['jaunatne.certificates', 'CertificateIssued', 'email'],
    ['jaunatne.hours', 'ThresholdReached', 'threshold'],
    ['jaunatne.hours', 'HoursReversed', 'reversal'],
  ] as const)('routes %s %s on the domain bus to its function, with retries and the DLQ', (source, type, fn) => {
    const jobs = built.jobsStack.certificateJobs;
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: idOf(built.jobsStack.eventBus) },
      EventPattern: { source: [source], 'detail-type': [type] },
      Targets: [Match.objectLike({
        Arn: { 'Fn::GetAtt': [idOf(jobs.functions[fn]), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(jobs.deadLetters), 'Arn'] } },
        RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
      })],
    });
  });

  it('lets the issuing functions reach only the issuer-key parameters, the certificates/ objects and the queue', () => {
    const jobs = built.jobsStack.certificateJobs;
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
    const start = built.functions.get('functions/http/certificates/start-certificate-run.ts')!;
    const queue = built.jobsStack.certificateJobs.queue;
    const env = resourceOf(start).Properties.Environment.Variables;
    expect(targetOf(built, Stack.of(start), env.CERTIFICATE_QUEUE_URL)).toEqual({ stack: built.jobsStack.stackName, value: { Ref: idOf(queue) } });
    for (const [entry, fn] of built.functions) {
      const sends = statementsOfRole(templateOf(fn), idOf(fn.role)).filter((s) => s.actions.includes('sqs:SendMessage'));
      expect(sends.length > 0, entry).toBe(fn === start);
      for (const s of sends) {
        expect(s.resources.map((r) => targetOf(built, Stack.of(fn), r))).toEqual([{ stack: built.jobsStack.stackName, value: { 'Fn::GetAtt': [idOf(queue), 'Arn'] } }]);
      }
    }
  });

  it('signs credentials for the API URL (PUBLIC_BASE_URL) in every job function', () => {
    for (const fn of Object.values(built.jobsStack.certificateJobs.functions)) {
      expect(resourceOf(fn).Properties.Environment.Variables.PUBLIC_BASE_URL).toBeDefined();
    }
  });
});
