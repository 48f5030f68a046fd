import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../lib/domain/events.js';
import { EventBridgeSink } from '../../../lib/events/eventbridge-sink.js';
import { LocalEventBus, localEventBus } from '../../../lib/local/event-bus.js';

const anEvent = (type: string, n = 0): DomainEvent => ({ id: `e-${type}-${n}`, type, source: 'jaunatne.hours', occurredAt: '2026-03-20T10:00:00.000Z', detail: { n } });

describe('LocalEventBus', () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

  it('gives a stack started later with another data directory a bus of its own (no events.log in a removed directory)', async () => {
    const first = mkdtempSync(join(tmpdir(), 'bus-'));
    const second = mkdtempSync(join(tmpdir(), 'bus-'));
    dirs.push(first, second);
    const a = localEventBus(first);
    expect(localEventBus(first)).toBe(a);
    expect(localEventBus()).toBe(a);
    rmSync(first, { recursive: true, force: true });
    const b = localEventBus(second);
    expect(b).not.toBe(a);
    await b.publish([anEvent('HoursApproved')]);
    expect(readFileSync(join(second, 'events.log'), 'utf8')).toContain('"HoursApproved"');
  });

  it('delivers events to subscribers of their type and of *, in order, until unsubscribed', async () => {
    const bus = new LocalEventBus();
    const seen: string[] = [];
    const off = bus.subscribe('ThresholdReached', (e) => { seen.push(`t:${e.id}`); });
    bus.subscribe('*', (e) => { seen.push(`*:${e.id}`); });
    await bus.publish([anEvent('HoursApproved'), anEvent('ThresholdReached')]);
    off();
    await bus.publish([anEvent('ThresholdReached', 1)]);
    expect(seen).toEqual(['*:e-HoursApproved-0', 't:e-ThresholdReached-0', '*:e-ThresholdReached-0', '*:e-ThresholdReached-1']);
  });

  it('keeps delivering when one subscriber throws, and appends every event to events.log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bus-'));
    dirs.push(dir);
    const bus = new LocalEventBus(dir);
    const seen: string[] = [];
    bus.subscribe('HoursApproved', () => { throw new Error('boom'); });
    bus.subscribe('HoursApproved', (e) => { seen.push(e.id); });
    await bus.publish([anEvent('HoursApproved'), anEvent('HoursRejected')]);
    expect(seen).toEqual(['e-HoursApproved-0']);
    const lines = readFileSync(join(dir, 'events.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).type);
    expect(lines).toEqual(['HoursApproved', 'HoursRejected']);
  });
});

describe('EventBridgeSink', () => {
  const eb = mockClient(EventBridgeClient);
  afterEach(() => eb.reset());

  it('sends batches of at most ten to the configured bus with source, detail-type and detail', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await new EventBridgeSink(new EventBridgeClient({ region: 'eu-north-1' }), 'jaunatne-bus').publish(Array.from({ length: 12 }, (_, i) => anEvent('HoursApproved', i)));
    const calls = eb.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 2]);
    expect(calls[0]!.args[0].input.Entries![0]).toMatchObject({ EventBusName: 'jaunatne-bus', Source: 'jaunatne.hours', DetailType: 'HoursApproved', Detail: JSON.stringify({ id: 'e-HoursApproved-0', n: 0 }) });
  });

  it('fails when EventBridge refuses an entry', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException' }] });
    await expect(new EventBridgeSink(new EventBridgeClient({ region: 'eu-north-1' }), 'b').publish([anEvent('HoursApproved')])).rejects.toThrow(/ThrottlingException/);
  });
});
