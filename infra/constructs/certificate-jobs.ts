// The certificate jobs: the batch queue and its worker, the yearly schedule, the email sweep, and the reactions to domain events.
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction, nagText } from './app-function.js';

export const CERTIFICATE_ENTRIES = {
  worker: 'functions/queues/process-certificate-batch.ts',
  yearly: 'functions/scheduled/start-yearly-certificate-run.ts',
  sweep: 'functions/scheduled/finish-certificate-emails.ts',
  email: 'functions/events/send-certificate-email.ts',
  threshold: 'functions/events/issue-on-threshold.ts',
  reversal: 'functions/events/flag-on-reversal.ts',
} as const;

/** The functions that issue certificates: they render the PDF and sign the credential (fonts bundled, the issuer keys). */
export const ISSUING_ENTRIES: readonly string[] = [CERTIFICATE_ENTRIES.worker, CERTIFICATE_ENTRIES.threshold];

/** The yearly run: 15 January, 06:00 in Riga, for the previous calendar year (the handler picks the year). */
export const YEARLY_RUN = { minute: '0', hour: '6', day: '15', month: '1' } as const;

/**
 * How often the sweep sends the certificate emails still pending (a sender killed after its claim, a failed send).
 * Well above the email lease (EMAIL_LEASE_SECONDS), so the sweep never cuts a live sender short.
 */
export const EMAIL_SWEEP_MINUTES = 10;

export interface CertificateJobsProps {
  readonly table: ITableV2;
  readonly files: IBucket;
  readonly eventBus: IEventBus;
  /** Signed into every credential and QR code: it must never change once certificates exist. */
  readonly publicBaseUrl: string;
  readonly issuerKeysParameterPrefix: string;
  readonly sesSenderIdentity?: string;
  readonly tracing: boolean;
  readonly fontFiles: Record<string, string>;
}

export class CertificateJobs extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly functions: Record<keyof typeof CERTIFICATE_ENTRIES, AppFunction>;

  constructor(scope: Construct, id: string, props: CertificateJobsProps) {
    super(scope, id);
    const environment = { PUBLIC_BASE_URL: props.publicBaseUrl };

    // Failed batches, schedule invocations and event deliveries all end here, and the alarm says so.
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This is the dead-letter queue of the certificate jobs; a DLQ of a DLQ would hide nothing more.' });
    new Alarm(this, 'DeadLettersAlarm', {
      alarmDescription: 'Certificate jobs: a batch, a scheduled run or an event reaction failed after its retries (see the DLQ)',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1, evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const workerTimeout = 300;
    this.queue = new Queue(this, 'Batches', {
      encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true,
      visibilityTimeout: Duration.seconds(workerTimeout * 6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 3 },
    });

    const issuing = (name: string, entry: string, timeoutSeconds: number) => new AppFunction(this, name, {
      entry, memoryMb: 2048, timeoutSeconds, tracing: props.tracing, environment, bundledFiles: props.fontFiles,
    }).bindTable({ table: props.table, access: 'readWrite' })
      .bindFiles({ bucket: props.files, access: 'readWrite', prefix: 'certificates' })
      .allowPublish(props.eventBus)
      .allowIssuerKeys(props.issuerKeysParameterPrefix)
      .allowSendTo(this.queue);

    const worker = issuing('ProcessBatch', CERTIFICATE_ENTRIES.worker, workerTimeout);
    worker.addEventSource(new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 5 }));

    const yearly = new AppFunction(this, 'StartYearlyRun', { entry: CERTIFICATE_ENTRIES.yearly, timeoutSeconds: 60, tracing: props.tracing, environment })
      .bindTable({ table: props.table, access: 'readWrite' })
      .allowSendTo(this.queue);
    const schedulerRole = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'YearlyRun', {
      description: 'Recognition run for the previous calendar year (apliecinājumi)',
      schedule: ScheduleExpression.cron({ ...YEARLY_RUN, timeZone: TimeZone.EUROPE_RIGA }),
      target: new LambdaInvoke(yearly, { role: schedulerRole, input: ScheduleTargetInput.fromObject({}), retryAttempts: 3, deadLetterQueue: this.deadLetters }),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(`${yearly.functionArn}:*`))}]`,
      reason: 'EventBridge Scheduler may invoke this one function and its versions (`:*`); it is the role of the yearly certificate schedule only.',
    });

    const email = new AppFunction(this, 'SendCertificateEmail', {
      entry: CERTIFICATE_ENTRIES.email, memoryMb: 1024, timeoutSeconds: 60, tracing: props.tracing, environment,
    }).bindTable({ table: props.table, access: 'readWrite' })
      .bindFiles({ bucket: props.files, access: 'read', prefix: 'certificates' });
    // Without a sender identity the reaction fails loudly and the events wait in the DLQ until one is configured.
    if (props.sesSenderIdentity) email.allowMail(props.sesSenderIdentity);

    // The sweep: mails what a killed sender or a failed send left pending (the email function's grants, no more).
    const sweep = new AppFunction(this, 'FinishCertificateEmails', {
      entry: CERTIFICATE_ENTRIES.sweep, memoryMb: 1024, timeoutSeconds: 300, tracing: props.tracing, environment,
    }).bindTable({ table: props.table, access: 'readWrite' })
      .bindFiles({ bucket: props.files, access: 'read', prefix: 'certificates' });
    if (props.sesSenderIdentity) sweep.allowMail(props.sesSenderIdentity);
    const sweepRole = new Role(this, 'EmailSweepRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'EmailSweep', {
      description: 'Certificate emails still pending after a killed or failed send (apliecinājumu e-pasti)',
      schedule: ScheduleExpression.rate(Duration.minutes(EMAIL_SWEEP_MINUTES)),
      target: new LambdaInvoke(sweep, { role: sweepRole, input: ScheduleTargetInput.fromObject({}), retryAttempts: 2, deadLetterQueue: this.deadLetters }),
    });
    Validations.of(sweepRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagText(Stack.of(this).resolve(`${sweep.functionArn}:*`))}]`,
      reason: 'EventBridge Scheduler may invoke this one function and its versions (`:*`); it is the role of the certificate email sweep only.',
    });

    const threshold = issuing('IssueOnThreshold', CERTIFICATE_ENTRIES.threshold, 60);
    const reversal = new AppFunction(this, 'FlagOnReversal', {
      entry: CERTIFICATE_ENTRIES.reversal, memoryMb: 256, timeoutSeconds: 30, tracing: props.tracing, environment,
    }).bindTable({ table: props.table, access: 'readWrite' });

    const react = (name: string, source: string, detailType: string, fn: AppFunction) => new Rule(this, name, {
      eventBus: props.eventBus,
      description: `${source} ${detailType} → ${fn.node.id}`,
      eventPattern: { source: [source], detailType: [detailType] },
      targets: [new LambdaFunction(fn, { retryAttempts: 185, maxEventAge: Duration.hours(24), deadLetterQueue: this.deadLetters })],
    });
    react('OnCertificateIssued', 'jaunatne.certificates', 'CertificateIssued', email);
    react('OnThresholdReached', 'jaunatne.hours', 'ThresholdReached', threshold);
    react('OnHoursReversed', 'jaunatne.hours', 'HoursReversed', reversal);

    this.functions = { worker, yearly, sweep, email, threshold, reversal };
  }

  /** The queue HTTP functions hand new runs to. */
  get batchQueue(): IQueue {
    return this.queue;
  }
}

export function issuerKeysParameterPrefix(stage: string | undefined): string {
  return stage ? `/jaunatne-${stage}/issuer-keys` : '/jaunatne/issuer-keys';
}

