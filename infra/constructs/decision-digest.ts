// The supervisors' daily digest: one function fired hourly (Europe/Riga); each programme picks its hour, and a day's
// email is claimed with a conditional write, so a retried or doubled firing sends nothing twice.
import { Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { AppFunction, nagText } from './app-function.js';

export const DECISION_DIGEST_ENTRY = 'functions/scheduled/send-decision-digests.ts';

/** Every hour on the hour, Riga time: the handler sends for the programmes whose digest hour it is. */
export const DIGEST_SCHEDULE = { minute: '0', hour: '*' } as const;

export interface DecisionDigestProps {
  readonly table: ITableV2;
  readonly publicBaseUrl: string;
  /** The links' HMAC key parameter (the same the decision pages check with). */
  readonly linkKeyParameter: string;
  readonly sesSenderIdentity?: string | undefined;
  readonly tracing?: boolean;
}

export class DecisionDigest extends Construct {
  readonly function: AppFunction;

  constructor(scope: Construct, id: string, props: DecisionDigestProps) {
    super(scope, id);
    this.function = new AppFunction(this, 'SendDecisionDigests', {
      entry: DECISION_DIGEST_ENTRY, timeoutSeconds: 300, tracing: props.tracing,
      environment: { PUBLIC_BASE_URL: props.publicBaseUrl },
    }).bindTable({ table: props.table, access: 'readWrite' }).allowLinkKey(props.linkKeyParameter);
    // Without a sender identity the digests fail to send (counted as failed, the day is given back).
    if (props.sesSenderIdentity) this.function.allowMail(props.sesSenderIdentity);
    const role = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'Hourly', {
      description: "Supervisors' daily digest of pending hour entries (at each programme's hour)",
      schedule: ScheduleExpression.cron({ ...DIGEST_SCHEDULE, timeZone: TimeZone.EUROPE_RIGA }),
      target: new LambdaInvoke(this.function, { role, input: ScheduleTargetInput.fromObject({}), retryAttempts: 2 }),
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(`${this.function.functionArn}:*`))}]`,
      reason: 'EventBridge Scheduler may invoke this one function and its versions (`:*`); it is the role of the decision digest schedule only.',
    });
  }
}
