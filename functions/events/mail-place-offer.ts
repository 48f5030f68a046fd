// EventBridge rule target: PlaceOffered → the offer's email with its link at once (the sweep sends what this misses).
import { mailPlaceOffer } from '../../lib/domain/youth-house/notifications.js';
import type { DomainEvent } from '../../lib/domain/events.js';
import type { SignUpEventDetail } from '../../lib/domain/youth-house/events.js';
import { reactTo } from '../../lib/events/from-eventbridge.js';
import { logger } from '../../lib/http/logger.js';
import { offerMailDeps } from '../../lib/wiring/youth-house-sweep.js';

const deps = offerMailDeps();

export const handler = reactTo<DomainEvent<'PlaceOffered', SignUpEventDetail>>('PlaceOffered', (event) => mailPlaceOffer(deps, event), logger);
