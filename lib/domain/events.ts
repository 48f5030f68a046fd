// Domain events as a port: use cases publish through an EventSink; EventBridge in AWS, the local bus otherwise.

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
  /** Publishes after the state change committed; throws when the transport refuses an event. */
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** An in-memory sink for use-case tests: keeps every event in order. */
export class RecordingEventSink implements EventSink {
  readonly events: DomainEvent[] = [];
  async publish(events: readonly DomainEvent[]): Promise<void> {
    this.events.push(...events);
  }
}
