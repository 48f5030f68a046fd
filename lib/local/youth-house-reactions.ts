// Local stand-in for the youth house's EventBridge rule: the local bus delivers PlaceOffered to the same reaction.
import type { DomainEvent } from '../domain/events.js';
import type { SignUpEventDetail } from '../domain/youth-house/events.js';
import { mailPlaceOffer, type OfferMailDeps } from '../domain/youth-house/notifications.js';
import type { LocalEventBus } from './event-bus.js';

export function subscribeYouthHouseReactions(bus: LocalEventBus, deps: () => OfferMailDeps): () => void {
  return bus.subscribe<DomainEvent<'PlaceOffered', SignUpEventDetail>>('PlaceOffered', (e) => mailPlaceOffer(deps(), e));
}
