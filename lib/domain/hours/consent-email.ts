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
