// The supervisors' daily digest: one function fired hourly (Europe/Riga); each programme picks its hour, and a day's
// email is claimed with a conditional write, so a retried or doubled firing sends nothing twice.
import { TimeZone } from 'aws-cdk-lib';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import { ScheduledMailJob, type ScheduledMailJobProps } from './scheduled-mail-job.js';

export const DECISION_DIGEST_ENTRY = 'functions/scheduled/send-decision-digests.ts';

/** Every hour on the hour, Riga time: the handler sends for the programmes whose digest hour it is. */
export const DIGEST_SCHEDULE = { minute: '0', hour: '*' } as const;

export class DecisionDigest extends ScheduledMailJob {
  constructor(scope: Construct, id: string, props: ScheduledMailJobProps) {
    super(scope, id, props, {
      functionId: 'SendDecisionDigests', entry: DECISION_DIGEST_ENTRY, timeoutSeconds: 300,
      scheduleId: 'Hourly', description: "Supervisors' daily digest of pending hour entries (at each programme's hour)",
      schedule: ScheduleExpression.cron({ ...DIGEST_SCHEDULE, timeZone: TimeZone.EUROPE_RIGA }),
      purpose: 'decision digest',
    });
  }
}
