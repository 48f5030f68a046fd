// What a young person is told about the shift they signed up for, in the emails and on the offer page alike:
// the opportunity's title, when (Riga wall-clock) and for how long, where, and whom to contact.
import { rigaWhen } from '../clock.js';
import type { Opportunity, SignUp } from './types.js';

export interface ShiftFacts {
  title: string;
  /** e.g. "2026. gada 10. marts 10:00" / "10 March 2026 at 10:00" */
  when: string;
  /** e.g. "1 h 30 min" */
  length: string;
  where: string;
  contact: string;
}

export function shiftFacts(o: Opportunity, s: Pick<SignUp, 'shift'>, lang: 'lv' | 'en'): ShiftFacts {
  const shift = o.shifts[s.shift]!;
  const minutes = shift.durationMinutes;
  return {
    title: lang === 'en' ? o.title.en ?? o.title.lv : o.title.lv,
    when: rigaWhen(shift.start, lang),
    length: `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`,
    where: o.place.type === 'address' ? o.place.address : `${lang === 'lv' ? 'tiešsaistē' : 'online'}${o.place.url ? ` (${o.place.url})` : ''}`,
    contact: [o.contact.name, o.contact.email, o.contact.phone].filter(Boolean).join(', '),
  };
}
