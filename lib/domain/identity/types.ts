// Who is calling: the four roles of the platform and the municipality/institution they act for.
import * as z from 'zod';
import { ForbiddenError, type Bilingual } from '../errors.js';
import { MUNICIPALITIES } from '../municipalities/registry.js';
import { municipalityCode } from '../municipalities/types.js';

/**
 * youth — a young volunteer (13–25); supervisor — approves hours at a host institution;
 * coordinator — the municipality's youth affairs specialist (jaunatnes lietu speciālists);
 * agency — JSPA, the national youth agency (Jaunatnes starptautisko programmu aģentūra).
 */
export const ROLES = ['youth', 'supervisor', 'coordinator', 'agency'] as const;
export type Role = (typeof ROLES)[number];

export const userSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  municipality: municipalityCode.nullable(),
  institution: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** What an identity can lack, each with its stable rule id (403) and its message in both languages. */
const GAPS = {
  role: {
    rule: 'identity.role-missing',
    message: {
      lv: 'Kontam nav piešķirta neviena platformas loma (youth, supervisor, coordinator vai agency).',
      en: 'The account has none of the platform\'s roles (youth, supervisor, coordinator or agency).',
    },
  },
  municipality: {
    rule: 'identity.municipality-missing',
    message: {
      lv: 'Kontam nav norādīta pašvaldība (custom:municipality); bez tās darboties var tikai aģentūra.',
      en: 'The account has no municipality (custom:municipality); only the agency acts without one.',
    },
  },
  unknownMunicipality: {
    rule: 'identity.municipality-unknown',
    message: {
      lv: 'Konta pašvaldība (custom:municipality) nav ISO 3166-2:LV kods no pašvaldību saraksta.',
      en: 'The account\'s municipality (custom:municipality) is not an ISO 3166-2:LV code from the municipality registry.',
    },
  },
  mfa: {
    rule: 'identity.mfa-required',
    message: {
      lv: 'Koordinatoriem un aģentūras darbiniekiem jāieslēdz divpakāpju autentifikācija (TOTP lietotne): iestatiet to savā kontā un pierakstieties vēlreiz.',
      en: 'Coordinators and agency staff must turn on multi-factor authentication (a TOTP app): set it up on your account and sign in again.',
    },
  },
  institution: {
    rule: 'identity.institution-missing',
    message: {
      lv: 'Kontam ar lomu supervisor nav norādīta iestāde (custom:institution).',
      en: 'An account with the supervisor role has no institution (custom:institution).',
    },
  },
} as const satisfies Record<string, { rule: string; message: Bilingual }>;

export type IdentityGap = keyof typeof GAPS;

/** Staff who act for a whole municipality (or all of them) must sign in with a second factor (TOTP). */
export const MFA_ROLES: readonly Role[] = ['coordinator', 'agency'];
export const requiresMfa = (role: Role): boolean => MFA_ROLES.includes(role);

/**
 * The ID-token claim that says the account has TOTP turned on ("true"/"false"), added by the pre-token-generation
 * trigger from the user's MFA settings. Not a `custom:` name on purpose: no user attribute can ever be mapped onto
 * it, so only the trigger writes it.
 */
export const MFA_CLAIM = 'mfa_enabled';

/** Refuses an identity that lacks what its role needs; the error names the rule (`identity.*`). */
export function identityRefused(gap: IdentityGap): ForbiddenError {
  return new ForbiddenError(undefined, GAPS[gap]);
}

const KNOWN_CODES: ReadonlySet<string> = new Set(MUNICIPALITIES.map((m) => m.code));

/**
 * Who may act at all: everyone but the agency acts for one municipality, so needs one from the registry
 * (a merged-away code such as Varakļāni's LV-102 is still in it); a supervisor also needs an institution.
 * A municipality the agency's account carries must be a known one too. Runs at the identity boundary,
 * before any handler, so no use case ever sees a non-agency user without a municipality.
 */
export function identityGap(user: Pick<User, 'role' | 'municipality' | 'institution'>): IdentityGap | null {
  if (user.municipality !== null && !KNOWN_CODES.has(user.municipality)) return 'unknownMunicipality';
  if (user.role !== 'agency' && user.municipality === null) return 'municipality';
  if (user.role === 'supervisor' && !user.institution) return 'institution';
  return null;
}

/**
 * The one municipality a non-agency user acts for. Defence in depth for use cases that default a scope to
 * the caller's municipality: a missing one is refused, never read as "all municipalities".
 */
export function ownMunicipality(user: User): string {
  if (user.municipality === null || !KNOWN_CODES.has(user.municipality)) {
    throw identityRefused(user.municipality === null ? 'municipality' : 'unknownMunicipality');
  }
  return user.municipality;
}

/** The agency acts for every municipality; everyone else only for their own. */
export function actsFor(user: User, municipality: string): boolean {
  return user.role === 'agency' || user.municipality === municipality;
}

/** Refuses (403) unless the user acts for `municipality`; a non-agency user without one is refused by rule. */
export function assertActsFor(user: User, municipality: string): void {
  if (user.role !== 'agency') ownMunicipality(user);
  if (!actsFor(user, municipality)) {
    throw new ForbiddenError(`a ${user.role} of ${user.municipality ?? 'no municipality'} cannot act for ${municipality}`);
  }
}
