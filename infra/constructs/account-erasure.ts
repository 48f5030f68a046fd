// The daily erasure of closed accounts whose retention ended (lib/domain/accounts/use-cases/erase-expired-accounts.ts):
// one function with the table, delete-only on the certificate and consent files, AdminDeleteUser on the pool, and the
// schedule that fires it at night in Riga.
import { Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { ERASURE_AT } from '../../lib/domain/accounts/use-cases/erase-expired-accounts.js';
import { AppFunction, nagText } from './app-function.js';

export const ACCOUNT_ERASURE_ENTRY = 'functions/scheduled/erase-expired-accounts.ts';

export interface AccountErasureProps {
  readonly table: ITableV2;
  readonly files: IBucket;
  readonly userPool: IUserPool;
  readonly tracing?: boolean;
}

export class AccountErasure extends Construct {
  readonly function: AppFunction;

  constructor(scope: Construct, id: string, props: AccountErasureProps) {
    super(scope, id);
    this.function = new AppFunction(this, 'EraseExpiredAccounts', { entry: ACCOUNT_ERASURE_ENTRY, timeoutSeconds: 900, tracing: props.tracing })
      .bindTable({ table: props.table, access: 'readWrite' })
      .allowFileDeletion({ bucket: props.files, prefix: 'certificates' })
      .allowFileDeletion({ bucket: props.files, prefix: 'consents', list: true })
      .allowUserPool(props.userPool, ['cognito-idp:AdminDeleteUser']);
    const role = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'Daily', {
      description: 'Closed accounts whose retention ended are erased (slēgto kontu dzēšana)',
      schedule: ScheduleExpression.cron({ hour: String(ERASURE_AT.hour), minute: String(ERASURE_AT.minute), timeZone: TimeZone.EUROPE_RIGA }),
      target: new LambdaInvoke(this.function, { role, input: ScheduleTargetInput.fromObject({}), retryAttempts: 2 }),
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(`${this.function.functionArn}:*`))}]`,
      reason: 'EventBridge Scheduler may invoke this one function and its versions (`:*`); it is the role of the account erasure schedule only.',
    });
  }
}
