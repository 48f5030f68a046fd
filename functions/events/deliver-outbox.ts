// Table stream target (outbox items only, by filter): publishes each committed domain event to EventBridge.
// A record that fails is reported (partial batch response), retried, bisected, and at last sent to the DLQ.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxRecordHandler } from '../../lib/events/outbox-delivery.js';
import { awsEvents } from '../../lib/wiring/aws.js';
import { adapter } from '../../lib/wiring/runtime.js';

const processor = new BatchProcessor(EventType.DynamoDBStreams);
let deliver: ReturnType<typeof outboxRecordHandler> | undefined;

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  // Only the bus: this function reads the stream it is given, never the table (so no TABLE_NAME). Checked on first use.
  deliver ??= outboxRecordHandler(adapter('events', awsEvents));
  // In stream order: the first failure and everything after it come back in the retried batch.
  return processPartialResponse(event, deliver, processor, { context, processInParallel: false });
};
