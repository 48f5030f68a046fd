// The SQS certificate worker's record loop on Powertools batch processing: one certificate batch per message, and
// each message that fails is reported back in batchItemFailures (the event source has ReportBatchItemFailures), so
// SQS retries only it and parks it in the DLQ after its last attempt.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { logger } from '../http/logger.js';

const batchMessage = z.object({ runId: z.string().min(1), index: z.number().int().nonnegative() });
export type CertificateBatchMessage = z.infer<typeof batchMessage>;

/** The handler for `process` (issuing one batch); a record whose body is malformed or whose batch throws fails alone. */
export function certificateBatchHandler(process: (message: CertificateBatchMessage) => Promise<object>) {
  const processor = new BatchProcessor(EventType.SQS);
  const processRecord = async (record: SQSRecord) => {
    try {
      const message = batchMessage.parse(JSON.parse(record.body));
      const counts = await process(message);
      logger.info('certificate batch processed', { ...message, ...counts });
    } catch (error) {
      logger.error('certificate batch failed', { messageId: record.messageId, error: String(error) });
      throw error;
    }
  };
  return (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    // Sequential as before (the worker's batch size is 1); a batch where every record fails is reported, not thrown.
    processPartialResponse(event, processRecord, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
}
