// The asynchronous side: the domain event bus, outbox delivery onto it, the certificate queues, schedules and the reactions.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { alarmOnFunctionErrors, alarmTopic, notifyOnEveryAlarm } from '../constructs/alarms.js';
import { FONT_FILES } from '../constructs/bundled-files.js';
import { AccountErasure } from '../constructs/account-erasure.js';
import { CertificateJobs, issuerKeysParameterPrefix } from '../constructs/certificate-jobs.js';
import { DecisionDigest } from '../constructs/decision-digest.js';
import { OutboxDelivery } from '../constructs/outbox-delivery.js';
import { YouthHouseSweep } from '../constructs/youth-house-sweep.js';
import { filesBucketName, type Settings } from '../settings.js';
import { LINK_KEY_PARAMETER } from './context-stack.js';

export interface JobsStackProps extends StackProps {
  readonly table: ITableV2;
  readonly settings: Settings;
  /** Signed into every credential and QR code (the configured public base URL, or the HTTP API's endpoint). */
  readonly publicBaseUrl: string;
  /** The erasure deletes closed accounts whose retention ended from this pool. */
  readonly userPool: IUserPool;
}

/** Deployed before the context stacks: their functions publish to this bus and hand certificate runs to this queue. */
export class JobsStack extends Stack {
  readonly eventBus: EventBus;
  readonly certificateJobs: CertificateJobs;
  /** The table stream's outbox items → the bus. */
  readonly outboxDelivery: OutboxDelivery;
  /** The supervisors' daily digest of pending entries (hourly schedule, each programme's hour). */
  readonly decisionDigest: DecisionDigest;
  /** The youth house's sweep: expired offers pass on; offer, reminder and cancellation emails (every 5 minutes). */
  readonly youthHouseSweep: YouthHouseSweep;
  /** Closed accounts whose retention ended are erased (daily, 03:30 Europe/Riga). */
  readonly accountErasure: AccountErasure;
  /** Every alarm of the platform notifies this topic (DLQs, function errors, API 5xx). */
  readonly alarms: Topic;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const { table, settings } = props;
    // By name, not by reference: the grant then names a predictable ARN (see filesBucketName).
    const files = Bucket.fromBucketName(this, 'Files', filesBucketName(settings));

    // Domain events (HoursSubmitted, ThresholdReached, …): the jobs that react to them subscribe with rules on this bus.
    this.eventBus = new EventBus(this, 'DomainEvents', { description: 'Jaunatne domain events' });
    // Use cases write their events to the table (outbox items, in the transaction of the change); this puts them on the bus.
    this.outboxDelivery = new OutboxDelivery(this, 'OutboxDelivery', { table, eventBus: this.eventBus, tracing: settings.tracing });

    this.certificateJobs = new CertificateJobs(this, 'CertificateJobs', {
      table, files, eventBus: this.eventBus, publicBaseUrl: props.publicBaseUrl,
      issuerKeysParameterPrefix: issuerKeysParameterPrefix(settings.stage), sesSenderIdentity: settings.sesSenderIdentity,
      tracing: settings.tracing, fontFiles: FONT_FILES,
    });

    this.decisionDigest = new DecisionDigest(this, 'DecisionDigest', {
      table, publicBaseUrl: props.publicBaseUrl, linkKeyParameter: LINK_KEY_PARAMETER,
      sesSenderIdentity: settings.sesSenderIdentity, tracing: settings.tracing,
    });

    this.youthHouseSweep = new YouthHouseSweep(this, 'YouthHouseSweep', {
      table, eventBus: this.eventBus, publicBaseUrl: props.publicBaseUrl, linkKeyParameter: LINK_KEY_PARAMETER,
      sesSenderIdentity: settings.sesSenderIdentity, tracing: settings.tracing,
    });

    this.accountErasure = new AccountErasure(this, 'AccountErasure', { table, files, userPool: props.userPool, tracing: settings.tracing });

    // The operators' topic lives here, the first stack after the API that every later one references anyway.
    this.alarms = alarmTopic(this, settings.alarmEmail);
    notifyOnEveryAlarm(this.certificateJobs, this.alarms);
    notifyOnEveryAlarm(this.outboxDelivery, this.alarms);
    alarmOnFunctionErrors(this, this.alarms);

    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName });
  }
}
