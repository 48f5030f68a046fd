// Reading and deciding on certificates: public verification, the VC-JWT, download links, revoke / keep, JWKS, revocation list.
import { buildJwks, buildRevocationList, decimalHours, issuerProfileId, revocationListUrl, verificationUrl, type RevocationList } from '../credentials.js';
import { rigaDate } from '../../clock.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import { validate } from '../code.js';
import { certificatePdfKey, type Certificate, type Verification } from '../types.js';
import type { CertificateDeps } from './deps.js';
import { issuerName, PROGRAMME_NAME } from './issue-certificate.js';

/** A typed code is normalised (O→0, lower case, dashes); a malformed one is a 400 naming why, an unknown one a 404. */
async function load(deps: Pick<CertificateDeps, 'certificates'>, typed: string): Promise<Certificate> {
  const checked = validate(typed);
  if (!checked.ok) throw new ValidationError([{ field: 'path.code', rule: `certificate-code.${checked.reason}`, message: checked.message.en, localized: checked.message }]);
  const certificate = await deps.certificates.getByCode(checked.code);
  if (!certificate) throw new NotFoundError('certificate', checked.code);
  return certificate;
}

/** Public: status (valid / revoked with reason), holder's name, year, hours, municipality — nothing else. A flag is internal. */
export async function verifyCertificate(deps: Pick<CertificateDeps, 'certificates' | 'municipalities'>, code: string): Promise<Verification> {
  const c = await load(deps, code);
  const municipality = await deps.municipalities.get(c.programme);
  return {
    code: c.code,
    status: c.status === 'revoked' ? 'revoked' : 'valid',
    ...(c.status === 'revoked' && c.revocation ? { revocationReason: c.revocation.reason } : {}),
    holderName: c.holderName,
    year: c.year,
    hours: decimalHours(c.totalMinutes),
    municipality: { code: c.programme, name: municipality?.name ?? c.programme },
  };
}

/** Public: the signed OpenBadgeCredential (VC-JWT). Its status is read from the municipality's revocation list. */
export async function certificateCredential(deps: Pick<CertificateDeps, 'certificates'>, code: string): Promise<string> {
  return (await load(deps, code)).credential;
}

/** The holder, or a coordinator of the certificate's municipality, or the agency. */
function assertMayRead(user: User, c: Certificate): void {
  if (user.role === 'youth') {
    if (user.sub !== c.volunteerId) throw new ForbiddenError('a certificate is downloaded by its holder');
    return;
  }
  if (user.role !== 'coordinator' && user.role !== 'agency') throw new ForbiddenError(`a ${user.role} cannot download certificates`);
  assertActsFor(user, c.programme);
}

export const DOWNLOAD_LINK_SECONDS = 300;

/**
 * 1. authorise (holder / municipality)  2. the Latvian PDF was stored at issue; an English one is rendered from the
 * stored certificate on first request and kept  3. a short-lived pre-signed link
 */
export async function certificateDownload(deps: CertificateDeps, user: User, code: string, language: 'lv' | 'en'): Promise<{ url: string; expiresAt: string }> {
  const c = await load(deps, code);
  assertMayRead(user, c);
  const key = language === 'lv' ? c.pdfKey : certificatePdfKey(c.code, language);
  if (language !== 'lv' && !(await deps.files.exists(key))) {
    const municipality = await deps.municipalities.get(c.programme);
    if (!municipality) throw new NotFoundError('municipality', c.programme);
    const contact = await deps.municipalities.getYouthContact(c.programme);
    const issuer = issuerName(municipality.name, municipality.nameEn);
    const pdf = await deps.renderPdf({
      language, code: c.code, verificationUrl: verificationUrl(deps.baseUrl, c.code), holderName: c.holderName, year: c.year,
      municipality: { name: { lv: municipality.name, en: municipality.nameEn } }, issuerName: issuer, programmeName: PROGRAMME_NAME,
      totalMinutes: c.totalMinutes, tier: c.tier ? { name: { lv: c.tier.name, en: c.tier.name } } : null, period: c.period,
      institutions: c.institutions, signer: { name: contact?.name ?? issuer.lv, position: { lv: 'Jaunatnes lietu speciālists', en: 'Youth affairs specialist' } },
      issuedOn: rigaDate(new Date(c.issuedAt)),
    });
    await deps.files.put(key, pdf, 'application/pdf');
  }
  const filename = `${language === 'lv' ? 'apliecinajums' : 'certificate'}-${c.code}.pdf`;
  return deps.files.presignDownload(key, { filename, expiresInSeconds: DOWNLOAD_LINK_SECONDS });
}


/** Coordinator / agency: withdraw a certificate with a reason; shows at the verification URL and in the revocation list. */
export async function revokeCertificate(deps: Pick<CertificateDeps, 'certificates' | 'clock'>, user: User, code: string, reason: string): Promise<Certificate> {
  assertDecides(user);
  const c = await load(deps, code);
  assertActsFor(user, c.programme);
  if (c.status === 'revoked') throw new ConflictError(`certificate ${c.code} is already revoked`);
  const patch = { status: 'revoked' as const, flag: c.flag, revocation: { reason, at: deps.clock.now().toISOString(), by: user.sub } };
  await deps.certificates.updateStatus(c.code, c.status, patch);
  return { ...c, ...patch };
}

/** Coordinator / agency: keep a flagged certificate as it is (the flag is cleared). */
export async function keepCertificate(deps: Pick<CertificateDeps, 'certificates'>, user: User, code: string): Promise<Certificate> {
  assertDecides(user);
  const c = await load(deps, code);
  assertActsFor(user, c.programme);
  if (c.status !== 'flagged') throw new ConflictError(`certificate ${c.code} is ${c.status}, not flagged`);
  const patch = { status: 'valid' as const, flag: null, revocation: null };
  await deps.certificates.updateStatus(c.code, 'flagged', patch);
  return { ...c, ...patch };
}

/** Flagged certificates of a municipality, waiting for the coordinator's decision. */
export async function flaggedCertificates(deps: Pick<CertificateDeps, 'certificates'>, user: User, municipality: string): Promise<Certificate[]> {
  assertDecides(user);
  assertActsFor(user, municipality);
  return deps.certificates.listFlagged(municipality);
}

/** Revoking, keeping and reviewing flagged certificates is the coordinator's (own municipality) or the agency's. */
function assertDecides(user: User): void {
  if (user.role !== 'coordinator' && user.role !== 'agency') throw new ForbiddenError(`a ${user.role} cannot decide on certificates`);
}

/** The coordinator's view of one certificate (no credential, no PDF key). */
export function certificateSummary(c: Certificate) {
  return {
    code: c.code, programme: c.programme, year: c.year, volunteerId: c.volunteerId, holderName: c.holderName,
    totalMinutes: c.totalMinutes, tier: c.tier?.name ?? null, issuedAt: c.issuedAt, status: c.status, flag: c.flag, revocation: c.revocation,
  };
}

/** Public: every published issuer key (active and retired; withdrawn ones are left out). */
export async function issuerJwks(deps: Pick<CertificateDeps, 'keys'>) {
  return buildJwks(await deps.keys.publicKeys());
}

/** Public: the municipality's 1EdTechRevocationList (credentialStatus of every credential it issued). */
export async function revocationList(deps: Pick<CertificateDeps, 'certificates' | 'baseUrl'>, municipality: string): Promise<RevocationList> {
  const revoked = await deps.certificates.listRevoked(municipality);
  return buildRevocationList(
    revocationListUrl(deps.baseUrl, municipality), issuerProfileId(deps.baseUrl, municipality),
    revoked.filter((c) => c.revocation).map((c) => ({ credentialId: verificationUrl(deps.baseUrl, c.code), reason: c.revocation!.reason, revokedAt: c.revocation!.at })),
  );
}
