// The one adapter between an EventBridge rule target and a domain reaction: it turns the rule's event back into the
// DomainEvent the outbox delivered (the id travels in the detail), refuses an event of another type (a misrouted rule
// would otherwise run the wrong reaction), runs the reaction and logs its outcome. A thrown error makes EventBridge
// retry, then the rule's DLQ; the reactions are idempotent on the event id.
import type { EventBridgeEvent } from 'aws-lambda';
import type { DomainEvent } from '../domain/events.js';

export function domainEventOf<E extends DomainEvent>(event: EventBridgeEvent<string, Record<string, unknown>>): E {
  const { id, ...detail } = event.detail;
  return { id: typeof id === 'string' ? id : event.id, type: event['detail-type'], source: event.source, occurredAt: event.time, detail } as unknown as E;
}

export interface ReactionLog {
  info(message: string, details: Record<string, unknown>): void;
}

/** The Lambda handler for one event type: `reaction` gets the domain event; its result is logged and returned. */
export function reactTo<E extends DomainEvent>(
  type: E['type'],
  reaction: (event: E) => Promise<unknown>,
  log: ReactionLog,
): (event: EventBridgeEvent<string, Record<string, unknown>>) => Promise<unknown> {
  return async (event) => {
    if (event['detail-type'] !== type) throw new Error(`this target handles ${type}, not ${event['detail-type']} (event ${event.id})`);
    const domainEvent = domainEventOf<E>(event);
    const outcome = await reaction(domainEvent);
    log.info(`${type} handled`, { eventId: domainEvent.id, outcome });
    return outcome;
  };
}
