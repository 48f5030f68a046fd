// schema.org Event JSON-LD of an opportunity: one Event per shift (maximum/remaining capacity, age range, status).
import { EYP_TOPIC_CODES, type OpportunityView } from './types.js';

const STATUS = { published: 'EventScheduled', full: 'EventScheduled', closed: 'EventScheduled', cancelled: 'EventCancelled', draft: 'EventScheduled' } as const;

export function jsonLdOf(o: OpportunityView, url: string): Record<string, unknown>[] {
  return o.shifts.map((s) => ({
    '@context': 'https://schema.org', '@type': 'Event', '@id': `${url}#shift-${s.index}`, url,
    name: o.title.lv, description: o.description.lv, inLanguage: 'lv',
    startDate: s.start, endDate: new Date(Date.parse(s.start) + s.durationMinutes * 60_000).toISOString(),
    eventStatus: `https://schema.org/${s.cancelled ? 'EventCancelled' : STATUS[o.status]}`,
    eventAttendanceMode: `https://schema.org/${o.place.type === 'online' ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode'}`,
    location: o.place.type === 'online'
      ? { '@type': 'VirtualLocation', ...(o.place.url ? { url: o.place.url } : {}) }
      : { '@type': 'Place', address: o.place.address, ...(o.place.coordinates ? { geo: { '@type': 'GeoCoordinates', latitude: o.place.coordinates.lat, longitude: o.place.coordinates.lon } } : {}) },
    maximumAttendeeCapacity: s.places, remainingAttendeeCapacity: s.remainingPlaces,
    typicalAgeRange: `${o.ageRange.min}-${o.ageRange.max}`, isAccessibleForFree: true,
    organizer: { '@type': 'Organization', name: o.contact.name, ...(o.contact.email ? { email: o.contact.email } : {}) },
    keywords: o.topics.join(', '),
    // the topics the European Youth Portal has a code for, as terms of its set (other sites can match them)
    ...(topicTerms(o).length > 0 ? { about: topicTerms(o) } : {}),
  }));
}

/** The European Youth Portal's topic set, named by the portal's page that lists them. */
export const EYP_TOPIC_SET = 'https://youth.europa.eu/solidarity/topics_en';

function topicTerms(o: Pick<OpportunityView, 'topics'>): Record<string, string>[] {
  return o.topics.flatMap((t) => {
    const term = EYP_TOPIC_CODES[t];
    return term ? [{ '@type': 'DefinedTerm', termCode: term.code, name: term.label, inDefinedTermSet: EYP_TOPIC_SET }] : [];
  });
}
