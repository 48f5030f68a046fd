// Turns an EventBridge rule's target event back into the DomainEvent the sink published (id travels in the detail).
import type { EventBridgeEvent } from 'aws-lambda';
import type { DomainEvent } from '../domain/events.js';

export function domainEventOf<E extends DomainEvent>(event: EventBridgeEvent<string, Record<string, unknown>>): E {
  const { id, ...detail } = event.detail;
  return { id: typeof id === 'string' ? id : event.id, type: event['detail-type'], source: event.source, occurredAt: event.time, detail } as unknown as E;
}
