// The certificate verification page (GET /v/{code}): status banner, what the certificate says, how it is checked.
import type { CertificateFacts, CertificatePageView, RevocationCategory } from '../domain/certificates/use-cases/verification-page.js';
import type { Lang } from '../http/language.js';
import { html } from './html.js';
import { layout } from './layout.js';

const T = {
  lv: {
    title: 'Apliecinājuma pārbaude',
    valid: 'Derīgs apliecinājums',
    validNote: 'Šo apliecinājumu ir izsniegusi pašvaldība, un tas nav atsaukts.',
    revoked: 'Apliecinājums atsaukts',
    revokedOn: 'Atsaukts',
    reason: 'Iemesls',
    unknown: 'Nezināms kods',
    unknownNote: (code: string) => `Apliecinājums ar kodu ${code} nav atrasts.`,
    mistyped: 'Koda pēdējā rakstzīme (kontrolzīme) neatbilst pārējām — kods, visticamāk, ievadīts ar kļūdu. Salīdziniet to ar apliecinājumā drukāto kodu vai noskenējiet QR kodu.',
    notIssued: 'Kods ir pareizā formā, bet šāds apliecinājums nav izsniegts. Pārbaudiet kodu vai vaicājiet apliecinājuma saņēmējam.',
    details: 'Apliecinājuma dati', holder: 'Saņēmējs', year: 'Gads', hours: 'Apstiprinātās stundas', tier: 'Līmenis', municipality: 'Pašvaldība',
    institutions: 'Iestādes', issued: 'Izsniegts', code: 'Kods', none: '—',
    links: 'Digitālais apliecinājums',
    credential: 'Open Badges 3.0 apliecinājums (VC-JWT)',
    jwks: 'Izdevēja publiskās atslēgas (JWKS)',
    howTitle: 'Kā tas tiek pārbaudīts',
    how: 'Šī lapa nolasa apliecinājumu no pašvaldības reģistra pēc koda, kas drukāts apliecinājumā un ietverts tā QR kodā. Koda pēdējā rakstzīme ir kontrolzīme, kas atklāj vienas rakstzīmes pārrakstīšanās kļūdas un blakus rakstzīmju sajaukšanu. Apliecinājums ir arī parakstīts kā Open Badges 3.0 digitālais apliecinājums (VC-JWT, Ed25519): tā parakstu var pārbaudīt ar izdevēja publiskajām atslēgām, bet atsaukšanu — pašvaldības atsaukto apliecinājumu sarakstā, uz ko norāda apliecinājums.',
    privacy: 'Lapa rāda tikai to, kas drukāts apliecinājumā.',
    categories: {
      'hours-reversed': 'pēc izsniegšanas apstiprinātās stundas tika atsauktas, un to vairs nepietiek apliecinājumam',
      withdrawn: 'to atsauca izdevēja pašvaldība',
    } satisfies Record<RevocationCategory, string>,
  },
  en: {
    title: 'Certificate verification',
    valid: 'Valid certificate',
    validNote: 'This certificate was issued by the municipality and has not been revoked.',
    revoked: 'Certificate revoked',
    revokedOn: 'Revoked on',
    reason: 'Reason',
    unknown: 'Unknown code',
    unknownNote: (code: string) => `No certificate with the code ${code} was found.`,
    mistyped: "The code's last character (its check character) does not match the rest, so the code was most likely mistyped. Compare it with the code printed on the certificate, or scan its QR code.",
    notIssued: 'The code is well formed, but no such certificate was issued. Check the code or ask the holder.',
    details: 'Certificate details', holder: 'Holder', year: 'Year', hours: 'Approved hours', tier: 'Tier', municipality: 'Municipality',
    institutions: 'Institutions', issued: 'Issued', code: 'Code', none: '—',
    links: 'Digital credential',
    credential: 'Open Badges 3.0 credential (VC-JWT)',
    jwks: "Issuer's public keys (JWKS)",
    howTitle: 'How this is checked',
    how: "This page reads the certificate from the municipality's register by the code printed on the certificate and carried by its QR code. The code's last character is a check character that catches any single mistyped character and swapped neighbours. The certificate is also signed as an Open Badges 3.0 credential (VC-JWT, Ed25519): anyone can check its signature with the issuer's public keys, and its revocation in the municipality's revocation list the credential points to.",
    privacy: 'This page shows only what is printed on the certificate.',
    categories: {
      'hours-reversed': 'approved hours were reversed after issue and no longer reach the certificate',
      withdrawn: 'withdrawn by the issuing municipality',
    } satisfies Record<RevocationCategory, string>,
  },
} as const;

const LOCALE = { lv: 'lv-LV', en: 'en-GB' } as const;

const formatDate = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'Europe/Riga' }).format(new Date(iso));
const formatHours = (minutes: number, lang: Lang) =>
  new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(Math.round((minutes / 60) * 100) / 100);

/** Path of the page itself, for the language switch: the code as typed (encoded) and the other language. */
export function certificatePagePath(code: string, lang: Lang): string {
  return `/v/${encodeURIComponent(code)}?lang=${lang}`;
}

function facts(c: CertificateFacts, lang: Lang) {
  const t = T[lang];
  const code = encodeURIComponent(c.code);
  return html`<section class="card" aria-labelledby="facts">
<h2 id="facts">${t.details}</h2>
<dl>
<dt>${t.holder}</dt><dd>${c.holderName}</dd>
<dt>${t.year}</dt><dd>${c.year}</dd>
<dt>${t.hours}</dt><dd>${formatHours(c.totalMinutes, lang)}</dd>
<dt>${t.tier}</dt><dd>${c.tier ?? t.none}</dd>
<dt>${t.municipality}</dt><dd>${c.municipality.name[lang]}</dd>
<dt>${t.institutions}</dt><dd>${c.institutions.length === 0 ? t.none : html`<ul>${c.institutions.map((name) => html`<li>${name}</li>`)}</ul>`}</dd>
<dt>${t.issued}</dt><dd>${formatDate(c.issuedAt, lang)}</dd>
<dt>${t.code}</dt><dd class="code">${c.code}</dd>
</dl>
</section>
<h2>${t.links}</h2>
<ul>
<li><a href="/v1/certificates/${code}/credential">${t.credential}</a></li>
<li><a href="/.well-known/jwks.json">${t.jwks}</a></li>
</ul>`;
}

/** The whole page for a view; the status code is the caller's (404 for an unknown code). */
export function renderCertificatePage(view: CertificatePageView, lang: Lang): string {
  const t = T[lang];
  let body;
  let typed: string;
  if (view.status === 'unknown') {
    typed = view.typed;
    const shown = view.typed.length > 64 ? `${view.typed.slice(0, 64)}…` : view.typed;
    const hint = view.reason === 'check' ? t.mistyped : view.reason && view.message ? view.message[lang] : t.notIssued;
    body = html`<section class="banner unknown" role="status">
<h1>${t.unknown}</h1>
<p>${t.unknownNote(shown)}</p>
<p>${hint}</p>
</section>`;
  } else {
    typed = view.certificate.code;
    const banner = view.status === 'valid'
      ? html`<section class="banner valid" role="status"><h1>${t.valid}</h1><p>${t.validNote}</p></section>`
      : html`<section class="banner revoked" role="status"><h1>${t.revoked}</h1>
<p>${t.revokedOn}: ${formatDate(view.revocation.at, lang)}.</p>
<p>${t.reason}: ${t.categories[view.revocation.category]}.</p></section>`;
    body = html`${banner}
${facts(view.certificate, lang)}`;
  }
  return layout({
    lang,
    title: t.title,
    otherLanguageHref: certificatePagePath(typed, lang === 'lv' ? 'en' : 'lv'),
    body: html`${body}
<h2>${t.howTitle}</h2>
<p class="note">${t.how}</p>
<p class="note">${t.privacy}</p>`,
  });
}
