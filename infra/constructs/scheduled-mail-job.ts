// A scheduled job that reads and writes the table and sends emails with signed links: one function, the scheduler's
// role that may invoke it (and only it) and the schedule. The supervisors' digest and the youth house's sweep are
// this shape; each claims an email with a conditional write first, so a retried or doubled firing sends nothing twice.
import { Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, type ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { AppFunction, nagText } from './app-function.js';

export interface ScheduledMailJobProps {
  readonly table: ITableV2;
  readonly publicBaseUrl: string;
  /** The links' HMAC key parameter (the pages the emails link to check with the same key). */
  readonly linkKeyParameter: string;
  readonly sesSenderIdentity?: string | undefined;
  readonly tracing?: boolean;
}

/** What tells one job from another; the construct ids keep the jobs' logical ids stable. */
export interface ScheduledMailJobShape {
  readonly functionId: string;
  readonly entry: string;
  readonly timeoutSeconds: number;
  readonly scheduleId: string;
  readonly description: string;
  readonly schedule: ScheduleExpression;
  /** Named in the nag acknowledgement of the scheduler's role. */
  readonly purpose: string;
}

export class ScheduledMailJob extends Construct {
  readonly function: AppFunction;

  constructor(scope: Construct, id: string, props: ScheduledMailJobProps, shape: ScheduledMailJobShape) {
    super(scope, id);
    this.function = new AppFunction(this, shape.functionId, {
      entry: shape.entry, timeoutSeconds: shape.timeoutSeconds, tracing: props.tracing,
      environment: { PUBLIC_BASE_URL: props.publicBaseUrl },
    }).bindTable({ table: props.table, access: 'readWrite' }).allowLinkKey(props.linkKeyParameter);
    // Without a sender identity the emails fail to send (counted as failed, each claim is given back).
    if (props.sesSenderIdentity) this.function.allowMail(props.sesSenderIdentity);
    const role = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, shape.scheduleId, {
      description: shape.description,
      schedule: shape.schedule,
      target: new LambdaInvoke(this.function, { role, input: ScheduleTargetInput.fromObject({}), retryAttempts: 2 }),
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(`${this.function.functionArn}:*`))}]`,
      reason: `EventBridge Scheduler may invoke this one function and its versions (\`:*\`); it is the role of the ${shape.purpose} schedule only.`,
    });
  }
}
