// The pages of a waitlist offer's link: the shift with its deadline and the confirm / decline forms, and every outcome.
import { rigaDeadline } from '../domain/clock.js';
import type { OfferPage } from '../domain/youth-house/offer-links.js';
import { shiftFacts } from '../domain/youth-house/shift-facts.js';
import type { Opportunity, SignUp } from '../domain/youth-house/types.js';
import type { Lang } from '../http/language.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

const T = {
  lv: {
    title: 'Piedāvātā vieta', ask: 'Jums piedāvāta vieta', askNote: (d: string) => `Vieta tiek turēta jums līdz ${d}. Nekas netiek mainīts, kamēr nenospiežat pogu.`,
    shift: 'Maiņa', opportunity: 'Iespēja', when: 'Laiks', where: 'Vieta', contact: 'Kontakts',
    confirm: 'Apstiprināt dalību', decline: 'Atteikties no vietas', declineNote: 'Ja atsakāties, vieta tiks piedāvāta nākamajam rindā.',
    accepted: 'Dalība apstiprināta', acceptedNow: 'Paldies — jūsu vieta ir apstiprināta. Pirms maiņas saņemsiet atgādinājumu.', acceptedBefore: 'Jūs jau apstiprinājāt šo vietu.',
    declined: 'Jūs atteicāties', declinedNow: 'Paldies par atbildi — vieta tiks piedāvāta nākamajam rindā.', declinedBefore: 'Jūs jau atteicāties no šīs vietas.',
    expired: 'Piedāvājuma termiņš beidzies', expiredNote: 'Jūs neatbildējāt laikā, tāpēc vieta tiek piedāvāta nākamajam rindā. Varat pieteikties citām iespējām.',
    gone: 'Piedāvājums vairs nav spēkā', goneNote: 'Iespēja ir atcelta vai slēgta, vai jūsu pieteikums atsaukts.',
    invalid: 'Saite nav derīga', invalidNote: 'Šī saite nav pilnīga vai ir mainīta. Atveriet to vēlreiz no e-pasta.',
  },
  en: {
    title: 'A place offered', ask: 'A place is offered to you', askNote: (d: string) => `The place is held for you until ${d}. Nothing changes until you press a button.`,
    shift: 'Shift', opportunity: 'Opportunity', when: 'When', where: 'Where', contact: 'Contact',
    confirm: 'Confirm my place', decline: 'Decline the place', declineNote: 'If you decline, the place goes to the next in line.',
    accepted: 'Place confirmed', acceptedNow: 'Thank you — your place is confirmed. You will get a reminder before the shift.', acceptedBefore: 'You already confirmed this place.',
    declined: 'You declined', declinedNow: 'Thank you for answering — the place goes to the next in line.', declinedBefore: 'You already declined this place.',
    expired: 'The offer has expired', expiredNote: 'You did not answer in time, so the place goes to the next in line. You can sign up for other opportunities.',
    gone: 'The offer is no longer valid', goneNote: 'The opportunity was cancelled or closed, or your sign-up was cancelled.',
    invalid: 'This link is not valid', invalidNote: 'The link is incomplete or was changed. Open it again from the email.',
  },
} as const;

/** HTTP status of a page state: 200 for the form and the answers, else what went wrong. */
export function offerPageStatus(page: OfferPage): number {
  return { ask: 200, accepted: 200, declined: 200, expired: 410, gone: 410, invalid: 404 }[page.state];
}

function shiftCard(o: Opportunity, s: SignUp, lang: Lang): SafeHtml {
  const t = T[lang];
  const f = shiftFacts(o, s, lang);
  return html`<section class="card" aria-labelledby="shift"><h2 id="shift">${t.shift}</h2><dl>
<dt>${t.opportunity}</dt><dd>${f.title}</dd>
<dt>${t.when}</dt><dd>${f.when} (${f.length})</dd>
<dt>${t.where}</dt><dd>${f.where}</dd><dt>${t.contact}</dt><dd>${f.contact}</dd></dl></section>`;
}

export function renderOfferPage(page: OfferPage, lang: Lang, selfPath: string): string {
  const t = T[lang];
  const banner = (kind: string, title: string, note: string) => html`<section class="banner ${kind}" role="status"><h1>${title}</h1><p>${note}</p></section>`;
  const form = (csrf: string, action: 'confirm' | 'decline', label: string) => html`<form method="post" action="${selfPath}">
<input type="hidden" name="csrf" value="${csrf}">
<input type="hidden" name="action" value="${action}">
<p><button type="submit">${label}</button></p>
</form>`;
  let body: SafeHtml;
  switch (page.state) {
    case 'ask':
      body = html`<h1>${t.ask}</h1><p>${t.askNote(rigaDeadline(page.signUp.offer!.expiresAt, lang))}</p>
${shiftCard(page.opportunity, page.signUp, lang)}
${form(page.csrf, 'confirm', t.confirm)}
<section class="card" aria-labelledby="decline"><h2 id="decline">${t.decline}</h2><p class="note">${t.declineNote}</p>
${form(page.csrf, 'decline', t.decline)}</section>`;
      break;
    case 'accepted': body = html`${banner('valid', t.accepted, page.justNow ? t.acceptedNow : t.acceptedBefore)}${shiftCard(page.opportunity, page.signUp, lang)}`; break;
    case 'declined': body = banner('unknown', t.declined, page.justNow ? t.declinedNow : t.declinedBefore); break;
    case 'expired': body = banner('unknown', t.expired, t.expiredNote); break;
    case 'gone': body = banner('unknown', t.gone, t.goneNote); break;
    case 'invalid': body = banner('unknown', t.invalid, t.invalidNote); break;
  }
  const other = lang === 'lv' ? 'en' : 'lv';
  return layout({ lang, title: t.title, otherLanguageHref: `${selfPath.split('?')[0]}?lang=${other}`, body });
}
