// Everything the platform holds about a young person, as the files of one archive (GDPR Art. 15 access, Art. 20 portability).
import { rigaDate, type Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import type { CertificateFiles, CertificateRepository } from '../../certificates/ports.js';
import type { Certificate } from '../../certificates/types.js';
import type { HoursRepository } from '../../hours/ports.js';
import { consentView, type ConsentRepository } from '../../hours/consent.js';
import type { User } from '../../identity/types.js';
import type { FeedReader } from '../../youth-house/feed-ports.js';
import { signUpView } from '../../youth-house/types.js';
import type { MoveRepository } from '../moves.js';

export interface ExportDeps {
  hours: Pick<HoursRepository, 'getVolunteer' | 'entriesBetween' | 'auditOf'>;
  certificates: Pick<CertificateRepository, 'getByHolder'>;
  files: Pick<CertificateFiles, 'get'>;
  consents: Pick<ConsentRepository, 'get' | 'history'>;
  /** The youth's sign-ups, any state. */
  signUps: Pick<FeedReader, 'signUpsOf'>;
  moves: Pick<MoveRepository, 'allOf'>;
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
guardian-consent.json  likumiskā pārstāvja piekrišana un tās vēsture / your guardian's consent and its history
sign-ups.json      pieteikumi jauniešu mājas iespējām (arī atsauktie) / youth-house sign-ups, cancelled ones too
moves.json         pieprasījumi pāriet uz citu pašvaldību / requests to move to another municipality
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
 * 4. the guardian consent with its history (as the youth's own consent view shows it), every youth-house sign-up
 *    (as the API shows them), every move request
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
  const [consent, consentHistory, signUps, moves] = await Promise.all([
    deps.consents.get(user.sub), deps.consents.history(user.sub), deps.signUps.signUpsOf(user.sub, '0000-01-01', '9999-12-31'), deps.moves.allOf(user.sub),
  ]);
  const at = deps.clock.now().toISOString();
  return [
    { path: 'README.txt', content: README(user.sub, at) },
    { path: 'profile.json', content: json({ ...volunteer, account: { sub: user.sub, email: user.email, role: user.role } }) },
    { path: 'entries.json', content: json(withDecisions) },
    { path: 'certificates.json', content: json(certificates.map(certificateView)) },
    ...pdfs,
    { path: 'guardian-consent.json', content: json({ current: consent ? consentView(consent) : null, history: consentHistory.map(consentView) }) },
    { path: 'sign-ups.json', content: json(signUps.map(signUpView)) },
    { path: 'moves.json', content: json(moves) },
  ];
}

/** The archive's file name: the Riga date of the export. */
export const exportFileName = (clock: Clock) => `mani-dati-${rigaDate(clock.now())}.zip`;
