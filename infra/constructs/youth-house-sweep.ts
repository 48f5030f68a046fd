// The youth house's sweep: one function fired every few minutes passes expired waitlist offers on and sends the offer,
// reminder and cancellation emails, each claimed with a conditional write first (a doubled firing sends nothing twice).
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { SWEEP_EVERY_MINUTES } from '../../lib/domain/youth-house/notifications.js';
import { AppFunction, nagText } from './app-function.js';

export const YOUTH_HOUSE_SWEEP_ENTRY = 'functions/scheduled/sweep-youth-house.ts';


export interface YouthHouseSweepProps {
  readonly table: ITableV2;
  readonly publicBaseUrl: string;
  /** The links' HMAC key parameter (the offer pages check with the same key). */
  readonly linkKeyParameter: string;
  readonly sesSenderIdentity?: string | undefined;
  readonly tracing?: boolean;
}

export class YouthHouseSweep extends Construct {
  readonly function: AppFunction;

  constructor(scope: Construct, id: string, props: YouthHouseSweepProps) {
    super(scope, id);
    this.function = new AppFunction(this, 'SweepYouthHouse', {
      entry: YOUTH_HOUSE_SWEEP_ENTRY, timeoutSeconds: 240, tracing: props.tracing,
      environment: { PUBLIC_BASE_URL: props.publicBaseUrl },
    }).bindTable({ table: props.table, access: 'readWrite' }).allowLinkKey(props.linkKeyParameter);
    // Without a sender identity the emails fail to send (counted as failed, each claim is given back).
    if (props.sesSenderIdentity) this.function.allowMail(props.sesSenderIdentity);
    const role = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'Every5Minutes', {
      description: 'Youth house: expired waitlist offers pass on; offer, reminder and cancellation emails',
      schedule: ScheduleExpression.rate(Duration.minutes(SWEEP_EVERY_MINUTES)),
      target: new LambdaInvoke(this.function, { role, input: ScheduleTargetInput.fromObject({}), retryAttempts: 2 }),
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(`${this.function.functionArn}:*`))}]`,
      reason: 'EventBridge Scheduler may invoke this one function and its versions (`:*`); it is the role of the youth-house sweep schedule only.',
    });
  }
}
