// The youth house's sweep: one function fired every few minutes passes expired waitlist offers on and sends the offer,
// reminder and cancellation emails, each claimed with a conditional write first (a doubled firing sends nothing twice).
import { Duration } from 'aws-cdk-lib';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import { SWEEP_EVERY_MINUTES } from '../../lib/domain/youth-house/notifications.js';
import { ScheduledMailJob, type ScheduledMailJobProps } from './scheduled-mail-job.js';

export const YOUTH_HOUSE_SWEEP_ENTRY = 'functions/scheduled/sweep-youth-house.ts';

export class YouthHouseSweep extends ScheduledMailJob {
  constructor(scope: Construct, id: string, props: ScheduledMailJobProps) {
    super(scope, id, props, {
      functionId: 'SweepYouthHouse', entry: YOUTH_HOUSE_SWEEP_ENTRY, timeoutSeconds: 240,
      scheduleId: 'Every5Minutes', description: 'Youth house: expired waitlist offers pass on; offer, reminder and cancellation emails',
      schedule: ScheduleExpression.rate(Duration.minutes(SWEEP_EVERY_MINUTES)),
      purpose: 'youth-house sweep',
    });
  }
}
