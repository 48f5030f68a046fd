// The certificate email (Latvian) with the programme's recognition-event invitation, and the event roster CSV.
import type { MailMessage } from '../mail.js';
import { formatHoursLong, formatIssueDate, municipalityLocativeLv } from './format.js';
import { toCsv } from '../hours/exports.js';
import type { Programme } from '../hours/types.js';
import type { Certificate } from './types.js';

export function certificateEmail(c: Certificate, input: { municipalityName: string; event: Programme['recognitionEvent']; verificationUrl: string; pdf?: Uint8Array }): MailMessage {
  const invitation = input.event
    ? `Aicinām jūs uz apbalvošanas pasākumu ${formatIssueDate(input.event.date, 'lv')}, ${input.event.place}.\n${input.event.text}`
    : 'Par apbalvošanas pasākumu jūs informēs pašvaldības jaunatnes lietu speciālists.';
  const text = [
    `Sveiki, ${c.holderName}!`,
    '',
    `Paldies par jūsu brīvprātīgo darbu! ${c.year}. gadā ${municipalityLocativeLv(input.municipalityName)} jūs veicāt ${formatHoursLong(c.totalMinutes, 'lv')} apstiprināta brīvprātīgā darba${c.tier ? ` un sasniedzāt līmeni „${c.tier.name}”` : ''}.`,
    `Pielikumā ir jūsu apliecinājums par veikto brīvprātīgo darbu (kods ${c.code}).`,
    '',
    invitation,
    '',
    `Apliecinājuma īstumu var pārbaudīt: ${input.verificationUrl}`,
  ].join('\n');
  return {
    to: c.holderEmail,
    subject: `Apliecinājums par veikto brīvprātīgo darbu ${c.year}. gadā`,
    text,
    ...(input.pdf ? { attachments: [{ filename: `apliecinajums-${c.code}.pdf`, contentType: 'application/pdf', content: input.pdf }] } : {}),
  };
}

/** Who is invited to the recognition event: every certificate of the year that is not revoked, by name. */
export function rosterCsv(certificates: readonly Certificate[]): string {
  const collator = new Intl.Collator('lv');
  const rows = certificates
    .filter((c) => c.status !== 'revoked')
    .sort((a, b) => collator.compare(a.holderName, b.holderName))
    .map((c) => [c.holderName, c.holderEmail, c.code, (c.totalMinutes / 60).toFixed(2), c.tier?.name ?? '', c.status === 'flagged' ? 'jāizvērtē' : 'derīgs', c.issuedAt.slice(0, 10)]);
  return toCsv(['Vārds, uzvārds', 'E-pasts', 'Apliecinājuma kods', 'Stundas', 'Līmenis', 'Statuss', 'Izsniegts'], rows);
}
