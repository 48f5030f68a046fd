// SQS worker: one certificate batch per message; failed messages are reported back (retried, then parked in the DLQ).
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { processBatch } from '../../lib/domain/certificates/use-cases/runs.js';
import { logger } from '../../lib/http/logger.js';
import { certificateDeps } from '../../lib/wiring/certificates.js';

const deps = certificateDeps();

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body) as { runId: string; index: number };
      const counts = await processBatch(deps, message);
      logger.info('certificate batch processed', { ...message, ...counts });
    } catch (error) {
      logger.error('certificate batch failed', { messageId: record.messageId, error: String(error) });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
