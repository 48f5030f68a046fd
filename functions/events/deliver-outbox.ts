// Table stream target (outbox items only, by filter): publishes each committed domain event to EventBridge.
// A record that fails is reported (partial batch response), retried, bisected, and at last sent to the DLQ.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { EventBridgeSink } from '../../lib/events/eventbridge-sink.js';
import { outboxRecordHandler } from '../../lib/events/outbox-delivery.js';

/** Only the bus: this function reads the stream it is given, never the table (so no TABLE_NAME). Checked on first use. */
const environment = z.object({ EVENT_BUS_NAME: z.string().min(1), AWS_REGION: z.string().min(1) });

const processor = new BatchProcessor(EventType.DynamoDBStreams);
let deliver: ReturnType<typeof outboxRecordHandler> | undefined;

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  if (!deliver) {
    const { EVENT_BUS_NAME, AWS_REGION } = environment.parse(process.env);
    deliver = outboxRecordHandler(new EventBridgeSink(new EventBridgeClient({ region: AWS_REGION }), EVENT_BUS_NAME));
  }
  // In stream order: the first failure and everything after it come back in the retried batch.
  return processPartialResponse(event, deliver, processor, { context, processInParallel: false });
};
