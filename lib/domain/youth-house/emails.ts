// The youth house's emails to young people: a place offered from the waitlist, the reminder before a shift, a
// cancelled opportunity and a changed one. Latvian first, English below, like every email of the platform.
import { rigaDeadline } from '../clock.js';
import { shiftFacts } from './shift-facts.js';
import type { NoticeField, Opportunity, SignUp } from './types.js';

type Lang = 'lv' | 'en';

function shiftLines(o: Opportunity, s: SignUp, lang: Lang): string[] {
  const f = shiftFacts(o, s, lang);
  return lang === 'lv'
    ? [`  ${f.title}`, `  Laiks: ${f.when} (${f.length})`, `  Vieta: ${f.where}`, `  Kontakts: ${f.contact}`]
    : [`  ${f.title}`, `  When: ${f.when} (${f.length})`, `  Where: ${f.where}`, `  Contact: ${f.contact}`];
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
  return { subject: `Jums piedāvāta vieta: ${o.title.lv} / A place for you`, text };
}

export function reminderEmail(o: Opportunity, s: SignUp): Email {
  const text = [
    'Labdien!', '', 'Atgādinām par jūsu pieteikumu:', ...shiftLines(o, s, 'lv'), '',
    'Ja nevarat ierasties, lūdzu, atsauciet pieteikumu platformā, lai vietu varētu piedāvāt nākamajam rindā.', '', '---', '',
    'Hello! A reminder that you are signed up for:', ...shiftLines(o, s, 'en'), '',
    'If you cannot come, please cancel your sign-up in the platform so the place goes to the next in line.',
  ].join('\n');
  return { subject: `Atgādinājums: ${o.title.lv} / Reminder`, text };
}

/** The opportunity, or only this shift of it (the other shifts go on), was called off. */
export function cancellationEmail(o: Opportunity, s: SignUp): Email {
  const whole = o.status === 'cancelled';
  const text = [
    'Labdien!', '', whole
      ? 'Diemžēl organizators ir atcēlis šo iespēju, kurai jums bija pieteikums vai vieta rindā:'
      : 'Diemžēl organizators ir atcēlis šo maiņu, kurai jums bija pieteikums vai vieta rindā (pārējās maiņas notiek kā paredzēts):',
    ...shiftLines(o, s, 'lv'), '',
    'Jums nekas nav jādara. Citas iespējas atradīsiet pašvaldības jauniešu mājā.', '', '---', '',
    whole
      ? 'Hello! Unfortunately the organiser cancelled this opportunity you were signed up or waitlisted for:'
      : 'Hello! Unfortunately the organiser cancelled this shift you were signed up or waitlisted for (the other shifts go ahead as planned):',
    ...shiftLines(o, s, 'en'), '',
    "You need not do anything. You will find other opportunities in the municipality's youth house.",
  ].join('\n');
  return { subject: `${whole ? 'Atcelts' : 'Atcelta maiņa'}: ${o.title.lv} / ${whole ? 'Cancelled' : 'Shift cancelled'}`, text };
}

const NOTICE_NAMES: Record<Lang, Record<NoticeField, string>> = {
  lv: { title: 'nosaukums', place: 'vieta', contact: 'kontaktpersona', creditedMinutesPerShift: 'ieskaitāmās stundas' },
  en: { title: 'title', place: 'place', contact: 'contact', creditedMinutesPerShift: 'hours credited' },
};

function creditedLine(o: Opportunity, lang: Lang): string {
  const m = o.creditedMinutesPerShift;
  const amount = `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  return lang === 'lv' ? `  Ieskaitāmās stundas: ${amount}` : `  Hours credited: ${amount}`;
}

/** The organiser changed what someone signed up needs to turn up (NOTICE_FIELDS): what changed, and the facts as they now are. */
export function changeEmail(o: Opportunity, s: SignUp, fields: readonly NoticeField[]): Email {
  const changed = (lang: Lang) => fields.map((f) => NOTICE_NAMES[lang][f]).join(', ');
  const text = [
    'Labdien!', '', `Organizators ir mainījis iespēju, kurai jums ir pieteikums vai vieta rindā (izmaiņas: ${changed('lv')}). Tagad tā ir šāda:`,
    ...shiftLines(o, s, 'lv'), creditedLine(o, 'lv'), '',
    'Jums nekas nav jādara. Ja tā jums vairs neder, lūdzu, atsauciet pieteikumu platformā, lai vietu varētu piedāvāt nākamajam.', '', '---', '',
    `Hello! The organiser changed an opportunity you are signed up or waitlisted for (changed: ${changed('en')}). It now reads:`,
    ...shiftLines(o, s, 'en'), creditedLine(o, 'en'), '',
    'You need not do anything. If it no longer suits you, please cancel your sign-up in the platform so the place goes to the next.',
  ].join('\n');
  return { subject: `Izmaiņas: ${o.title.lv} / Changed`, text };
}
