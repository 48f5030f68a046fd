// Domain events: use cases declare them and hand them to their repository, which writes them as outbox items in the
// same transaction as the change they report; delivery (the table stream) publishes them through an EventSink.

/** One fact that happened, named in the past tense. `id` is unique so consumers can de-duplicate. */
export interface DomainEvent<T extends string = string, D = unknown> {
  id: string;
  type: T;
  /** The area that emitted it, e.g. `jaunatne.hours` (EventBridge Source). */
  source: string;
  occurredAt: string;
  detail: D;
}

export interface EventSink {
  /** Publishes events whose change committed (called by outbox delivery, never by a use case); throws when the transport refuses one. */
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** An in-memory sink for tests: keeps every event in order. */
export class RecordingEventSink implements EventSink {
  readonly events: DomainEvent[] = [];
  async publish(events: readonly DomainEvent[]): Promise<void> {
    this.events.push(...events);
  }
}
