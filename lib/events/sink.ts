// Chooses the event transport from the config: EventBridge when EVENT_BUS_NAME is set, else the local bus.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { config } from '../config.js';
import type { EventSink } from '../domain/events.js';
import { localEventBus } from '../local/event-bus.js';
import { EventBridgeSink } from './eventbridge-sink.js';

let sink: EventSink | undefined;

export function eventSink(): EventSink {
  if (sink) return sink;
  const { EVENT_BUS_NAME, AWS_REGION, LOCAL_DATA_DIR } = config();
  sink = EVENT_BUS_NAME ? new EventBridgeSink(new EventBridgeClient({ region: AWS_REGION }), EVENT_BUS_NAME) : localEventBus(LOCAL_DATA_DIR);
  return sink;
}
