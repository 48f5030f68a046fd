// The BatchQueue in AWS: one SQS message per certificate batch (SendMessageBatch, ten at a time).
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { BatchMessage, BatchQueue } from '../domain/certificates/ports.js';

export class SqsBatchQueue implements BatchQueue {
  constructor(private readonly client: SQSClient, private readonly queueUrl: string) {}

  async enqueue(messages: readonly BatchMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      let entries = messages.slice(i, i + 10).map((m) => ({ Id: `${m.index}`, MessageBody: JSON.stringify(m) }));
      for (let attempt = 0; entries.length > 0; attempt++) {
        const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
        if (entries.length > 0) {
          if (attempt >= 4) throw new Error(`SQS refused ${entries.length} certificate batch messages`);
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
    }
  }
}
