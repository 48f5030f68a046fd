// The local event bus: in-process publish/subscribe standing in for EventBridge, with an optional events.log.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainEvent, EventSink } from '../domain/events.js';

export type EventHandler<E extends DomainEvent = DomainEvent> = (event: E) => unknown;

export class LocalEventBus implements EventSink {
  private readonly handlers = new Map<string, Set<EventHandler>>();
  private readonly logFile: string | undefined;

  /** With `dataDir`, every published event is appended as one JSON line to `<dataDir>/events.log`. */
  constructor(dataDir?: string) {
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      this.logFile = join(dataDir, 'events.log');
    }
  }

  /** Calls `handler` for every event of `type` ('*' for all); returns the unsubscribe function. */
  subscribe<E extends DomainEvent = DomainEvent>(type: E['type'] | '*', handler: EventHandler<E>): () => void {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler as EventHandler);
    this.handlers.set(type, set);
    return () => set.delete(handler as EventHandler);
  }

  /** Delivers in order; a failing subscriber is reported and does not stop the others (like separate EventBridge rules). */
  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      if (this.logFile) appendFileSync(this.logFile, `${JSON.stringify(event)}\n`);
      for (const handler of [...(this.handlers.get(event.type) ?? []), ...(this.handlers.get('*') ?? [])]) {
        try {
          await handler(event);
        } catch (error) {
          console.error(`local event bus: a ${event.type} subscriber failed`, error);
        }
      }
    }
  }
}

let shared: { bus: LocalEventBus; dataDir: string | undefined } | undefined;

/**
 * The process-wide local bus (handlers and local subscribers such as certificates share it). A stack started later in
 * the same process with another data directory (the bench's sections, tests) gets a bus of its own, so events.log
 * never points at a directory an earlier stack removed.
 */
export function localEventBus(dataDir?: string): LocalEventBus {
  if (!shared || (dataDir !== undefined && dataDir !== shared.dataDir)) shared = { bus: new LocalEventBus(dataDir), dataDir };
  return shared.bus;
}
