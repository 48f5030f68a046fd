// What the public verification page (GET /v/{code}) shows: the status first, then what the certificate itself says.
import type { Certificate } from '../types.js';
import type { CertificateRepository } from '../ports.js';
import type { MunicipalityRepository } from '../../municipalities/ports.js';
import { validate, type CodeInvalidReason } from '../code.js';
import type { Bilingual } from '../../errors.js';

/**
 * Why a certificate was revoked, as a category (the coordinator's free-text reason stays in the API and the
 * revocation list; a page anyone can open shows only the category):
 * - hours-reversed: approved hours were reversed after issue and dropped the holder below the threshold;
 * - withdrawn: the issuing municipality withdrew it for another reason.
 */
export type RevocationCategory = 'hours-reversed' | 'withdrawn';

export interface CertificateFacts {
  code: string;
  holderName: string;
  year: number;
  totalMinutes: number;
  tier: string | null;
  municipality: { code: string; name: Bilingual };
  /** Host institution names, as printed on the certificate. */
  institutions: string[];
  /** ISO date-time of issue. */
  issuedAt: string;
}

export type CertificatePageView =
  | { status: 'valid'; certificate: CertificateFacts }
  | { status: 'revoked'; certificate: CertificateFacts; revocation: { at: string; category: RevocationCategory } }
  /**
   * No certificate with this code. `reason` says why, when the code itself is malformed: `check` means the check
   * character does not match, i.e. the code was most likely mistyped; absent when the code is well formed but unknown.
   */
  | { status: 'unknown'; typed: string; reason?: CodeInvalidReason; message?: Bilingual };

export interface VerificationPageDeps {
  certificates: Pick<CertificateRepository, 'getByCode'>;
  municipalities: Pick<MunicipalityRepository, 'get'>;
}

/** Public: a typed code (normalised as everywhere) → what the page shows. Flags are internal: a flagged certificate reads as valid. */
export async function verificationPage(deps: VerificationPageDeps, typed: string): Promise<CertificatePageView> {
  const checked = validate(typed);
  if (!checked.ok) return { status: 'unknown', typed, reason: checked.reason, message: checked.message };
  const c = await deps.certificates.getByCode(checked.code);
  if (!c) return { status: 'unknown', typed: checked.code };
  const municipality = await deps.municipalities.get(c.programme);
  const certificate: CertificateFacts = {
    code: c.code, holderName: c.holderName, year: c.year, totalMinutes: c.totalMinutes, tier: c.tier?.name ?? null,
    municipality: { code: c.programme, name: { lv: municipality?.name ?? c.programme, en: municipality?.nameEn ?? c.programme } },
    institutions: c.institutions.map((i) => i.name), issuedAt: c.issuedAt,
  };
  if (c.status === 'revoked') {
    return { status: 'revoked', certificate, revocation: { at: c.revocation?.at ?? c.issuedAt, category: revocationCategory(c) } };
  }
  return { status: 'valid', certificate };
}

/** A certificate revoked while flagged after a reversal lost its hours; any other revocation is the issuer's decision. */
export function revocationCategory(c: Pick<Certificate, 'flag'>): RevocationCategory {
  return c.flag ? 'hours-reversed' : 'withdrawn';
}
