// Everything the platform holds about a young person, as the files of one archive (GDPR Art. 15 access, Art. 20 portability).
import { rigaDate, type Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import type { CertificateFiles, CertificateRepository } from '../../certificates/ports.js';
import type { Certificate } from '../../certificates/types.js';
import type { HoursRepository } from '../../hours/ports.js';
import type { User } from '../../identity/types.js';

export interface ExportDeps {
  hours: Pick<HoursRepository, 'getVolunteer' | 'entriesBetween' | 'auditOf'>;
  certificates: Pick<CertificateRepository, 'getByHolder'>;
  files: Pick<CertificateFiles, 'get'>;
  clock: Clock;
}

/** One file of the archive: a path inside it and its bytes or text. */
export interface ExportFile {
  path: string;
  content: Uint8Array | string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const README = (sub: string, at: string) => `Jaunatnes darba platforma — jūsu dati / your data
Konts / account: ${sub}
Izveidots / exported: ${at}

profile.json       profils (vārds, dzimšanas datums, e-pasts, pašvaldība, vecāku piekrišana) / your profile
entries.json       visi stundu ieraksti ar lēmumu vēsturi (kas, kad, kāpēc) / every hour entry with its decision history
certificates.json  apliecinājumi (kods, gads, stundas, statuss, parakstītais akreditācijas dokuments) / certificates
certificates/      apliecinājumu PDF / the certificates' PDFs
`;

/** What the holder gets of a certificate: everything but internal bookkeeping (email delivery, outbox flag, blob key). */
function certificateView(c: Certificate) {
  const { email: _email, announced: _announced, pdfKey: _pdfKey, ...view } = c;
  return view;
}

/**
 * 1. the youth's profile (404 without one: nothing is held then beyond the account itself)
 * 2. every entry, any state and date, each with its audit trail (who decided, when, why)
 * 3. the certificates: one per programme and year the entries count in (a volunteer who moved has some in each
 *    programme), with each one's Latvian PDF
 * Only the caller's own data: the identity is the token's subject, no parameter names anyone else.
 */
export async function exportMyData(deps: ExportDeps, user: User): Promise<ExportFile[]> {
  const volunteer = await deps.hours.getVolunteer(user.sub);
  if (!volunteer) throw new NotFoundError('volunteer profile', user.sub);
  const entries = await deps.hours.entriesBetween(user.sub, '0000-01-01', '9999-12-31');
  const withDecisions = [];
  for (const entry of entries) withDecisions.push({ ...entry, decisions: await deps.hours.auditOf(entry.id) });

  const years = new Map<string, { programme: string; year: number }>();
  for (const e of entries) years.set(`${e.programme}#${e.date.slice(0, 4)}`, { programme: e.programme, year: Number(e.date.slice(0, 4)) });
  const certificates: Certificate[] = [];
  for (const { programme, year } of years.values()) {
    const c = await deps.certificates.getByHolder(programme, year, user.sub);
    if (c) certificates.push(c);
  }
  const pdfs: ExportFile[] = [];
  for (const c of certificates) {
    const pdf = await deps.files.get(c.pdfKey);
    if (pdf) pdfs.push({ path: `certificates/${c.code}.pdf`, content: pdf });
  }
  const at = deps.clock.now().toISOString();
  return [
    { path: 'README.txt', content: README(user.sub, at) },
    { path: 'profile.json', content: json({ ...volunteer, account: { sub: user.sub, email: user.email, role: user.role } }) },
    { path: 'entries.json', content: json(withDecisions) },
    { path: 'certificates.json', content: json(certificates.map(certificateView)) },
    ...pdfs,
  ];
}

/** The archive's file name: the Riga date of the export. */
export const exportFileName = (clock: Clock) => `mani-dati-${rigaDate(clock.now())}.zip`;
