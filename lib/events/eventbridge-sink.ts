// EventSink on Amazon EventBridge: PutEvents in batches of ten; a partially refused batch is an error.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DomainEvent, EventSink } from '../domain/events.js';

export class EventBridgeSink implements EventSink {
  constructor(private readonly client: EventBridgeClient, private readonly busName: string) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      const res = await this.client.send(new PutEventsCommand({
        Entries: batch.map((e) => ({
          EventBusName: this.busName, Source: e.source, DetailType: e.type, Time: new Date(e.occurredAt),
          Detail: JSON.stringify({ id: e.id, ...(e.detail as object) }),
        })),
      }));
      if (res.FailedEntryCount) {
        const failed = (res.Entries ?? []).flatMap((r, j) => (r.ErrorCode ? [`${batch[j]?.type}: ${r.ErrorCode}`] : []));
        throw new Error(`EventBridge refused ${res.FailedEntryCount} event(s): ${failed.join('; ')}`);
      }
    }
  }
}
