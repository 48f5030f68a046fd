// Chooses the event transport from the config: EventBridge when EVENT_BUS_NAME is set, else the local bus.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { config } from '../config.js';
import type { EventSink } from '../domain/events.js';
import { localEventBus } from '../local/event-bus.js';
import { EventBridgeSink } from './eventbridge-sink.js';

let sink: EventSink | undefined;

export function eventSink(): EventSink {
  if (sink) return sink;
  const { EVENT_BUS_NAME, AWS_REGION, LOCAL_DATA_DIR, STAGE } = config();
  if (EVENT_BUS_NAME) sink = new EventBridgeSink(new EventBridgeClient({ region: AWS_REGION }), EVENT_BUS_NAME);
  else if (STAGE === 'aws') sink = unconfigured;
  else sink = localEventBus(LOCAL_DATA_DIR);
  return sink;
}

/** In AWS a function that publishes without EVENT_BUS_NAME is mis-wired (see `uses.events` in the route table): fail loudly. */
const unconfigured: EventSink = {
  publish: async () => {
    throw new Error('Invalid environment: EVENT_BUS_NAME is required to publish events in AWS');
  },
};

/** For tests, which change the environment after the first sink was chosen. */
export function resetEventSink(): void {
  sink = undefined;
}
