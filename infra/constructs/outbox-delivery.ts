// Outbox delivery in AWS: a function on the table stream, filtered to new outbox items, that puts each event on the bus.
import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTBOX_STREAM_FILTER } from '../../lib/events/outbox-delivery.js';
import { AppFunction } from './app-function.js';

export const OUTBOX_DELIVERY_ENTRY = 'functions/events/deliver-outbox.ts';

/** Retries of a failing batch (bisected each time) before its records go to the DLQ; the stream keeps records 24 h. */
export const OUTBOX_RETRY_ATTEMPTS = 10;

export interface OutboxDeliveryProps {
  readonly table: ITableV2;
  readonly eventBus: IEventBus;
  readonly tracing: boolean;
}

export class OutboxDelivery extends Construct {
  readonly function: AppFunction;
  /** Stream records whose event could not be put on the bus after every retry (the record's coordinates, not the event). */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: OutboxDeliveryProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This is the on-failure destination of outbox delivery; a DLQ of a DLQ would hide nothing more.' });
    new Alarm(this, 'DeadLettersAlarm', {
      alarmDescription: 'Outbox delivery: a domain event was not put on the bus after its retries (see the DLQ; the outbox item keeps the event for 7 days)',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1, evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // Reads only the stream (the event source grants it); writes only to the bus.
    this.function = new AppFunction(this, 'DeliverOutbox', {
      entry: OUTBOX_DELIVERY_ENTRY, memoryMb: 256, timeoutSeconds: 60, tracing: props.tracing,
    }).allowPublish(props.eventBus);
    this.function.addEventSource(new DynamoEventSource(props.table, {
      // from the oldest record the stream keeps: nothing committed before the mapping existed is skipped
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100, maxBatchingWindow: Duration.seconds(1), parallelizationFactor: 1,
      filters: [FilterCriteria.filter(structuredClone(OUTBOX_STREAM_FILTER) as unknown as Record<string, unknown>)],
      reportBatchItemFailures: true, bisectBatchOnError: true,
      retryAttempts: OUTBOX_RETRY_ATTEMPTS, maxRecordAge: Duration.hours(24),
      onFailure: new SqsDlq(this.deadLetters),
    }));
  }
}
