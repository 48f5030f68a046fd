// Outbox delivery: turns the table stream's records of new outbox items back into domain events and publishes them.
// The same code runs in the stream-triggered Lambda (AWS) and in the local stream poller (lib/local/stream-relay.ts).
import type { DomainEvent, EventSink } from '../domain/events.js';
import { ENTITY } from '../data/keys.js';
import { OUTBOX_EVENT_ATTRIBUTE } from '../data/outbox.js';

/** What delivery reads of a stream record: the Lambda event's records and DynamoDB Streams' GetRecords share this shape. */
export interface OutboxStreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, { S?: string } | object>; SequenceNumber?: string };
}

/**
 * The records to deliver: the first write (INSERT) of an outbox item. An event written again under its id is a MODIFY
 * (or no record at all), and the TTL's REMOVE is none either. In AWS this is the event source's filter criteria;
 * locally `outboxEventOf` applies the same pattern.
 */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entityType: { S: [ENTITY.outboxEvent] } } },
} as const;

const stringOf = (value: { S?: string } | object | undefined): string | undefined =>
  value !== undefined && 'S' in value && typeof value.S === 'string' ? value.S : undefined;

/** The domain event an outbox INSERT carries, or undefined for any other record. Throws on an outbox item it cannot read. */
export function outboxEventOf(record: OutboxStreamRecord): DomainEvent | undefined {
  const image = record.dynamodb?.NewImage;
  if (!OUTBOX_STREAM_FILTER.eventName.includes(record.eventName as 'INSERT')) return undefined;
  if (!OUTBOX_STREAM_FILTER.dynamodb.NewImage.entityType.S.includes(stringOf(image?.entityType) as typeof ENTITY.outboxEvent)) return undefined;
  const json = stringOf(image?.[OUTBOX_EVENT_ATTRIBUTE]);
  if (json === undefined) throw new Error(`outbox item without its ${OUTBOX_EVENT_ATTRIBUTE} (sequence ${record.dynamodb?.SequenceNumber})`);
  const event = JSON.parse(json) as DomainEvent;
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.source !== 'string') {
    throw new Error(`outbox item is not a domain event (sequence ${record.dynamodb?.SequenceNumber})`);
  }
  return event;
}

/**
 * Publishes the event of one stream record (records that are no outbox INSERT are skipped). A refusal throws, so
 * the record is retried: delivery is at least once, and every consumer de-duplicates on the event id.
 */
export function outboxRecordHandler(sink: EventSink): (record: OutboxStreamRecord) => Promise<void> {
  return async (record) => {
    const event = outboxEventOf(record);
    if (event) await sink.publish([event]);
  };
}
