// The submission receipt email (iesniegšanas apliecinājums): Latvian first, English below.
import type { MailMessage } from '../mail.js';
import type { Application, Receipt } from './types.js';

const rigaTime = (iso: string) =>
  new Intl.DateTimeFormat('lv-LV', { timeZone: 'Europe/Riga', dateStyle: 'long', timeStyle: 'medium' }).format(new Date(iso));

export function receiptMail(to: string, app: Pick<Application, 'id' | 'municipality' | 'cohort' | 'content'>, receipt: Receipt, resubmitted: boolean): MailMessage {
  const title = app.content.title ?? '';
  const when = rigaTime(receipt.submittedAt);
  const text = [
    'Labdien!',
    '',
    `Jaunatnes starptautisko programmu aģentūra ir saņēmusi pašvaldības ${app.municipality} projekta pieteikumu${resubmitted ? ' (atkārtoti iesniegts)' : ''}.`,
    '',
    `Pieteikums: ${title}`,
    `Pieteikuma identifikators: ${receipt.applicationId}`,
    `Kārta: ${app.cohort}`,
    `Versija: ${receipt.version}`,
    `Iesniegts: ${when} (${receipt.submittedAt})`,
    `SHA-256 kontrolsumma: ${receipt.sha256}`,
    '',
    'Kontrolsumma apliecina iesniegtās versijas saturu: tā mainās, ja mainās kaut viens pieteikuma lauks.',
    '',
    '---',
    '',
    `The Youth International Programme Agency has received the project application of municipality ${app.municipality}${resubmitted ? ' (resubmitted)' : ''}.`,
    '',
    `Application: ${title}`,
    `Application id: ${receipt.applicationId}`,
    `Cohort: ${app.cohort}`,
    `Version: ${receipt.version}`,
    `Submitted: ${receipt.submittedAt}`,
    `SHA-256: ${receipt.sha256}`,
    '',
  ].join('\n');
  return {
    to,
    subject: `Pieteikums saņemts — versija ${receipt.version}: ${title}`.slice(0, 200),
    text,
  };
}
