// The invitee's page: who invites them to what, the password form (twice, the pool's policy), and every outcome.
import { STAFF_ROLE_NAMES } from '../domain/accounts/invitation-mail.js';
import type { InvitationPage } from '../domain/accounts/use-cases/invitation-page.js';
import { rigaDeadline } from '../domain/clock.js';
import type { Lang } from '../http/language.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

const T = {
  lv: {
    title: 'Uzaicinājums', heading: (name: string) => `Labdien, ${name}!`, intro: 'Jūs esat uzaicināts(-a) pievienoties Jaunatnes darba platformai.',
    role: 'Loma', municipality: 'Pašvaldība', institutions: 'Iestādes', email: 'Lietotājvārds (e-pasts)', until: 'Uzaicinājums derīgs līdz',
    choose: 'Izvēlieties paroli', password: 'Parole', confirm: 'Parole vēlreiz', open: 'Atvērt kontu',
    policy: 'Vismaz 12 rakstzīmes: mazie un lielie burti, cipars un simbols.',
    mismatch: 'Paroles nesakrīt. Ievadiet to pašu paroli abos laukos.', weak: 'Parole neatbilst prasībām: vismaz 12 rakstzīmes ar mazajiem un lielajiem burtiem, ciparu un simbolu.',
    accepted: 'Konts ir atvērts', acceptedNow: (email: string) => `Paldies! Tagad varat pieteikties ar ${email} un izvēlēto paroli.`,
    acceptedBefore: (email: string) => `Šis uzaicinājums jau ir izmantots. Piesakieties ar ${email}; ja aizmirsāt paroli, izmantojiet paroles atjaunošanu.`,
    mfa: 'Koordinatoriem un aģentūras darbiniekiem pirmajā pieteikšanās reizē jāieslēdz divpakāpju autentifikācija ar autentifikatora lietotni (TOTP); bez tās platforma darbības neatļauj.',
    expired: 'Uzaicinājuma termiņš beidzies', expiredNote: 'Lūdziet uzaicinātājam nosūtīt uzaicinājumu vēlreiz: jaunā saite būs derīga 7 dienas.',
    revoked: 'Uzaicinājums atsaukts', revokedNote: 'Uzaicinātājs šo uzaicinājumu atsauca. Ja tā ir kļūda, sazinieties ar viņu.',
    conflict: 'Konts ar šo e-pastu jau ir', conflictNote: 'Ar šo e-pasta adresi jau ir cits konts. Sazinieties ar savas pašvaldības jaunatnes lietu koordinatoru.',
    invalid: 'Saite nav derīga', invalidNote: 'Saite nav pilnīga, ir mainīta vai aizstāta ar jaunāku. Atveriet jaunāko uzaicinājuma e-pastu.',
  },
  en: {
    title: 'Invitation', heading: (name: string) => `Hello ${name},`, intro: 'You are invited to join the youth work platform.',
    role: 'Role', municipality: 'Municipality', institutions: 'Institutions', email: 'User name (email)', until: 'The invitation is valid until',
    choose: 'Choose a password', password: 'Password', confirm: 'Password again', open: 'Open my account',
    policy: 'At least 12 characters: lower- and upper-case letters, a digit and a symbol.',
    mismatch: 'The passwords differ. Enter the same password in both fields.', weak: 'The password does not meet the rules: at least 12 characters with lower- and upper-case letters, a digit and a symbol.',
    accepted: 'Your account is open', acceptedNow: (email: string) => `Thank you! You can now sign in with ${email} and the password you chose.`,
    acceptedBefore: (email: string) => `This invitation has been used already. Sign in with ${email}; if you forgot the password, reset it.`,
    mfa: 'Coordinators and agency staff must turn on two-step verification with an authenticator app (TOTP) at their first sign-in; without it the platform allows no action.',
    expired: 'The invitation has expired', expiredNote: 'Ask whoever invited you to send it again: the new link is valid for 7 days.',
    revoked: 'The invitation was revoked', revokedNote: 'Whoever invited you revoked this invitation. If that is a mistake, contact them.',
    conflict: 'An account with this email exists', conflictNote: "Another account uses this email address. Contact your municipality's youth affairs coordinator.",
    invalid: 'This link is not valid', invalidNote: 'The link is incomplete, was changed or was replaced by a newer one. Open the latest invitation email.',
  },
} as const;

/** HTTP status of a page state: 200 for the form and the account, else what went wrong. */
export function invitationPageStatus(page: InvitationPage): number {
  if (page.state === 'open') return page.problem ? 400 : 200;
  return { accepted: 200, expired: 410, revoked: 410, conflict: 409, invalid: 404 }[page.state];
}

/** `path` is the page's own path with the link's token (`/invitations/<id>?token=…`); the language is added to it. */
export function renderInvitationPage(page: InvitationPage, lang: Lang, path: string): string {
  const t = T[lang];
  const self = `${path}&lang=${lang}`;
  const banner = (kind: string, title: string, note: string) => html`<section class="banner ${kind}" role="status"><h1>${title}</h1><p>${note}</p></section>`;
  let body: SafeHtml;
  switch (page.state) {
    case 'open': {
      const i = page.invitation;
      const problem = page.problem === 'password-mismatch' ? t.mismatch : page.problem === 'password-weak' ? t.weak : undefined;
      body = html`<h1>${t.heading(i.name)}</h1><p>${t.intro}</p>
<section class="card" aria-labelledby="facts"><h2 id="facts">${t.title}</h2><dl>
<dt>${t.role}</dt><dd>${STAFF_ROLE_NAMES[lang][i.role]}</dd>
${i.municipality ? html`<dt>${t.municipality}</dt><dd>${i.municipality[lang]}</dd>` : ''}
${i.institutions.length ? html`<dt>${t.institutions}</dt><dd>${i.institutions.join(', ')}</dd>` : ''}
<dt>${t.email}</dt><dd>${i.email}</dd>
<dt>${t.until}</dt><dd>${rigaDeadline(i.expiresAt, lang)}</dd></dl></section>
<h2 id="choose">${t.choose}</h2>
${problem ? html`<section class="banner revoked" role="alert"><p>${problem}</p></section>` : ''}
<form method="post" action="${self}" aria-labelledby="choose">
<input type="hidden" name="csrf" value="${page.csrf}">
<input type="text" name="username" value="${i.email}" autocomplete="username" hidden>
<p><label for="password">${t.password}</label><br><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" maxlength="256" required aria-describedby="policy"></p>
<p><label for="confirm">${t.confirm}</label><br><input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="12" maxlength="256" required aria-describedby="policy"></p>
<p id="policy" class="note">${t.policy}</p>
<p><button type="submit">${t.open}</button></p>
</form>
${i.role !== 'supervisor' ? html`<p class="note">${t.mfa}</p>` : ''}`;
      break;
    }
    case 'accepted':
      body = html`${banner('valid', t.accepted, page.justNow ? t.acceptedNow(page.email) : t.acceptedBefore(page.email))}${page.role !== 'supervisor' ? html`<p class="note">${t.mfa}</p>` : ''}`;
      break;
    case 'expired': body = banner('unknown', t.expired, t.expiredNote); break;
    case 'revoked': body = banner('revoked', t.revoked, t.revokedNote); break;
    case 'conflict': body = banner('revoked', t.conflict, t.conflictNote); break;
    case 'invalid': body = banner('unknown', t.invalid, t.invalidNote); break;
  }
  const other = lang === 'lv' ? 'en' : 'lv';
  return layout({ lang, title: t.title, otherLanguageHref: `${path}&lang=${other}`, body });
}
