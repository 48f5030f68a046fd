import { afterEach, describe, expect, it } from 'vitest';
import { resetConfig } from '../../../lib/config.js';
import { eventSink, resetEventSink } from '../../../lib/events/sink.js';
import { EventBridgeSink } from '../../../lib/events/eventbridge-sink.js';

const saved = { ...process.env };

describe('eventSink', () => {
  afterEach(() => {
    process.env = { ...saved };
    resetConfig();
    resetEventSink();
  });

  const use = (env: Record<string, string | undefined>) => {
    process.env = { ...saved, TABLE_NAME: 'jaunatne-unit', ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    resetConfig();
    resetEventSink();
  };

  it('publishes to EventBridge when EVENT_BUS_NAME is set', () => {
    use({ STAGE: 'aws', EVENT_BUS_NAME: 'bus-1' });
    expect(eventSink()).toBeInstanceOf(EventBridgeSink);
  });

  it('refuses to publish in AWS without a bus instead of dropping the events', async () => {
    use({ STAGE: 'aws', EVENT_BUS_NAME: undefined });
    await expect(eventSink().publish([])).rejects.toThrow(/EVENT_BUS_NAME is required/);
  });
});
