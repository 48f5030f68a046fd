// The pages of a supervisor's decision link: the confirmation form (POST only decides) and every outcome.
import type { LinkPage } from '../domain/hours/use-cases/decision-links.js';
import type { HourEntry } from '../domain/hours/types.js';
import type { Lang } from '../http/language.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

const T = {
  lv: {
    title: 'Stundu apstiprināšana', entry: 'Ieraksts', volunteer: 'Brīvprātīgais', date: 'Datums', minutes: 'Ilgums (min)',
    activity: 'Darbība', institution: 'Iestāde',
    confirm: { approve: 'Apstiprināt stundas?', 'approve-fewer': 'Apstiprināt mazāk stundu?', reject: 'Noraidīt ierakstu?' },
    button: { approve: 'Apstiprināt', 'approve-fewer': 'Apstiprināt norādīto ilgumu', reject: 'Noraidīt' },
    approvedMinutes: 'Apstiprināmās minūtes (15 minūšu solī)', comment: 'Pamatojums',
    note: 'Nekas netiek mainīts, kamēr nenospiežat pogu. Saite ir derīga vienu reizi.',
    done: 'Paldies — lēmums saglabāts', doneNote: (s: string) => `Ieraksts tagad ir: ${s}.`,
    states: { approved: 'apstiprināts', rejected: 'noraidīts', pending: 'gaida', reversed: 'atcelts' } as Record<string, string>,
    invalid: 'Saite nav derīga', invalidNote: 'Šī saite nav pilnīga vai ir mainīta. Atveriet to vēlreiz no e-pasta vai izskatiet ierakstus platformā.',
    expired: 'Saitei beidzies derīguma termiņš', expiredNote: 'Saites ir derīgas 14 dienas. Nākamajā e-pastā būs jaunas saites, vai izskatiet ierakstu platformā.',
    used: 'Saite jau izmantota', usedNote: 'Katra saite darbojas vienu reizi. Lēmums jau ir saglabāts.',
    decided: 'Ieraksts jau izskatīts', decidedNote: (s: string) => `Kāds jau pieņēma lēmumu: ${s}. Nekas netika mainīts.`,
    revoked: 'Saite vairs nav spēkā', revokedNote: 'Jūs vairs nevarat izskatīt šo ierakstu (piemēram, jūs vairs neesat piesaistīts iestādei). Sazinieties ar koordinatoru.',
  },
  en: {
    title: 'Approving hours', entry: 'Entry', volunteer: 'Volunteer', date: 'Date', minutes: 'Duration (min)',
    activity: 'Activity', institution: 'Institution',
    confirm: { approve: 'Approve these hours?', 'approve-fewer': 'Approve fewer hours?', reject: 'Reject this entry?' },
    button: { approve: 'Approve', 'approve-fewer': 'Approve this duration', reject: 'Reject' },
    approvedMinutes: 'Minutes to approve (15-minute steps)', comment: 'Reason',
    note: 'Nothing changes until you press the button. The link works once.',
    done: 'Thank you — the decision is saved', doneNote: (s: string) => `The entry is now ${s}.`,
    states: { approved: 'approved', rejected: 'rejected', pending: 'pending', reversed: 'reversed' } as Record<string, string>,
    invalid: 'This link is not valid', invalidNote: 'The link is incomplete or was changed. Open it again from the email, or review the entries in the platform.',
    expired: 'This link has expired', expiredNote: 'Links work for 14 days. The next email brings new ones, or review the entry in the platform.',
    used: 'This link was already used', usedNote: 'Each link works once. The decision is already saved.',
    decided: 'This entry was already decided', decidedNote: (s: string) => `Someone already decided it: ${s}. Nothing was changed.`,
    revoked: 'This link is no longer valid', revokedNote: 'You can no longer decide this entry (for example, you are no longer assigned to the institution). Contact the coordinator.',
  },
} as const;

function entryFacts(e: HourEntry, lang: Lang): SafeHtml {
  const t = T[lang];
  return html`<section class="card" aria-labelledby="entry"><h2 id="entry">${t.entry}</h2><dl>
<dt>${t.volunteer}</dt><dd>${e.volunteerName}</dd><dt>${t.date}</dt><dd>${e.date}</dd><dt>${t.minutes}</dt><dd>${e.minutes}</dd>
<dt>${t.activity}</dt><dd>${e.activity}</dd><dt>${t.institution}</dt><dd>${e.institutionName}</dd></dl></section>`;
}

/** HTTP status of a page state: 200 for the form and success, else what went wrong. */
export function decisionPageStatus(page: LinkPage): number {
  return { confirm: page.state === 'confirm' && page.problem ? 422 : 200, done: 200, invalid: 404, expired: 410, used: 409, decided: 409, revoked: 403 }[page.state];
}

export function renderDecisionPage(page: LinkPage, lang: Lang, selfPath: string): string {
  const t = T[lang];
  const banner = (kind: string, title: string, note: string) => html`<section class="banner ${kind}" role="status"><h1>${title}</h1><p>${note}</p></section>`;
  let body: SafeHtml;
  switch (page.state) {
    case 'confirm': {
      const action = page.link.action;
      body = html`<h1>${t.confirm[action]}</h1>${entryFacts(page.entry, lang)}
${page.problem ? html`<p class="banner revoked" role="alert">${page.problem.message[lang]}</p>` : ''}
<form method="post" action="${selfPath}" class="card">
<input type="hidden" name="csrf" value="${page.csrf}">
${action === 'approve-fewer' ? html`<p><label for="approvedMinutes">${t.approvedMinutes}</label><br><input id="approvedMinutes" name="approvedMinutes" type="number" min="15" max="1440" step="15" inputmode="numeric" required></p>` : ''}
${action !== 'approve' ? html`<p><label for="comment">${t.comment}</label><br><textarea id="comment" name="comment" rows="3" maxlength="1000" required></textarea></p>` : ''}
<p><button type="submit">${t.button[action]}</button></p>
<p class="note">${t.note}</p>
</form>`;
      break;
    }
    case 'done': body = html`${banner('valid', t.done, t.doneNote(t.states[page.entry.state] ?? page.entry.state))}${entryFacts(page.entry, lang)}`; break;
    case 'invalid': body = banner('unknown', t.invalid, t.invalidNote); break;
    case 'expired': body = banner('unknown', t.expired, t.expiredNote); break;
    case 'used': body = banner('unknown', t.used, t.usedNote); break;
    case 'decided': body = html`${banner('unknown', t.decided, t.decidedNote(t.states[page.entry.state] ?? page.entry.state))}`; break;
    case 'revoked': body = banner('revoked', t.revoked, t.revokedNote); break;
  }
  const other = lang === 'lv' ? 'en' : 'lv';
  return layout({ lang, title: t.title, otherLanguageHref: `${selfPath.split('?')[0]}?lang=${other}`, body });
}
