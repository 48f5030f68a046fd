// Guardian consent (likumiskā pārstāvja rakstiska piekrišana, Brīvprātīgā darba likums §4(2)): the record, its link,
// the text a guardian is shown (and its hash), and the port that stores them.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Bilingual } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { isoDate } from '../municipalities/types.js';
import { GUARDIAN_RELATIONS, type GuardianConsent } from './types.js';

/** A consent link gives consent for this long after it was mailed; withdrawing by the same link works afterwards too. */
export const CONSENT_LINK_DAYS = 7;

/** The version of the consent text below: a change of wording is a new version (and so a new hash). */
export const CONSENT_TEXT_VERSION = 'guardian-consent/2026-12';

export const guardianSchema = z.object({
  name: z.string().trim().min(1).max(120).describe("The legal representative's full name"),
  email: z.email().max(254),
  relation: z.enum(GUARDIAN_RELATIONS),
}).strict();

export const consentRequestSchema = z.object({ guardian: guardianSchema }).strict();
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

/** What a coordinator records from a signed paper form, after uploading its scan (requestConsentScanUpload). */
export const paperConsentSchema = z.object({
  guardian: guardianSchema.extend({ email: z.email().max(254).optional() }).strict(),
  signedOn: isoDate.describe('The date written on the signed form'),
  scanId: z.string().uuid().describe('The id the scan upload was announced with'),
}).strict();
export type PaperConsentInput = z.infer<typeof paperConsentSchema>;

/** What a coordinator records when a guardian withdraws consent outside the link (a letter, a form, in person). */
export const consentWithdrawalSchema = z.object({
  receivedOn: isoDate.describe("The date the guardian's withdrawal reached the municipality"),
  note: z.string().trim().min(1).max(500).optional().describe('How it came, e.g. "iesniegums Nr. 12-3/45"'),
}).strict();
export type ConsentWithdrawalInput = z.infer<typeof consentWithdrawalSchema>;

export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const scanRequestSchema = z.object({
  contentType: z.enum(SCAN_TYPES),
  sizeBytes: z.number().int().positive().max(MAX_SCAN_BYTES).describe('Exact size in bytes (at most 10 MB): the upload URL is bound to it'),
}).strict();

export const CONSENT_STATUSES = ['requested', 'given', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** The one consent record of a volunteer (the aggregate): its current state and the evidence of how it got there. */
export const consentRecordSchema = z.object({
  volunteerId: z.string(),
  volunteerName: z.string(),
  municipality: z.string(),
  status: z.enum(CONSENT_STATUSES),
  guardian: z.object({ name: z.string(), email: z.string().nullable(), relation: z.enum(GUARDIAN_RELATIONS) }),
  via: z.enum(['email-link', 'paper']),
  /** The nonce of the link mailed last (email-link only): older links are superseded. */
  linkNonce: z.string().nullable(),
  requestedAt: z.iso.datetime().nullable(),
  linkExpiresAt: z.iso.datetime().nullable(),
  givenAt: z.iso.datetime().nullable(),
  /** Evidence of a consent given by link: where from and what text (version and sha-256) was on the page. */
  evidence: z.object({
    ip: z.string(), userAgent: z.string(), textVersion: z.string(), textLanguage: z.enum(['lv', 'en']), textSha256: z.string(),
  }).nullable(),
  /** Evidence of a paper consent: the date on the form, its scan and who recorded it. */
  paper: z.object({ signedOn: isoDate, scanKey: z.string(), contentType: z.string(), sizeBytes: z.number().int(), recordedBy: z.string() }).nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  /** Evidence of a withdrawal: by the link (where from) or recorded by a coordinator (when it came, how, by whom). */
  withdrawal: z.union([
    z.object({ ip: z.string(), userAgent: z.string() }),
    z.object({ receivedOn: isoDate, note: z.string().nullable(), recordedBy: z.string() }),
  ]).nullable(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** The part of a record the coordinator and the youth see (no link nonce, no scan key). */
export const consentViewSchema = consentRecordSchema.omit({ linkNonce: true, paper: true }).extend({
  paper: z.object({ signedOn: isoDate, contentType: z.string(), sizeBytes: z.number().int(), recordedBy: z.string() }).nullable(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export function consentView(r: ConsentRecord): ConsentView {
  const { linkNonce: _n, paper, ...rest } = r;
  return { ...rest, paper: paper && { signedOn: paper.signedOn, contentType: paper.contentType, sizeBytes: paper.sizeBytes, recordedBy: paper.recordedBy } };
}

/** What the rules read from the volunteer: null until given; given, or given and withdrawn. */
export function projection(r: ConsentRecord, date: string): GuardianConsent | null {
  if (r.status === 'requested') return null;
  return { name: r.guardian.name, relation: r.guardian.relation, date, via: r.via, withdrawnAt: r.withdrawnAt };
}

/** One mailed link: names the volunteer only through the table (the URL holds the nonce and its HMAC). */
export interface ConsentLink {
  nonce: string;
  volunteerId: string;
  createdAt: string;
  expiresAt: string;
  /** When consent was given by it (once). */
  usedAt: string | null;
  /** When consent was withdrawn by it (once). */
  withdrawnAt: string | null;
}

/** One change of the record, written in one transaction: the record (at `version - 1`), the link's change, the volunteer's projection, events. */
export interface ConsentChange {
  record: ConsentRecord;
  /** A new link to store (a request). */
  newLink?: ConsentLink;
  /** Claims the link for giving consent: unused, not expired at `at` (else LinkAlreadyUsed). */
  claim?: { nonce: string; at: string };
  /** Marks the link's withdrawal: used for consent, not yet withdrawn (else LinkAlreadyUsed). */
  withdrawBy?: { nonce: string; at: string };
  /** The volunteer's `guardianConsent` after the change (undefined: untouched). */
  volunteerConsent?: GuardianConsent | null;
  events: readonly DomainEvent[];
}

export interface ConsentRepository {
  get(volunteerId: string): Promise<ConsentRecord | undefined>;
  /** Every version the record had, oldest first (requested, given, withdrawn, …). */
  history(volunteerId: string): Promise<ConsentRecord[]>;
  getLink(nonce: string): Promise<ConsentLink | undefined>;
  /** Records of a municipality with one status, most recently changed first. */
  listByStatus(municipality: string, status: ConsentStatus, limit: number): Promise<ConsentRecord[]>;
  /** ConflictError when the record moved on meanwhile (version), LinkAlreadyUsed when the link's condition fails. */
  commit(change: ConsentChange): Promise<void>;
}

export const CONSENT_SOURCE = 'jaunatne.consent';
export type ConsentEventType = 'GuardianConsentRequested' | 'GuardianConsentGiven' | 'GuardianConsentWithdrawn';

/** What the consent page shows (and hashes): the programme, the municipality and the law's conditions. */
export interface ConsentFacts {
  volunteerName: string;
  birthDate: string;
  guardianName: string;
  municipalityName: Bilingual;
  consentUpToAge: number;
}

/** The paragraphs a guardian consents to, in one language; the page shows exactly these and the hash covers them. */
export function consentText(f: ConsentFacts, lang: 'lv' | 'en'): string[] {
  if (lang === 'lv') {
    return [
      `Es, ${f.guardianName}, kā likumiskais pārstāvis piekrītu, ka ${f.volunteerName} (dzimis/-usi ${f.birthDate}) veic brīvprātīgo darbu un reģistrē tā stundas pašvaldības "${f.municipalityName.lv}" brīvprātīgā darba stundu uzskaites programmā (brīvprātīgā darba stundu uzskaites grāmatiņā) un pieteikumos jauniešu mājas piedāvājumiem.`,
      'Brīvprātīgā darba likuma 4. pants: nepilngadīgais veic brīvprātīgo darbu tikai ārpus mācību laika, un viņam uztic tikai vecumam atbilstošus darbus, kas nav kaitīgi drošībai, veselībai, tikumībai un attīstībai; brīvprātīgais neaizstāj darbinieku.',
      'Brīvprātīgā darba likuma 5. pants: ar nepilngadīgo brīvprātīgo noslēdz rakstisku līgumu; jūs varat lūgt to iestādei vai pašvaldībai jebkurā laikā.',
      `Piekrišana vajadzīga līdz ${f.consentUpToAge} gadu vecumam (ieskaitot). Jūs varat to atsaukt jebkurā laikā ar to pašu saiti no e-pasta; pēc atsaukšanas jaunas stundas un pieteikumus nepieņem.`,
      'Tiek saglabāts: jūsu vārds, saistība ar jaunieti, laiks, IP adrese, pārlūkprogrammas apraksts un šī teksta versija.',
    ];
  }
  return [
    `I, ${f.guardianName}, as legal representative consent that ${f.volunteerName} (born ${f.birthDate}) volunteers and logs volunteer hours in the volunteer-hours programme (logbook) of the municipality "${f.municipalityName.en}" and signs up for the youth house's opportunities.`,
    'Volunteer Work Law, section 4: a minor volunteers only outside study time and is given only tasks suited to their age that are harmless to safety, health, morals and development; a volunteer does not replace an employee.',
    'Volunteer Work Law, section 5: a written agreement is made with a minor volunteer; you may ask the institution or the municipality for it at any time.',
    `Consent is required up to and including age ${f.consentUpToAge}. You may withdraw it at any time with the same link from the email; after a withdrawal no new hours or sign-ups are accepted.`,
    'What is kept: your name, your relation to the young person, the time, the IP address, the browser description and the version of this text.',
  ];
}

/** The sha-256 (hex) of the text shown: version, language and paragraphs, each on its own line. */
export function consentTextSha256(f: ConsentFacts, lang: 'lv' | 'en'): string {
  return createHash('sha256').update([CONSENT_TEXT_VERSION, lang, ...consentText(f, lang)].join('\n'), 'utf8').digest('hex');
}
