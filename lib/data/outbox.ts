// The transactional outbox: every domain event becomes one table item, put in the same transaction as the change it reports.
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../domain/events.js';
import { ENTITY, keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Outbox items outlive the stream's 24 h by far: DynamoDB TTL removes them a week after the event (not DynamoDB Local). */
export const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;

/** The attribute holding the whole event as JSON: delivery reads only this (and `entityType`) from the stream's new image. */
export const OUTBOX_EVENT_ATTRIBUTE = 'event';

/** One outbox item: the event as JSON, its id and type readable in the console, and its TTL. */
export function outboxItem(event: DomainEvent): Record<string, unknown> {
  return {
    ...keys.outboxEvent(event.id), entityType: ENTITY.outboxEvent,
    eventId: event.id, eventType: event.type, source: event.source, occurredAt: event.occurredAt,
    [OUTBOX_EVENT_ATTRIBUTE]: JSON.stringify(event),
    [TTL_ATTRIBUTE]: Math.floor(Date.parse(event.occurredAt) / 1000) + OUTBOX_RETENTION_SECONDS,
  };
}

/**
 * The transaction items that write `events` to the outbox. Unconditional: an event written again under its id (a
 * retried announcement) replaces the same item, which the stream does not report as a new INSERT, so it is not sent twice.
 */
export function outboxPuts(table: string, events: readonly DomainEvent[]): TransactItem[] {
  return events.map((event) => ({ Put: { TableName: table, Item: outboxItem(event) } }));
}
