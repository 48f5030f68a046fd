// The youth house's sweep: one function fired every few minutes passes expired waitlist offers on and sends the offer,
// reminder and cancellation emails, each claimed with a conditional write first (a doubled firing sends nothing twice).
// Beside it, the PlaceOffered reaction mails an offer the moment it is made; it shares the sweep's claim, so the offer
// is mailed once, and what it fails to send the next firing sends.
import { Duration } from 'aws-cdk-lib';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import { YOUTH_HOUSE_SOURCE } from '../../lib/domain/youth-house/events.js';
import { SWEEP_EVERY_MINUTES } from '../../lib/domain/youth-house/notifications.js';
import { AppFunction } from './app-function.js';
import { ScheduledMailJob, type ScheduledMailJobProps } from './scheduled-mail-job.js';

export const YOUTH_HOUSE_SWEEP_ENTRY = 'functions/scheduled/sweep-youth-house.ts';
export const PLACE_OFFER_MAIL_ENTRY = 'functions/events/mail-place-offer.ts';

export interface YouthHouseSweepProps extends ScheduledMailJobProps {
  /** The domain events' bus: PlaceOffered arrives on it. */
  readonly eventBus: IEventBus;
}

export class YouthHouseSweep extends ScheduledMailJob {
  readonly offerMail: AppFunction;

  constructor(scope: Construct, id: string, props: YouthHouseSweepProps) {
    super(scope, id, props, {
      functionId: 'SweepYouthHouse', entry: YOUTH_HOUSE_SWEEP_ENTRY, timeoutSeconds: 240,
      scheduleId: 'Every5Minutes', description: 'Youth house: expired waitlist offers pass on; offer, reminder and cancellation emails',
      schedule: ScheduleExpression.rate(Duration.minutes(SWEEP_EVERY_MINUTES)),
      purpose: 'youth-house sweep',
    });
    this.offerMail = new AppFunction(this, 'MailPlaceOffer', {
      entry: PLACE_OFFER_MAIL_ENTRY, timeoutSeconds: 30, tracing: props.tracing,
      environment: { PUBLIC_BASE_URL: props.publicBaseUrl },
    }).bindTable({ table: props.table, access: 'readWrite' }).allowLinkKey(props.linkKeyParameter);
    if (props.sesSenderIdentity) this.offerMail.allowMail(props.sesSenderIdentity);
    // A few retries and no DLQ: an event this misses is no loss, the sweep mails every open offer not yet mailed.
    new Rule(this, 'OnPlaceOffered', {
      eventBus: props.eventBus,
      description: `${YOUTH_HOUSE_SOURCE} PlaceOffered → MailPlaceOffer`,
      eventPattern: { source: [YOUTH_HOUSE_SOURCE], detailType: ['PlaceOffered'] },
      targets: [new LambdaFunction(this.offerMail, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
    });
  }
}
