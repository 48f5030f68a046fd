import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { certificateBatchHandler, type CertificateBatchMessage } from '../../../lib/queues/certificate-batch-worker.js';

const record = (messageId: string, body: string): SQSRecord => ({
  messageId, body, receiptHandle: `rh-${messageId}`, md5OfBody: '', eventSource: 'aws:sqs', awsRegion: 'eu-north-1',
  eventSourceARN: 'arn:aws:sqs:eu-north-1:123456789012:certificate-batches',
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' }, messageAttributes: {},
});
const batch = (runId: string, index: number) => JSON.stringify({ runId, index });
const context = { functionName: 'process-certificate-batch', awsRequestId: 'req-1' } as Context;

describe('the certificate batch worker', () => {
  it('reports exactly the record whose batch failed, and processes the others once each', async () => {
    const processed: CertificateBatchMessage[] = [];
    const handler = certificateBatchHandler(async (message) => {
      processed.push(message);
      if (message.index === 1) throw new Error('DynamoDB throttled');
      return { issued: 1, skipped: 0, failed: 0 };
    });
    const event: SQSEvent = { Records: [record('m-0', batch('run-1', 0)), record('m-1', batch('run-1', 1)), record('m-2', batch('run-1', 2))] };
    expect(await handler(event, context)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    expect(processed).toEqual([{ runId: 'run-1', index: 0 }, { runId: 'run-1', index: 1 }, { runId: 'run-1', index: 2 }]);
  });

  it('reports a malformed message without processing it', async () => {
    const processed: CertificateBatchMessage[] = [];
    const handler = certificateBatchHandler(async (message) => { processed.push(message); return {}; });
    const event: SQSEvent = { Records: [record('m-0', 'not json'), record('m-1', JSON.stringify({ runId: 'run-1' })), record('m-2', batch('run-1', 0))] };
    expect(await handler(event, context)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0' }, { itemIdentifier: 'm-1' }] });
    expect(processed).toEqual([{ runId: 'run-1', index: 0 }]);
  });

  it('reports every record when all fail (SQS retries each), and nothing when all succeed', async () => {
    const failing = certificateBatchHandler(async () => { throw new Error('down'); });
    const event: SQSEvent = { Records: [record('m-0', batch('r', 0)), record('m-1', batch('r', 1))] };
    expect(await failing(event, context)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0' }, { itemIdentifier: 'm-1' }] });
    const working = certificateBatchHandler(async () => ({}));
    expect(await working(event, context)).toEqual({ batchItemFailures: [] });
  });
});
