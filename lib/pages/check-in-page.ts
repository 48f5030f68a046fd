// The pages of check-in at the venue: the venue display (the current code and its QR on the supervisor's screen,
// reloading itself when the code changes) and the check-in page the QR opens (the shift and a sign-in form).
import { rigaDeadline, rigaWhen } from '../domain/clock.js';
import type { CheckInPage, CheckInProblem, VenuePage } from '../domain/youth-house/check-in-pages.js';
import { checkInPagePath } from '../domain/youth-house/check-in-code.js';
import { shiftFacts } from '../domain/youth-house/shift-facts.js';
import type { Opportunity } from '../domain/youth-house/types.js';
import type { Lang } from '../http/language.js';
import { html, trusted, type SafeHtml } from './html.js';
import { layout } from './layout.js';

const T = {
  lv: {
    venueTitle: 'Ierašanās reģistrācija', scan: 'Noskenējiet kodu ar tālruni, lai reģistrētu ierašanos',
    orType: (url: string) => `vai atveriet ${url} un ievadiet kodu`, changes: (t: string) => `Kods mainās ik pēc 2 minūtēm (nākamais kods plkst. ${t}). Lapa atjaunojas pati.`,
    notYet: 'Reģistrācija vēl nav sākusies', notYetNote: (t: string) => `Ierašanos var reģistrēt no ${t}.`, reloads: 'Lapa atjaunosies pati.',
    ended: 'Reģistrācija ir beigusies', endedNote: 'Maiņa ir beigusies vai atcelta.', endedForYouth: 'Maiņa ir beigusies vai atcelta. Ja tajā piedalījāties, sazinieties ar vadītāju.',
    invalid: 'Saite nav derīga', invalidNote: 'Šī saite nav pilnīga vai ir mainīta.',
    shift: 'Maiņa', opportunity: 'Iespēja', when: 'Laiks', where: 'Vieta',
    checkInTitle: 'Reģistrēt ierašanos', checkInNote: 'Pierakstieties ar sava konta e-pastu un paroli. Ierašanās tiks reģistrēta šai maiņai, un stundas nonāks jūsu žurnālā apstiprināšanai.',
    code: 'Kods (6 cipari, redzams uz ekrāna)', email: 'E-pasts', password: 'Parole', submit: 'Reģistrēt ierašanos',
    done: 'Ierašanās reģistrēta', doneNote: (h: string) => `Paldies! Jūsu brīvprātīgā darba žurnālā ierakstīts laiks ${h}; tas gaida vadītāja apstiprinājumu.`,
    doneApproved: (h: string) => `Paldies! Jūsu brīvprātīgā darba žurnālā ierakstīts un apstiprināts laiks ${h}.`,
    doneNoHours: 'Paldies! Šī maiņa stundas žurnālā neieskaita.', again: 'Jūsu ierašanās jau bija reģistrēta.',
    hours: (m: number) => `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`,
    problems: {
      credentials: 'E-pasts vai parole nav pareiza.',
      challenge: 'Šim kontam ir ieslēgts otrs faktors vai jāiestata jauna parole, ko šī lapa nepiedāvā. Reģistrējiet ierašanos lietotnē.',
      identity: 'Kontam trūkst pašvaldības vai lomas. Sazinieties ar koordinatoru.',
      busy: 'Pārāk daudz mēģinājumu. Pagaidiet mirkli un mēģiniet vēlreiz.',
      'not-youth': 'Ierašanos reģistrē jaunietis ar savu kontu; vadītāji to atzīmē sarakstā.',
      'not-signed-up': 'Jums nav pieteikuma šai maiņai.',
      form: 'Ievadiet 6 ciparu kodu, e-pastu un paroli.',
    },
  },
  en: {
    venueTitle: 'Check-in', scan: 'Scan the code with your phone to check in',
    orType: (url: string) => `or open ${url} and enter the code`, changes: (t: string) => `The code changes every 2 minutes (the next one at ${t}). The page reloads itself.`,
    notYet: 'Check-in has not started yet', notYetNote: (t: string) => `Check-in opens on ${t}.`, reloads: 'The page reloads itself.',
    ended: 'Check-in has ended', endedNote: 'The shift has ended or was cancelled.', endedForYouth: 'The shift has ended or was cancelled. If you took part in it, please contact the supervisor.',
    invalid: 'This link is not valid', invalidNote: 'The link is incomplete or was changed.',
    shift: 'Shift', opportunity: 'Opportunity', when: 'When', where: 'Where',
    checkInTitle: 'Check in', checkInNote: 'Sign in with your account\'s email and password. You are checked in for this shift and the hours go to your logbook for confirmation.',
    code: 'Code (6 digits, shown on the screen)', email: 'Email', password: 'Password', submit: 'Check in',
    done: 'Checked in', doneNote: (h: string) => `Thank you! ${h} has been added to your volunteer logbook and awaits the supervisor's confirmation.`,
    doneApproved: (h: string) => `Thank you! ${h} has been added to your volunteer logbook and approved.`,
    doneNoHours: 'Thank you! This shift credits no hours to the logbook.', again: 'You had already checked in.',
    hours: (m: number) => `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`,
    problems: {
      credentials: 'The email or password is not correct.',
      challenge: 'This account has a second factor on or must set a new password, which this page does not offer. Please check in in the app.',
      identity: 'The account lacks a municipality or a role. Please contact the coordinator.',
      busy: 'Too many attempts. Wait a moment and try again.',
      'not-youth': 'Young people check in with their own account; supervisors mark attendance on the roster.',
      'not-signed-up': 'You have not signed up for this shift.',
      form: 'Enter the 6-digit code, your email and your password.',
    },
  },
} as const;

const other = (lang: Lang) => (lang === 'lv' ? 'en' : 'lv');
const timeOf = (iso: string, lang: Lang) => rigaWhen(iso, lang).split(' ').at(-1)!;
/** After "no" Latvian needs the genitive of a spelled-out month: the numeric form ("no 01.06.2026. plkst. 12:30"). */
const opensAt = (at: Date, lang: Lang) => (lang === 'lv' ? rigaDeadline(at.toISOString(), 'lv') : rigaWhen(at.toISOString(), 'en'));

function shiftCard(o: Opportunity, shift: number, lang: Lang): SafeHtml {
  const t = T[lang];
  const f = shiftFacts(o, { shift }, lang);
  return html`<section class="card" aria-labelledby="shift"><h2 id="shift">${t.shift}</h2><dl>
<dt>${t.opportunity}</dt><dd>${f.title}</dd>
<dt>${t.when}</dt><dd>${f.when} (${f.length})</dd>
<dt>${t.where}</dt><dd>${f.where}</dd></dl></section>`;
}

/** HTTP status of a venue display state. */
export function venuePageStatus(page: VenuePage): number {
  return { show: 200, 'not-yet': 200, ended: 410, invalid: 404 }[page.state];
}

/**
 * The venue display. `qrSvg` renders the QR of the page's check-in URL (an SVG document of this code base's own
 * encoder, never input); the page reloads one second after the code's step ends.
 */
export function renderVenuePage(page: VenuePage, lang: Lang, selfPath: string, now: Date, qrSvg: (text: string) => string): string {
  const t = T[lang];
  const banner = (title: string, note: string) => html`<section class="banner unknown" role="status"><h1>${title}</h1><p>${note}</p></section>`;
  let body: SafeHtml;
  let refreshSeconds: number | undefined;
  switch (page.state) {
    case 'show': {
      const pageUrl = page.checkInUrl.split('?')[0]!;
      body = html`<h1>${t.scan}</h1>
<div class="qr" role="img" aria-label="QR">${trusted(qrSvg(page.checkInUrl))}</div>
<p class="big code" data-code>${page.code.code}</p>
<p class="note">${t.orType(pageUrl)}</p>
<p class="note">${t.changes(timeOf(page.code.validUntil, lang))}</p>
${shiftCard(page.opportunity, page.shift, lang)}`;
      refreshSeconds = (Date.parse(page.code.validUntil) - now.getTime()) / 1000 + 1;
      break;
    }
    case 'not-yet':
      body = html`${banner(t.notYet, `${t.notYetNote(opensAt(page.opens, lang))} ${t.reloads}`)}${shiftCard(page.opportunity, page.shift, lang)}`;
      // reload at the opening, but at least every 10 minutes (a screen left on all day)
      refreshSeconds = Math.min((page.opens.getTime() - now.getTime()) / 1000 + 1, 600);
      break;
    case 'ended': body = html`${banner(t.ended, t.endedNote)}${shiftCard(page.opportunity, page.shift, lang)}`; break;
    case 'invalid': body = banner(t.invalid, t.invalidNote); break;
  }
  return layout({ lang, title: t.venueTitle, otherLanguageHref: `${selfPath.split('?')[0]}?lang=${other(lang)}`, body, ...(refreshSeconds ? { refreshSeconds } : {}) });
}

/**
 * HTTP status of a check-in page state: the form and the outcome 200, the form with a refusal 422 (429 when
 * throttled), not open yet 200, ended 410, an unknown shift 404.
 */
export function checkInPageStatus(page: CheckInPage): number {
  if (page.state === 'invalid') return 404;
  if (page.state === 'ended') return 410;
  if (page.state === 'ask' && page.problem) return page.problem.kind === 'busy' ? 429 : 422;
  return 200;
}

function problemText(problem: CheckInProblem, lang: Lang): string {
  return problem.kind === 'rule' ? problem.title[lang] : T[lang].problems[problem.kind];
}

export function renderCheckInPage(page: CheckInPage, lang: Lang): string {
  const t = T[lang];
  if (page.state === 'invalid') {
    const body = html`<section class="banner unknown" role="status"><h1>${t.invalid}</h1><p>${t.invalidNote}</p></section>`;
    return layout({ lang, title: t.checkInTitle, otherLanguageHref: `?lang=${other(lang)}`, body });
  }
  const base = checkInPagePath(page.opportunity.id, page.shift);
  let body: SafeHtml;
  if (page.state === 'not-yet' || page.state === 'ended') {
    const [title, note] = page.state === 'ended' ? [t.ended, t.endedForYouth] : [t.notYet, t.notYetNote(opensAt(page.opens, lang))];
    body = html`<section class="banner unknown" role="status"><h1>${title}</h1><p>${note}</p></section>
${shiftCard(page.opportunity, page.shift, lang)}`;
    return layout({ lang, title: t.checkInTitle, otherLanguageHref: `${base}?lang=${other(lang)}`, body });
  }
  if (page.state === 'checked-in') {
    const { entry, replayed } = page.result;
    const hours = entry ? t.hours(entry.minutes) : '';
    const note = !entry ? t.doneNoHours : entry.state === 'approved' ? t.doneApproved(hours) : t.doneNote(hours);
    body = html`<section class="banner valid" role="status"><h1>${t.done}</h1><p>${replayed ? t.again : note}</p></section>
${shiftCard(page.opportunity, page.shift, lang)}`;
  } else {
    const action = `${base}?lang=${lang}`;
    body = html`<h1>${t.checkInTitle}</h1>
${page.problem ? html`<section class="banner revoked" role="alert"><p>${problemText(page.problem, lang)}</p></section>` : ''}
${shiftCard(page.opportunity, page.shift, lang)}
<form method="post" action="${action}">
<p class="note">${t.checkInNote}</p>
<label for="code">${t.code}</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required value="${page.code}">
<label for="email">${t.email}</label><input id="email" name="email" type="email" autocomplete="username" required value="${page.email ?? ''}">
<label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button type="submit">${t.submit}</button></p>
</form>`;
  }
  const code = page.state === 'ask' && page.code ? `&code=${page.code}` : '';
  return layout({ lang, title: t.checkInTitle, otherLanguageHref: `${base}?lang=${other(lang)}${code}`, body });
}
