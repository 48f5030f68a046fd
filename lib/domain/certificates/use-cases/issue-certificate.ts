// Issues one volunteer's certificate for a programme and year, exactly once (shared by runs and rolling issue).
import { verificationUrl } from '../credentials.js';
import { formatHoursShort } from '../format.js';
import { rigaDate } from '../../clock.js';
import type { Bilingual } from '../../errors.js';
import { defaultProgramme } from '../../hours/types.js';
import { generate } from '../code.js';
import { pendingEmail } from '../email-delivery.js';
import { recognitionPolicy } from '../../hours/recognition.js';
import { assessYear } from '../eligibility.js';
import { CodeTaken } from '../ports.js';
import { summariseInstitutions } from '../summary.js';
import { certificatePdfKey, type Certificate } from '../types.js';
import { certificateIssued, type CertificateDeps } from './deps.js';

export type IssueOutcome = 'issued' | 'skipped' | 'not-eligible';

export const PROGRAMME_NAME: Bilingual = { lv: 'Jauniešu brīvprātīgais darbs', en: 'Youth volunteering' };
const SIGNER_POSITION: Bilingual = { lv: 'Jaunatnes lietu speciālists', en: 'Youth affairs specialist' };

/** The legal issuer: "Jēkabpils novads" → "Jēkabpils novada pašvaldība", "Rīgas valstspilsēta" → "Rīgas valstspilsētas pašvaldība". */
export function issuerName(name: string, nameEn: string): Bilingual {
  const lv = name.endsWith(' novads') ? `${name.slice(0, -'novads'.length)}novada pašvaldība`
    : name.endsWith(' valstspilsēta') ? `${name.slice(0, -'valstspilsēta'.length)}valstspilsētas pašvaldība` : `${name} pašvaldība`;
  return { lv, en: nameEn };
}

/** The certificate's CertificateIssued (its id derived from the code: written again, it is the same event). */
const issuedEvent = (c: Certificate) => certificateIssued({ code: c.code, programme: c.programme, year: c.year, volunteerId: c.volunteerId, runId: c.runId }, c.issuedAt);

/**
 * 1. an existing certificate for (programme, year, volunteer) wins (one stored before the outbox and never announced
 *    gets its CertificateIssued written now), count it
 *    as issued by the run that made it, else skipped  2. assess the year from the approved entries by activity date
 * 3. reserve the holder's code (the one a killed or concurrent issuer reserved, else a fresh draw; a taken code →
 *    draw again), so everything stored under it belongs to this holder  4. render the Latvian PDF and store it under
 *    certificates/<code>.pdf (a rerun writes the same key: never an orphan)  5. sign the OB 3.0 VC-JWT with the
 *    municipality's key  6. create the certificate with its email pending and CertificateIssued (an outbox item) in
 *    one transaction (a concurrent issuer → skipped); its delivery sends the email, runs and the sweep finish what it did not
 */
export async function issueCertificate(
  deps: CertificateDeps, target: { programme: string; year: number; volunteerId: string; runId: string | null },
): Promise<{ outcome: IssueOutcome; certificate?: Certificate }> {
  const { programme: programmeCode, year, volunteerId, runId } = target;
  const existing = await deps.certificates.getByHolder(programmeCode, year, volunteerId);
  if (existing) {
    if (!existing.announced) await deps.certificates.markAnnounced(existing.code, [issuedEvent(existing)]);
    return { outcome: runId !== null && existing.runId === runId ? 'issued' : 'skipped', certificate: existing };
  }

  const [volunteer, stored, municipality, contact, entries] = await Promise.all([
    deps.hours.getVolunteer(volunteerId), deps.hours.getProgramme(programmeCode), deps.municipalities.get(programmeCode),
    deps.municipalities.getYouthContact(programmeCode), deps.hours.entriesBetween(volunteerId, `${year}-01-01`, `${year}-12-31`),
  ]);
  if (!volunteer || !municipality) return { outcome: 'not-eligible' };
  const programme = stored ?? defaultProgramme(programmeCode);
  const approved = entries.filter((e) => e.state === 'approved' && e.programme === programmeCode && e.approvedMinutes > 0);
  const policy = recognitionPolicy(programme);
  const assessment = assessYear(approved.map((e) => ({ minutes: e.approvedMinutes, activityDate: e.date })), policy, year);
  if (!assessment.eligible) return { outcome: 'not-eligible' };
  const institutions = summariseInstitutions(
    approved.map((e) => ({ institutionId: e.institutionId, institutionName: e.institutionName, activity: e.activity, minutes: e.approvedMinutes, activityDate: e.date })), year,
  );

  const now = deps.clock.now();
  const issuedAt = now.toISOString();
  const issuer = issuerName(municipality.name, municipality.nameEn);
  const municipalityName = { lv: municipality.name, en: municipality.nameEn };
  const signingKey = await deps.keys.signingKey(programmeCode);
  let code: string | undefined;
  for (let attempt = 0; code === undefined; attempt++) {
    try {
      code = await deps.certificates.reserveCode(programmeCode, year, volunteerId, generate(deps.random, programmeCode, year));
    } catch (error) {
      if (!(error instanceof CodeTaken) || attempt >= 5) throw error;
    }
  }
  const pdfKey = certificatePdfKey(code, 'lv');
  const pdf = await deps.renderPdf({
    language: 'lv', code, verificationUrl: verificationUrl(deps.baseUrl, code), holderName: volunteer.name, year,
    municipality: { name: municipalityName }, issuerName: issuer, programmeName: PROGRAMME_NAME,
    totalMinutes: assessment.totalMinutes, tier: assessment.tier, period: assessment.period,
    institutions: institutions.map((i) => ({ name: i.name, activities: i.activities, minutes: i.minutes })),
    signer: { name: contact?.name ?? issuer.lv, position: SIGNER_POSITION }, issuedOn: rigaDate(now),
  });
  await deps.files.put(pdfKey, pdf, 'application/pdf');
  const credential = await deps.signCredential({
    baseUrl: deps.baseUrl, code, language: 'lv', municipality: { code: programmeCode, name: municipalityName }, issuerName: issuer,
    programme: { id: programmeCode, name: PROGRAMME_NAME }, year, holder: { name: volunteer.name, volunteerId },
    holderSalt: deps.newId(), totalMinutes: assessment.totalMinutes, thresholdMinutes: policy.thresholdMinutes,
    tier: assessment.tier ? { id: assessment.tier.id, name: assessment.tier.name } : null, issuedAt,
  }, signingKey);
  const certificate: Certificate = {
    code, programme: programmeCode, year, volunteerId, holderName: volunteer.name, holderEmail: volunteer.email,
    totalMinutes: assessment.totalMinutes, thresholdMinutes: policy.thresholdMinutes,
    tier: assessment.tier ? { id: assessment.tier.id, name: assessment.tier.name.lv } : null,
    period: assessment.period, institutions, issuedAt, runId, credential, kid: signingKey.kid, pdfKey,
    status: 'valid', flag: null, revocation: null, announced: true, email: pendingEmail(),
  };
  if ((await deps.certificates.create(certificate, [issuedEvent(certificate)])) === 'exists') return issueCertificate(deps, target);
  deps.log?.('certificate issued', { code, programme: programmeCode, year, hours: formatHoursShort(assessment.totalMinutes) });
  return { outcome: 'issued', certificate };
}
