import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../lib/domain/events.js';
import { reactTo } from '../../../lib/events/from-eventbridge.js';

const ruleEvent = (type: string, detail: Record<string, unknown>): EventBridgeEvent<string, Record<string, unknown>> => ({
  version: '0', id: 'eb-1', 'detail-type': type, source: 'jaunatne.hours', account: '1', time: '2026-03-20T10:00:00Z',
  region: 'eu-north-1', resources: [], detail,
});

describe('reactTo (the one EventBridge target adapter)', () => {
  it('hands the reaction the domain event with the outbox id, logs and returns its outcome', async () => {
    const seen: DomainEvent[] = [];
    const logged: unknown[] = [];
    const handler = reactTo('ThresholdReached', async (e) => { seen.push(e); return 'issued'; }, { info: (m, d) => logged.push([m, d]) });
    await expect(handler(ruleEvent('ThresholdReached', { id: 'evt-7', volunteerId: 'v-1', year: 2026 }))).resolves.toBe('issued');
    expect(seen).toEqual([{ id: 'evt-7', type: 'ThresholdReached', source: 'jaunatne.hours', occurredAt: '2026-03-20T10:00:00Z', detail: { volunteerId: 'v-1', year: 2026 } }]);
    expect(logged).toEqual([['ThresholdReached handled', { eventId: 'evt-7', outcome: 'issued' }]]);
  });

  it('falls back to the EventBridge id when the detail carries none', async () => {
    const handler = reactTo('HoursReversed', async (e) => e.id, { info: () => undefined });
    await expect(handler(ruleEvent('HoursReversed', { volunteerId: 'v-1' }))).resolves.toBe('eb-1');
  });

  it('refuses an event of another type without running the reaction (a misrouted rule retries, then its DLQ)', async () => {
    let ran = false;
    const handler = reactTo('CertificateIssued', async () => { ran = true; }, { info: () => undefined });
    await expect(handler(ruleEvent('HoursReversed', { id: 'evt-1' }))).rejects.toThrow(/handles CertificateIssued, not HoursReversed/);
    expect(ran).toBe(false);
  });

  it('lets a failing reaction throw so EventBridge retries', async () => {
    const handler = reactTo('CertificateIssued', async () => { throw new Error('SES throttled'); }, { info: () => undefined });
    await expect(handler(ruleEvent('CertificateIssued', { id: 'evt-2' }))).rejects.toThrow('SES throttled');
  });
});
