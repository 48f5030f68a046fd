// The youth house's emails to young people: a place offered from the waitlist, the reminder before a shift, and a
// cancelled opportunity. Latvian first, English below, like every email of the platform.
import type { Opportunity, SignUp } from './types.js';

const LOCALE = { lv: 'lv-LV', en: 'en-GB' } as const;
type Lang = keyof typeof LOCALE;

/** A shift's start (or any instant) as a Riga wall-clock date and time, e.g. "2026. gada 10. marts 10:00". */
export function rigaWhen(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Riga' }).format(new Date(iso));
}

/**
 * A deadline after "līdz" / "by": Latvian needs the dative of a spelled-out month, so it gets the numeric form
 * ("līdz 04.12.2026. plkst. 10:33"); English reads "by 4 December 2026, 10:33".
 */
export function rigaDeadline(iso: string, lang: Lang): string {
  if (lang === 'en') return rigaWhen(iso, 'en').replace(' at ', ', ');
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year}. plkst. ${parts.hour}:${parts.minute}`;
}

const placeOf = (o: Opportunity, lang: Lang) => (o.place.type === 'address' ? o.place.address : `${lang === 'lv' ? 'tiešsaistē' : 'online'}${o.place.url ? ` (${o.place.url})` : ''}`);
const titleOf = (o: Opportunity, lang: Lang) => (lang === 'en' ? o.title.en ?? o.title.lv : o.title.lv);

function shiftLines(o: Opportunity, s: SignUp, lang: Lang): string[] {
  const shift = o.shifts[s.shift]!;
  const minutes = shift.durationMinutes;
  const length = `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return lang === 'lv'
    ? [`  ${titleOf(o, 'lv')}`, `  Laiks: ${rigaWhen(shift.start, 'lv')} (${length})`, `  Vieta: ${placeOf(o, 'lv')}`, `  Kontakts: ${o.contact.name}${o.contact.email ? `, ${o.contact.email}` : ''}${o.contact.phone ? `, ${o.contact.phone}` : ''}`]
    : [`  ${titleOf(o, 'en')}`, `  When: ${rigaWhen(shift.start, 'en')} (${length})`, `  Where: ${placeOf(o, 'en')}`, `  Contact: ${o.contact.name}${o.contact.email ? `, ${o.contact.email}` : ''}${o.contact.phone ? `, ${o.contact.phone}` : ''}`];
}

export interface Email {
  subject: string;
  text: string;
}

/** The place offered from the waitlist, with the link that confirms or declines it and its deadline. */
export function offerEmail(o: Opportunity, s: SignUp, linkUrl: string): Email {
  const deadline = s.offer!.expiresAt;
  const text = [
    'Labdien!', '', 'Jūs bijāt rindā, un tagad ir atbrīvojusies vieta:', ...shiftLines(o, s, 'lv'), '',
    `Lūdzu, apstipriniet vai atsakieties līdz ${rigaDeadline(deadline, 'lv')}. Ja neatbildēsiet, vieta tiks piedāvāta nākamajam rindā.`,
    `Atbildēt: ${linkUrl}?lang=lv`, '', '---', '',
    'Hello! You were on the waitlist, and a place is now free:', ...shiftLines(o, s, 'en'), '',
    `Please confirm or decline by ${rigaDeadline(deadline, 'en')}. Without an answer the place goes to the next in line.`,
    `Answer: ${linkUrl}?lang=en`,
  ].join('\n');
  return { subject: `Jums piedāvāta vieta: ${titleOf(o, 'lv')} / A place for you`, text };
}

export function reminderEmail(o: Opportunity, s: SignUp): Email {
  const text = [
    'Labdien!', '', 'Atgādinām par jūsu pieteikumu:', ...shiftLines(o, s, 'lv'), '',
    'Ja nevarat ierasties, lūdzu, atsauciet pieteikumu platformā, lai vietu varētu piedāvāt nākamajam rindā.', '', '---', '',
    'Hello! A reminder that you are signed up for:', ...shiftLines(o, s, 'en'), '',
    'If you cannot come, please cancel your sign-up in the platform so the place goes to the next in line.',
  ].join('\n');
  return { subject: `Atgādinājums: ${titleOf(o, 'lv')} / Reminder`, text };
}

export function cancellationEmail(o: Opportunity, s: SignUp): Email {
  const text = [
    'Labdien!', '', 'Diemžēl organizators ir atcēlis šo iespēju, kurai jums bija pieteikums vai vieta rindā:', ...shiftLines(o, s, 'lv'), '',
    'Jums nekas nav jādara. Citas iespējas atradīsiet pašvaldības jauniešu mājā.', '', '---', '',
    'Hello! Unfortunately the organiser cancelled this opportunity you were signed up or waitlisted for:', ...shiftLines(o, s, 'en'), '',
    "You need not do anything. You will find other opportunities in the municipality's youth house.",
  ].join('\n');
  return { subject: `Atcelts: ${titleOf(o, 'lv')} / Cancelled`, text };
}
