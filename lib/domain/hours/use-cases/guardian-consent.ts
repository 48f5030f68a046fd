// Guardian consent: the youth asks (the guardian gets a signed link), the guardian gives or withdraws it on the link's
// page (GET shows, only POST records), or a coordinator records a signed paper form with its scan.
import { randomUUID } from 'node:crypto';
import { rigaDate, type Clock } from '../../clock.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '../../errors.js';
import type { BlobStore, PresignedUpload } from '../../files.js';
import { assertActsFor, type User } from '../../identity/types.js';
import type { Mailer } from '../../mail.js';
import type { MunicipalityRepository } from '../../municipalities/ports.js';
import {
  CONSENT_LINK_DAYS, CONSENT_SOURCE, CONSENT_TEXT_VERSION, consentTextSha256, consentView, projection,
  type ConsentEventType, type ConsentFacts, type ConsentLink, type ConsentRecord, type ConsentRepository, type ConsentRequest,
  type ConsentStatus, type ConsentView, type ConsentWithdrawalInput, type PaperConsentInput,
} from '../consent.js';
import { consentChangeEmail, consentEmail } from '../consent-email.js';
import { linkToken, parseLinkToken, sameMac, type LinkSigner } from '../decision-links.js';
import type { DomainEvent } from '../../events.js';
import type { HoursRepository } from '../ports.js';
import { ageOn } from '../rules.js';
import type { Volunteer } from '../types.js';
import { assertRole, programmeOf } from './deps.js';

export interface ConsentDeps {
  hours: Pick<HoursRepository, 'getVolunteer' | 'getProgramme'>;
  municipalities: Pick<MunicipalityRepository, 'get'>;
  consents: ConsentRepository;
  signer: LinkSigner;
  mailer: Mailer;
  blobs: BlobStore;
  clock: Clock;
  /** 16 random bytes, base64url. */
  newNonce: () => string;
  /** The public origin the link's URL hangs off. */
  baseUrl: string;
  /** Object key of a paper consent's scan in the file store. */
  scanKey: (volunteerId: string, scanId: string) => string;
  onMailError?: (error: unknown) => void;
}

const DAY_MS = 86_400_000;

function event(type: ConsentEventType, r: ConsentRecord, at: string, by: string): DomainEvent {
  return {
    id: randomUUID(), type, source: CONSENT_SOURCE, occurredAt: at,
    detail: { volunteerId: r.volunteerId, municipality: r.municipality, status: r.status, via: r.via, relation: r.guardian.relation, by },
  };
}

async function factsOf(deps: Pick<ConsentDeps, 'hours' | 'municipalities'>, volunteer: Volunteer, guardianName: string): Promise<ConsentFacts> {
  const m = await deps.municipalities.get(volunteer.municipality);
  const programme = await programmeOf(deps, volunteer.municipality);
  return {
    volunteerName: volunteer.name, birthDate: volunteer.birthDate, guardianName,
    municipalityName: { lv: m?.name ?? volunteer.municipality, en: m?.nameEn ?? volunteer.municipality },
    consentUpToAge: programme.consentUpToAge,
  };
}

/**
 * Tells the young person their consent was given or withdrawn (once per record version). A failed send is reported,
 * not thrown: the consent stands and the youth's own consent view shows it.
 */
async function tellYouth(deps: ConsentDeps, r: ConsentRecord, byCoordinator: boolean): Promise<void> {
  if (r.status !== 'given' && r.status !== 'withdrawn') return;
  try {
    const volunteer = await deps.hours.getVolunteer(r.volunteerId);
    if (!volunteer || volunteer.closedAt) return;
    await deps.mailer.send({ ...consentChangeEmail(r.status, byCoordinator), to: volunteer.email, idempotencyKey: `youth-consent-${r.status}-${r.volunteerId}-${r.version}` });
  } catch (error) {
    deps.onMailError?.(error);
  }
}

const notNeeded = (age: number) => new RuleViolation('hours.consent-not-needed',
  { lv: `Piekrišana vajadzīga tikai līdz programmas vecumam; jums ir ${age} gadi`, en: `Consent is needed only up to the programme's age; you are ${age}` }, 'birthDate');

/**
 * The youth asks their guardian. 1. a youth with a profile  2. at or under the programme's consent age today  3. not
 * already given (a withdrawn or pending one may be asked again; the older link is superseded)  4. store the record
 * and a new link with GuardianConsentRequested in one transaction  5. mail the guardian (Latvian, then English).
 */
export async function requestGuardianConsent(deps: ConsentDeps, user: User, input: ConsentRequest): Promise<{ consent: ConsentView; emailed: boolean }> {
  assertRole(user, ['youth'], 'ask for guardian consent');
  const volunteer = await deps.hours.getVolunteer(user.sub);
  if (!volunteer) throw new NotFoundError('volunteer profile', user.sub);
  const now = deps.clock.now();
  const age = ageOn(volunteer.birthDate, rigaDate(now));
  const programme = await programmeOf(deps, volunteer.municipality);
  if (age > programme.consentUpToAge) throw notNeeded(age);
  const current = await deps.consents.get(volunteer.id);
  if (current?.status === 'given') throw new ConflictError('the guardian has already given consent');
  const at = now.toISOString();
  const nonce = deps.newNonce();
  const link: ConsentLink = { nonce, volunteerId: volunteer.id, createdAt: at, expiresAt: new Date(now.getTime() + CONSENT_LINK_DAYS * DAY_MS).toISOString(), usedAt: null, withdrawnAt: null };
  const record: ConsentRecord = {
    volunteerId: volunteer.id, volunteerName: volunteer.name, municipality: volunteer.municipality, status: 'requested',
    guardian: { ...input.guardian }, via: 'email-link', linkNonce: nonce, requestedAt: at, linkExpiresAt: link.expiresAt,
    givenAt: null, evidence: null, paper: null, withdrawnAt: null, withdrawal: null, updatedAt: at, version: (current?.version ?? 0) + 1,
  };
  await deps.consents.commit({ record, newLink: link, events: [event('GuardianConsentRequested', record, at, user.sub)] });
  const token = linkToken(nonce, await deps.signer.sign('consent-link', nonce));
  const facts = await factsOf(deps, volunteer, input.guardian.name);
  let emailed = true;
  try {
    await deps.mailer.send({ ...consentEmail(facts, `${deps.baseUrl.replace(/\/$/, '')}/c/${token}`, link.expiresAt), to: input.guardian.email, idempotencyKey: `consent-${nonce}` });
  } catch (error) {
    emailed = false;
    deps.onMailError?.(error);
  }
  return { consent: consentView(record), emailed };
}

/** What the consent link's page shows; every state but `ask`, `given` (with its withdraw form) and `done-*` says why not. */
export type ConsentPage =
  | { state: 'ask'; facts: ConsentFacts; record: ConsentRecord; csrf: string; textSha256: Record<'lv' | 'en', string>; problem?: 'text-changed' }
  | { state: 'given'; facts: ConsentFacts; record: ConsentRecord; csrf: string; justNow: boolean }
  | { state: 'withdrawn'; record: ConsentRecord; justNow: boolean }
  | { state: 'invalid' }
  | { state: 'expired' }
  /** A newer link was mailed, or a coordinator recorded a paper consent: this one does nothing. */
  | { state: 'superseded' };

/** The stored link and record a token names, when its MAC is ours for the consent purpose. */
async function linkOf(deps: ConsentDeps, token: string): Promise<{ link: ConsentLink; record: ConsentRecord } | undefined> {
  const parsed = parseLinkToken(token);
  if (!parsed) return undefined;
  if (!sameMac(parsed.mac, await deps.signer.sign('consent-link', parsed.nonce))) return undefined;
  const link = await deps.consents.getLink(parsed.nonce);
  if (!link) return undefined;
  const record = await deps.consents.get(link.volunteerId);
  return record ? { link, record } : undefined;
}

async function pageOf(deps: ConsentDeps, link: ConsentLink, record: ConsentRecord, justNow = false): Promise<ConsentPage> {
  if (record.linkNonce !== link.nonce) return { state: 'superseded' };
  if (link.withdrawnAt || record.status === 'withdrawn') return { state: 'withdrawn', record, justNow };
  const volunteer = await deps.hours.getVolunteer(record.volunteerId);
  if (!volunteer) return { state: 'invalid' };
  const facts = await factsOf(deps, volunteer, record.guardian.name);
  const csrf = await deps.signer.sign('consent-csrf', link.nonce);
  if (link.usedAt || record.status === 'given') return { state: 'given', facts, record, csrf, justNow };
  if (Date.parse(link.expiresAt) <= deps.clock.now().getTime()) return { state: 'expired' };
  return { state: 'ask', facts, record, csrf, textSha256: { lv: consentTextSha256(facts, 'lv'), en: consentTextSha256(facts, 'en') } };
}

/** GET: reads only; a mail scanner or link preview sees the page and records nothing. */
export async function openConsentLink(deps: ConsentDeps, token: string): Promise<ConsentPage> {
  const found = await linkOf(deps, token);
  return found ? pageOf(deps, found.link, found.record) : { state: 'invalid' };
}

export interface ConsentForm {
  csrf?: string;
  action?: string;
  /** The hash the page carried of the text it showed, and that text's language. */
  textSha256?: string;
  lang: 'lv' | 'en';
  ip: string;
  userAgent: string;
}

/**
 * POST: gives or withdraws. The CSRF token must be the page's (an HMAC bound to this link). Giving needs the hash of
 * the text shown to be the current text's (else the page is shown again), claims the link once before it expires and
 * writes the record, the volunteer's projection and GuardianConsentGiven in one transaction. Withdrawing works once,
 * after consent was given by this link, expired or not. Anything refused writes nothing.
 */
export async function submitConsentLink(deps: ConsentDeps, token: string, form: ConsentForm): Promise<ConsentPage> {
  const found = await linkOf(deps, token);
  if (!found) return { state: 'invalid' };
  const { link, record } = found;
  if (!form.csrf || !sameMac(form.csrf, await deps.signer.sign('consent-csrf', link.nonce))) return { state: 'invalid' };
  const page = await pageOf(deps, link, record);
  const now = deps.clock.now();
  const at = now.toISOString();
  try {
    if (form.action === 'give' && page.state === 'ask') {
      const sha = consentTextSha256(page.facts, form.lang);
      if (form.textSha256 !== sha) return { ...page, problem: 'text-changed' };
      const given: ConsentRecord = {
        ...record, status: 'given', givenAt: at, updatedAt: at, version: record.version + 1,
        evidence: { ip: form.ip.slice(0, 64), userAgent: form.userAgent.slice(0, 500), textVersion: CONSENT_TEXT_VERSION, textLanguage: form.lang, textSha256: sha },
      };
      await deps.consents.commit({ record: given, claim: { nonce: link.nonce, at }, volunteerConsent: projection(given, rigaDate(now)), events: [event('GuardianConsentGiven', given, at, 'guardian')] });
      await tellYouth(deps, given, false);
      return pageOf(deps, { ...link, usedAt: at }, given, true);
    }
    if (form.action === 'withdraw' && page.state === 'given') {
      const withdrawn: ConsentRecord = {
        ...record, status: 'withdrawn', withdrawnAt: at, updatedAt: at, version: record.version + 1,
        withdrawal: { ip: form.ip.slice(0, 64), userAgent: form.userAgent.slice(0, 500) },
      };
      const date = record.givenAt ? rigaDate(new Date(record.givenAt)) : rigaDate(now);
      await deps.consents.commit({ record: withdrawn, withdrawBy: { nonce: link.nonce, at }, volunteerConsent: projection(withdrawn, date), events: [event('GuardianConsentWithdrawn', withdrawn, at, 'guardian')] });
      await tellYouth(deps, withdrawn, false);
      return { state: 'withdrawn', record: withdrawn, justNow: true };
    }
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error; // LinkAlreadyUsed or a concurrent change: show what is true now
    const again = await linkOf(deps, token);
    return again ? pageOf(deps, again.link, again.record) : { state: 'invalid' };
  }
  return page; // a repeated or stale form: the page as it stands, nothing written
}

async function volunteerOfMunicipality(deps: ConsentDeps, user: User, volunteerId: string): Promise<Volunteer> {
  assertRole(user, ['coordinator'], 'manage guardian consent');
  const volunteer = await deps.hours.getVolunteer(volunteerId);
  if (!volunteer) throw new NotFoundError('volunteer', volunteerId);
  assertActsFor(user, volunteer.municipality);
  return volunteer;
}

const SCAN_UPLOAD_SECONDS = 300;

/** A coordinator announces a paper form's scan and gets a pre-signed PUT bound to its type and size. */
export async function requestConsentScanUpload(deps: ConsentDeps, user: User, volunteerId: string, scan: { contentType: string; sizeBytes: number }): Promise<{ scanId: string; upload: PresignedUpload }> {
  await volunteerOfMunicipality(deps, user, volunteerId);
  const scanId = randomUUID();
  return { scanId, upload: await deps.blobs.presignUpload(deps.scanKey(volunteerId, scanId), scan, SCAN_UPLOAD_SECONDS) };
}

/**
 * A coordinator records a signed paper form. 1. a coordinator of the volunteer's municipality  2. the scan was
 * uploaded  3. the form's date not after today nor before the birth  4. the record (any earlier one replaced), the
 * volunteer's projection and GuardianConsentGiven in one transaction. A pending link stops working.
 */
export async function recordPaperConsent(deps: ConsentDeps, user: User, volunteerId: string, input: PaperConsentInput): Promise<ConsentView> {
  const volunteer = await volunteerOfMunicipality(deps, user, volunteerId);
  const key = deps.scanKey(volunteerId, input.scanId);
  const blob = await deps.blobs.head(key);
  if (!blob) throw new RuleViolation('hours.consent-scan-missing', { lv: 'Vispirms augšupielādējiet parakstītās veidlapas skenējumu', en: 'Upload the scan of the signed form first' }, 'body.scanId');
  const now = deps.clock.now();
  if (input.signedOn > rigaDate(now)) throw new RuleViolation('hours.consent-date-future', { lv: 'Piekrišanas datums nevar būt nākotnē', en: "The consent's date cannot be in the future" }, 'body.signedOn');
  if (input.signedOn < volunteer.birthDate) throw new RuleViolation('hours.consent-before-birth', { lv: 'Piekrišanas datums nevar būt pirms dzimšanas datuma', en: "The consent's date cannot be before the birth date" }, 'body.signedOn');
  const current = await deps.consents.get(volunteerId);
  const at = now.toISOString();
  const record: ConsentRecord = {
    volunteerId, volunteerName: volunteer.name, municipality: volunteer.municipality, status: 'given',
    guardian: { name: input.guardian.name, email: input.guardian.email ?? null, relation: input.guardian.relation }, via: 'paper',
    linkNonce: null, requestedAt: null, linkExpiresAt: null, givenAt: at, evidence: null,
    paper: { signedOn: input.signedOn, scanKey: key, contentType: blob.contentType, sizeBytes: blob.sizeBytes, recordedBy: user.sub },
    withdrawnAt: null, withdrawal: null, updatedAt: at, version: (current?.version ?? 0) + 1,
  };
  await deps.consents.commit({ record, volunteerConsent: projection(record, input.signedOn), events: [event('GuardianConsentGiven', record, at, user.sub)] });
  await tellYouth(deps, record, true);
  return consentView(record);
}

/**
 * A coordinator records a guardian's withdrawal that came outside the link (a letter, a form, in person), whether the
 * consent was given by link or on paper. 1. a coordinator of the volunteer's municipality  2. a consent is given
 * (else 409)  3. the date it came not after today nor before the consent was given  4. the record, the volunteer's
 * projection and GuardianConsentWithdrawn in one transaction, at the record's version (a concurrent change: 409).
 * From then on no new hours or sign-ups are accepted, as after a withdrawal by the link; the link says withdrawn.
 */
export async function recordConsentWithdrawal(deps: ConsentDeps, user: User, volunteerId: string, input: ConsentWithdrawalInput): Promise<ConsentView> {
  await volunteerOfMunicipality(deps, user, volunteerId);
  const record = await deps.consents.get(volunteerId);
  if (!record) throw new NotFoundError('guardian consent', volunteerId);
  if (record.status !== 'given') {
    throw new ConflictError(`the consent of ${volunteerId} is ${record.status}, not given`, {
      lv: record.status === 'withdrawn' ? 'Piekrišana jau ir atsaukta' : 'Piekrišana vēl nav dota; nav ko atsaukt',
      en: record.status === 'withdrawn' ? 'The consent is already withdrawn' : 'No consent has been given yet; there is nothing to withdraw',
    });
  }
  const now = deps.clock.now();
  const givenOn = record.paper?.signedOn ?? rigaDate(new Date(record.givenAt!));
  if (input.receivedOn > rigaDate(now)) throw new RuleViolation('hours.consent-date-future', { lv: 'Atsaukuma datums nevar būt nākotnē', en: "The withdrawal's date cannot be in the future" }, 'body.receivedOn');
  if (input.receivedOn < givenOn) throw new RuleViolation('hours.withdrawal-before-consent', { lv: 'Atsaukuma datums nevar būt pirms piekrišanas datuma', en: "The withdrawal's date cannot be before the consent's" }, 'body.receivedOn');
  const at = now.toISOString();
  const withdrawn: ConsentRecord = {
    ...record, status: 'withdrawn', withdrawnAt: at, updatedAt: at, version: record.version + 1,
    withdrawal: { receivedOn: input.receivedOn, note: input.note ?? null, recordedBy: user.sub },
  };
  await deps.consents.commit({ record: withdrawn, volunteerConsent: projection(withdrawn, givenOn), events: [event('GuardianConsentWithdrawn', withdrawn, at, user.sub)] });
  await tellYouth(deps, withdrawn, true);
  return consentView(withdrawn);
}

/** A volunteer's consent record: the youth their own, a coordinator those of their municipality. */
export async function consentOf(deps: ConsentDeps, user: User, volunteerId: string): Promise<ConsentView> {
  if (user.role === 'youth') {
    if (user.sub !== volunteerId) throw new ForbiddenError('a youth reads only their own consent');
  } else {
    await volunteerOfMunicipality(deps, user, volunteerId);
  }
  const record = await deps.consents.get(volunteerId);
  if (!record) throw new NotFoundError('guardian consent', volunteerId);
  return consentView(record);
}

/** A coordinator's list of the municipality's consents in one state (withdrawals first of all), newest first. */
export async function listConsents(deps: ConsentDeps, user: User, municipality: string, status: ConsentStatus): Promise<ConsentView[]> {
  assertRole(user, ['coordinator'], 'list guardian consents');
  assertActsFor(user, municipality);
  return (await deps.consents.listByStatus(municipality, status, 200)).map(consentView);
}
