// The pages of a guardian's consent link: the consent text with its form, the given consent with its withdraw form, and every outcome.
import { consentText } from '../domain/hours/consent.js';
import type { ConsentPage } from '../domain/hours/use-cases/guardian-consent.js';
import type { Lang } from '../http/language.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

const T = {
  lv: {
    title: 'Likumiskā pārstāvja piekrišana',
    ask: 'Piekrišana brīvprātīgajam darbam', askNote: 'Lūdzu, izlasiet, kam piekrītat. Nekas netiek saglabāts, kamēr nenospiežat pogu.',
    facts: 'Dati', volunteer: 'Jaunietis', birthDate: 'Dzimšanas datums', guardian: 'Likumiskais pārstāvis', relation: 'Saistība', municipality: 'Pašvaldība',
    relations: { parent: 'vecāks', guardian: 'aizbildnis', 'other-legal-representative': 'cits likumiskais pārstāvis' } as Record<string, string>,
    text: 'Piekrišanas teksts', give: 'Piekrītu', textChanged: 'Piekrišanas teksts ir mainījies kopš lapas atvēršanas. Izlasiet to vēlreiz un apstipriniet.',
    given: 'Piekrišana saņemta', givenNow: 'Paldies — piekrišana saglabāta.', givenOn: (d: string) => `Piekrišana dota ${d}.`,
    withdrawTitle: 'Atsaukt piekrišanu', withdrawNote: 'Pēc atsaukšanas jaunietis nevarēs reģistrēt jaunas stundas un pieteikties jauniem darbiem; koordinators redzēs atsaukumu.',
    withdraw: 'Atsaukt piekrišanu',
    withdrawn: 'Piekrišana atsaukta', withdrawnOn: (d: string) => `Piekrišana atsaukta ${d}. Jaunas stundas un pieteikumi netiek pieņemti.`,
    invalid: 'Saite nav derīga', invalidNote: 'Šī saite nav pilnīga vai ir mainīta. Atveriet to vēlreiz no e-pasta.',
    expired: 'Saitei beidzies derīguma termiņš', expiredNote: 'Piekrišanas saites ir derīgas 7 dienas. Palūdziet jaunietim nosūtīt jaunu lūgumu vai sazinieties ar pašvaldības jaunatnes darbinieku.',
    superseded: 'Saite vairs nav spēkā', supersededNote: 'Ir nosūtīta jaunāka saite vai pašvaldība reģistrējusi rakstisku piekrišanu. Izmantojiet jaunāko e-pastu.',
  },
  en: {
    title: "Legal representative's consent",
    ask: 'Consent to volunteering', askNote: 'Please read what you consent to. Nothing is recorded until you press the button.',
    facts: 'Details', volunteer: 'Young person', birthDate: 'Date of birth', guardian: 'Legal representative', relation: 'Relation', municipality: 'Municipality',
    relations: { parent: 'parent', guardian: 'guardian', 'other-legal-representative': 'other legal representative' } as Record<string, string>,
    text: 'Consent text', give: 'I consent', textChanged: 'The consent text changed since the page was opened. Read it again and confirm.',
    given: 'Consent received', givenNow: 'Thank you — the consent is recorded.', givenOn: (d: string) => `Consent was given on ${d}.`,
    withdrawTitle: 'Withdraw consent', withdrawNote: 'After a withdrawal the young person cannot log new hours or sign up for new work; the coordinator sees the withdrawal.',
    withdraw: 'Withdraw consent',
    withdrawn: 'Consent withdrawn', withdrawnOn: (d: string) => `Consent was withdrawn on ${d}. No new hours or sign-ups are accepted.`,
    invalid: 'This link is not valid', invalidNote: 'The link is incomplete or was changed. Open it again from the email.',
    expired: 'This link has expired', expiredNote: 'Consent links work for 7 days. Ask the young person to send a new request, or contact the municipality’s youth worker.',
    superseded: 'This link is no longer valid', supersededNote: 'A newer link was sent, or the municipality recorded a written consent. Use the latest email.',
  },
} as const;

const LOCALE = { lv: 'lv-LV', en: 'en-GB' } as const;
const when = (iso: string, lang: Lang) => new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Riga' }).format(new Date(iso));

/** HTTP status of a page state: 200 for the forms and outcomes, else what went wrong. */
export function consentPageStatus(page: ConsentPage): number {
  return { ask: page.state === 'ask' && page.problem ? 409 : 200, given: 200, withdrawn: 200, invalid: 404, expired: 410, superseded: 410 }[page.state];
}

export function renderConsentPage(page: ConsentPage, lang: Lang, selfPath: string): string {
  const t = T[lang];
  const banner = (kind: string, title: string, note: string) => html`<section class="banner ${kind}" role="status"><h1>${title}</h1><p>${note}</p></section>`;
  let body: SafeHtml;
  switch (page.state) {
    case 'ask': {
      const f = page.facts;
      body = html`<h1>${t.ask}</h1><p>${t.askNote}</p>
${page.problem ? html`<p class="banner revoked" role="alert">${t.textChanged}</p>` : ''}
<section class="card" aria-labelledby="facts"><h2 id="facts">${t.facts}</h2><dl>
<dt>${t.volunteer}</dt><dd>${f.volunteerName}</dd><dt>${t.birthDate}</dt><dd>${f.birthDate}</dd>
<dt>${t.guardian}</dt><dd>${f.guardianName}</dd><dt>${t.relation}</dt><dd>${t.relations[page.record.guardian.relation]}</dd>
<dt>${t.municipality}</dt><dd>${f.municipalityName[lang]}</dd></dl></section>
<h2 id="text">${t.text}</h2>
<section class="card" aria-labelledby="text">${consentText(f, lang).map((p) => html`<p>${p}</p>`)}</section>
<form method="post" action="${selfPath}">
<input type="hidden" name="csrf" value="${page.csrf}">
<input type="hidden" name="action" value="give">
<input type="hidden" name="textSha256" value="${page.textSha256[lang]}">
<p><button type="submit">${t.give}</button></p>
</form>`;
      break;
    }
    case 'given':
      body = html`${banner('valid', t.given, page.justNow ? t.givenNow : t.givenOn(when(page.record.givenAt ?? page.record.updatedAt, lang)))}
<section class="card" aria-labelledby="withdraw"><h2 id="withdraw">${t.withdrawTitle}</h2><p>${t.withdrawNote}</p>
<form method="post" action="${selfPath}">
<input type="hidden" name="csrf" value="${page.csrf}">
<input type="hidden" name="action" value="withdraw">
<p><button type="submit">${t.withdraw}</button></p>
</form></section>`;
      break;
    case 'withdrawn': body = banner('revoked', t.withdrawn, t.withdrawnOn(when(page.record.withdrawnAt ?? page.record.updatedAt, lang))); break;
    case 'invalid': body = banner('unknown', t.invalid, t.invalidNote); break;
    case 'expired': body = banner('unknown', t.expired, t.expiredNote); break;
    case 'superseded': body = banner('unknown', t.superseded, t.supersededNote); break;
  }
  const other = lang === 'lv' ? 'en' : 'lv';
  return layout({ lang, title: t.title, otherLanguageHref: `${selfPath.split('?')[0]}?lang=${other}`, body });
}
