import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SqsBatchQueue } from '../../../lib/queues/sqs-batch-queue.js';

const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

describe('the SQS batch queue', () => {
  it('sends one message per batch, ten per request, and resends only the entries SQS refused', async () => {
    let refusedOnce = false;
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => {
      if (!refusedOnce && input.Entries.some((e) => e.Id === '3')) {
        refusedOnce = true;
        return { Successful: input.Entries.filter((e) => e.Id !== '3').map((e) => ({ Id: e.Id })), Failed: [{ Id: '3', Code: 'ServiceUnavailable', SenderFault: false }] };
      }
      return { Successful: input.Entries.map((e) => ({ Id: e.Id })), Failed: [] };
    });
    await new SqsBatchQueue(new SQSClient({ region: 'eu-north-1' }), 'https://sqs.eu-north-1.amazonaws.com/1/q').enqueue(Array.from({ length: 12 }, (_, index) => ({ runId: 'r', index })));
    const sent = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries!.map((e) => JSON.parse(e.MessageBody!).index));
    expect(sent).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [3], [10, 11]]);
  });

  it('gives up with an error when SQS keeps refusing', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'ServiceUnavailable', SenderFault: false }] });
    await expect(new SqsBatchQueue(new SQSClient({ region: 'eu-north-1' }), 'https://sqs.eu-north-1.amazonaws.com/1/q').enqueue([{ runId: 'r', index: 0 }])).rejects.toThrow(/refused 1/);
  });
});
