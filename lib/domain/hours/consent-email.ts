// The email that asks a guardian for consent: Latvian first, English below, with the one signed link (lv and en page).
import type { MailMessage } from '../mail.js';
import type { ConsentFacts } from './consent.js';

const rigaDateTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Riga', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

export function consentEmail(f: ConsentFacts, url: string, expiresAt: string): Omit<MailMessage, 'to'> {
  const text = [
    'Labdien!',
    '',
    `${f.volunteerName} vēlas veikt brīvprātīgo darbu pašvaldības "${f.municipalityName.lv}" programmā un lūdz jūsu kā likumiskā pārstāvja piekrišanu (Brīvprātīgā darba likuma 4. panta otrā daļa).`,
    '',
    'Atveriet saiti, izlasiet, kam piekrītat, un apstipriniet ar pogu lapā:',
    `${url}?lang=lv`,
    '',
    `Saite ir personiska, darbojas vienu reizi un ir derīga līdz ${rigaDateTime(expiresAt, 'lv-LV')}. Ar to pašu saiti piekrišanu var arī atsaukt.`,
    'Ja jūs nezināt, par ko ir runa, neko nedariet: bez jūsu apstiprinājuma nekas netiek saglabāts.',
    '',
    '---',
    '',
    `${f.volunteerName} would like to volunteer in the programme of the municipality "${f.municipalityName.en}" and asks for your consent as their legal representative (Volunteer Work Law, section 4(2)).`,
    '',
    'Open the link, read what you consent to, and confirm with the button on the page:',
    `${url}?lang=en`,
    '',
    `The link is personal, works once and is valid until ${rigaDateTime(expiresAt, 'en-GB')} (Riga time). The same link withdraws the consent.`,
    'If you do not know what this is about, do nothing: nothing is recorded without your confirmation.',
    '',
  ].join('\n');
  return { subject: `Piekrišana brīvprātīgajam darbam — ${f.volunteerName} / Consent to volunteering`.slice(0, 200), text };
}

/**
 * The young person's own email when their guardian's consent was recorded or withdrawn, by the guardian's link or by
 * the coordinator: what it means for their hours and sign-ups. Latvian first, English below.
 */
export function consentChangeEmail(status: 'given' | 'withdrawn', byCoordinator: boolean): Omit<MailMessage, 'to' | 'idempotencyKey'> {
  const how = {
    lv: byCoordinator ? (status === 'given' ? 'pašvaldības koordinators to reģistrēja pēc parakstītas veidlapas' : 'pašvaldības koordinators reģistrēja atsaukumu') : 'ar e-pasta saiti',
    en: byCoordinator ? (status === 'given' ? 'the municipal coordinator recorded it from a signed form' : 'the municipal coordinator recorded the withdrawal') : 'by the email link',
  };
  const text = status === 'given'
    ? [
      'Labdien!', '',
      `Jūsu likumiskā pārstāvja piekrišana brīvprātīgajam darbam ir saņemta (${how.lv}).`,
      'Tagad varat reģistrēt brīvprātīgā darba stundas un pieteikties jauniešu mājas iespējām.',
      '', '---', '',
      `Hello! Your legal representative's consent to your volunteering has been recorded (${how.en}).`,
      "You can now log volunteer hours and sign up for the youth house's opportunities.",
    ]
    : [
      'Labdien!', '',
      `Jūsu likumiskais pārstāvis ir atsaucis piekrišanu brīvprātīgajam darbam (${how.lv}).`,
      'No šī brīža jaunas stundas un pieteikumi netiek pieņemti; jau reģistrētās stundas paliek.',
      'Ja tā ir kļūda, lūdziet piekrišanu vēlreiz vai sazinieties ar pašvaldības jaunatnes lietu koordinatoru.',
      '', '---', '',
      `Hello! Your legal representative has withdrawn their consent to your volunteering (${how.en}).`,
      'From now on new hours and sign-ups are not accepted; the hours already logged stay.',
      "If this is a mistake, ask for consent again or contact the municipality's youth affairs coordinator.",
    ];
  return {
    subject: status === 'given' ? 'Piekrišana saņemta / Consent recorded' : 'Piekrišana atsaukta / Consent withdrawn',
    text: text.join('\n'),
  };
}
