// Open Badges 3.0 OpenBadgeCredential for a volunteer-work certificate, built by a pure function from certificate data.
import { createHash } from 'node:crypto';
import { decimalHours, issuerProfileId, REVOCATION_LIST_TYPE, revocationListUrl, verificationUrl } from '../domain/certificates/credentials.js';
import type { CertificateCredentialInput } from '../domain/certificates/ports.js';

export { decimalHours, issuerProfileId, REVOCATION_LIST_TYPE, revocationListUrl, verificationUrl, type CertificateCredentialInput };

export const OB_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
export const OB_TYPE = ['VerifiableCredential', 'OpenBadgeCredential'] as const;

export interface IdentityObject {
  type: 'IdentityObject';
  identityType: 'name' | 'systemId';
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface OpenBadgeCredential {
  '@context': readonly string[];
  id: string;
  type: readonly string[];
  issuer: { id: string; type: readonly ['Profile']; name: string };
  validFrom: string;
  validUntil?: string;
  name: string;
  credentialSubject: {
    type: readonly ['AchievementSubject'];
    identifier: IdentityObject[];
    achievement: {
      id: string;
      type: readonly ['Achievement'];
      achievementType: 'CommunityService';
      name: string;
      description: string;
      criteria: { narrative: string };
      inLanguage: 'lv' | 'en';
      resultDescription: { id: string; type: readonly ['ResultDescription']; name: string; resultType: 'RawScore' }[];
    };
    result: { type: readonly ['Result']; resultDescription: string; value: string }[];
  };
  credentialStatus: { id: string; type: typeof REVOCATION_LIST_TYPE };
}

/** OB hashed identity: `sha256$` + hex(SHA-256(value + salt)). */
export function hashIdentity(value: string, salt: string): string {
  return `sha256$${createHash('sha256').update(value + salt, 'utf8').digest('hex')}`;
}

function hoursWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function buildOpenBadgeCredential(input: CertificateCredentialInput): OpenBadgeCredential {
  const lang = input.language;
  const issuerId = issuerProfileId(input.baseUrl, input.municipality.code);
  const achievementId = `${issuerId}/programmes/${encodeURIComponent(input.programme.id)}/achievements/${input.year}${
    input.tier ? `/${encodeURIComponent(input.tier.id)}` : ''
  }`;
  const municipality = input.municipality.name[lang];
  const threshold = hoursWords(input.thresholdMinutes);
  const tierSuffix = input.tier ? ` — ${input.tier.name[lang]}` : '';
  const texts =
    lang === 'lv'
      ? {
          name: `Apliecinājums par veikto brīvprātīgo darbu ${input.year}`,
          achievement: `Brīvprātīgais darbs ${input.year}${tierSuffix}`,
          description: `Brīvprātīgais darbs programmā “${input.programme.name.lv}” (${municipality}) ${input.year}. gadā.`,
          narrative: `Vismaz ${threshold} apstiprināta brīvprātīgā darba ${input.year}. kalendārajā gadā (${municipality}), ko apstiprinājušas iesaistītās iestādes.${
            input.tier ? ` Sasniegtais līmenis: ${input.tier.name.lv}.` : ''
          }`,
          hours: 'Apstiprinātās brīvprātīgā darba stundas',
        }
      : {
          name: `Certificate of volunteer work ${input.year}`,
          achievement: `Volunteer work ${input.year}${tierSuffix}`,
          description: `Volunteer work in the programme “${input.programme.name.en}” (${municipality}) in ${input.year}.`,
          narrative: `At least ${threshold} of volunteer work in the calendar year ${input.year} (${municipality}), approved by the institutions involved.${
            input.tier ? ` Level reached: ${input.tier.name.en}.` : ''
          }`,
          hours: 'Approved hours of volunteer work',
        };
  const hoursResultId = `${achievementId}#approved-hours`;
  return {
    '@context': [...OB_CONTEXT],
    id: verificationUrl(input.baseUrl, input.code),
    type: [...OB_TYPE],
    issuer: { id: issuerId, type: ['Profile'], name: input.issuerName[lang] },
    validFrom: new Date(input.issuedAt).toISOString().replace(/\.000Z$/, 'Z'),
    name: texts.name,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.holder.name },
        { type: 'IdentityObject', identityType: 'systemId', hashed: true, identityHash: hashIdentity(input.holder.volunteerId, input.holderSalt), salt: input.holderSalt },
      ],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'CommunityService',
        name: texts.achievement,
        description: texts.description,
        criteria: { narrative: texts.narrative },
        inLanguage: lang,
        resultDescription: [{ id: hoursResultId, type: ['ResultDescription'], name: texts.hours, resultType: 'RawScore' }],
      },
      result: [{ type: ['Result'], resultDescription: hoursResultId, value: decimalHours(input.totalMinutes) }],
    },
    credentialStatus: { id: revocationListUrl(input.baseUrl, input.municipality.code), type: REVOCATION_LIST_TYPE },
  };
}
