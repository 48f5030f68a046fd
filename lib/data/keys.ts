// Every key of every item is built here and nowhere else (see table.ts for the access patterns).

export const keys = {
  municipality: (code: string) => ({ pk: `MUNI#${code}`, sk: 'PROFILE' }),
  municipalityYouthContact: (code: string) => ({ pk: `MUNI#${code}`, sk: 'CONTACT#YOUTH' }),
  municipalityListing: (code: string) => ({ gsi1pk: 'MUNICIPALITIES', gsi1sk: code }),
  municipalitiesCollection: () => ({ gsi1pk: 'MUNICIPALITIES' }),
  /** The published (current) allocation line of one municipality: written by allocation publishing, read as the application ceiling. */
  publishedAllocation: (code: string) => ({ pk: 'ALLOCATION#CURRENT', sk: `MUNI#${code}` }),
  user: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  /** Project application: the head (state + working content) and its frozen versions share one partition. */
  applicationHead: (id: string) => ({ pk: `APP#${id}`, sk: 'HEAD' }),
  applicationVersion: (id: string, version: number) => ({ pk: `APP#${id}`, sk: `VERSION#${String(version).padStart(4, '0')}` }),
  applicationVersionsPrefix: (id: string) => ({ pk: `APP#${id}`, skPrefix: 'VERSION#' }),
  applicationAttachment: (id: string, attachmentId: string) => ({ pk: `APP#${id}`, sk: `ATTACH#${attachmentId}` }),
  applicationAttachmentsPrefix: (id: string) => ({ pk: `APP#${id}`, skPrefix: 'ATTACH#' }),
  /** Object key of an attachment's bytes in the file store (S3 bucket or local files directory). */
  applicationAttachmentBlob: (id: string, attachmentId: string) => `applications/${id}/${attachmentId}`,
  applicationOfMunicipality: (code: string, createdAt: string, id: string) => ({ gsi1pk: `APPS#${code}`, gsi1sk: `${createdAt}#${id}` }),
  applicationsOfMunicipality: (code: string) => ({ gsi1pk: `APPS#${code}` }),
  applicationInQueue: (status: string, cohort: number, since: string, id: string) => ({ gsi2pk: `APPQ#${status}#C${cohort}`, gsi2sk: `${since}#${id}` }),
  applicationQueue: (status: string, cohort: number) => ({ gsi2pk: `APPQ#${status}#C${cohort}` }),
  /** The running total (approved + pending) of a municipality's applications against its allocation: every decision is conditional on it. */
  municipalityFunding: (code: string) => ({ pk: `MUNI#${code}`, sk: 'FUNDING#APPLICATIONS' }),
  /** Every published allocation line (query pk, sk begins_with). */
  publishedAllocationLines: () => ({ pk: 'ALLOCATION#CURRENT', skPrefix: 'MUNI#' }),
  /** Which run is current, with a version every publication bumps (serialises concurrent publications). */
  currentAllocationPointer: () => ({ pk: 'ALLOCATION#CURRENT', sk: 'POINTER' }),
  /** One stored allocation run (draft or published) with its parameters and lines. */
  allocationRun: (id: string) => ({ pk: `ALLOC#RUN#${id}`, sk: 'RUN' }),
  allocationRunListing: (createdAt: string, id: string) => ({ gsi1pk: 'ALLOC#RUNS', gsi1sk: `${createdAt}#${id}` }),
  /** One imported youth head-count dataset with its provenance and per-municipality lines. */
  headcountDataset: (id: string) => ({ pk: `HEADCOUNT#${id}`, sk: 'DATASET' }),
  headcountDatasetListing: (importedAt: string, id: string) => ({ gsi1pk: 'HEADCOUNT#DATASETS', gsi1sk: `${importedAt}#${id}` }),

  // Volunteer-hours logbook (see table.ts for the access patterns).
  volunteer: (volunteerId: string) => ({ pk: `VOL#${volunteerId}`, sk: 'PROFILE' }),
  /** Everything held under a volunteer's partition (profile, entries, tallies, consent, sign-ups, moves, calendar link): the erasure's read. */
  volunteerPartition: (volunteerId: string) => ({ pk: `VOL#${volunteerId}` }),
  /** A closed profile in the erasure queue by the last day its records are kept (sparse: only closed profiles). */
  erasureDue: (retainedUntil: string, volunteerId: string) => ({ gsi3pk: 'ERASURE', gsi3sk: `${retainedUntil}#${volunteerId}` }),
  erasureQueue: () => ({ gsi3pk: 'ERASURE' }),
  hourEntry: (volunteerId: string, date: string, id: string) => ({ pk: `VOL#${volunteerId}`, sk: `HOURS#${date}#${id}` }),
  hourEntryRange: (volunteerId: string, from: string, to: string) => ({ pk: `VOL#${volunteerId}`, skFrom: `HOURS#${from}#`, skTo: `HOURS#${to}#\uffff` }),
  hourEntryPointer: (id: string) => ({ pk: `ENTRY#${id}`, sk: 'POINTER' }),
  hourEntryAudit: (id: string, at: string, to: string) => ({ pk: `ENTRY#${id}`, sk: `AUDIT#${at}#${to}` }),
  hourEntryAuditPrefix: (id: string) => ({ pk: `ENTRY#${id}`, skPrefix: 'AUDIT#' }),
  /** A supervisor's decision link, by its random nonce (the URL's token is nonce + HMAC; the item says what it decides). */
  decisionLink: (nonce: string) => ({ pk: `LINK#${nonce}`, sk: 'DECISION' }),
  /** A request to move to another municipality; and the volunteer's pointer to their newest one (whether it is still open). */
  moveRequest: (id: string) => ({ pk: `MOVE#${id}`, sk: 'REQUEST' }),
  moveOfVolunteer: (volunteerId: string) => ({ pk: `VOL#${volunteerId}`, sk: 'MOVE' }),
  /** Every request a volunteer made, under their partition (so an erasure finds the older ones too). */
  moveOfVolunteerLog: (volunteerId: string, requestedAt: string, id: string) => ({ pk: `VOL#${volunteerId}`, sk: `MOVELOG#${requestedAt}#${id}` }),
  moveOfVolunteerLogPrefix: (volunteerId: string) => ({ pk: `VOL#${volunteerId}`, skPrefix: 'MOVELOG#' }),
  /** The requests waiting for the new municipality's coordinator, oldest first (removed once decided). */
  moveWaiting: (to: string, requestedAt: string, id: string) => ({ gsi2pk: `MOVES#${to}`, gsi2sk: `${requestedAt}#${id}` }),
  movesWaiting: (to: string) => ({ gsi2pk: `MOVES#${to}` }),
  /** A volunteer's guardian consent record (one per volunteer), and its history, one item per change. */
  guardianConsent: (volunteerId: string) => ({ pk: `VOL#${volunteerId}`, sk: 'CONSENT' }),
  /** A one-off data backfill that finished (its marker). */
  migration: (name: string) => ({ pk: 'MIGRATION', sk: name }),
  guardianConsentLog: (volunteerId: string, at: string, version: number) => ({ pk: `VOL#${volunteerId}`, sk: `CONSENTLOG#${at}#${String(version).padStart(4, '0')}` }),
  guardianConsentLogPrefix: (volunteerId: string) => ({ pk: `VOL#${volunteerId}`, skPrefix: 'CONSENTLOG#' }),
  /** A municipality's consents in one status, most recently changed last (coordinators read withdrawals). */
  guardianConsentListing: (municipality: string, status: string, at: string, volunteerId: string) => ({ gsi1pk: `CONSENTS#${municipality}#${status}`, gsi1sk: `${at}#${volunteerId}` }),
  guardianConsentsListed: (municipality: string, status: string) => ({ gsi1pk: `CONSENTS#${municipality}#${status}` }),
  /** A guardian's consent link, by its random nonce (a decision link's nonce lives under sk DECISION, never here). */
  consentLink: (nonce: string) => ({ pk: `LINK#${nonce}`, sk: 'CONSENT' }),
  /** A supervisor subscribed to the daily digest of pending entries, under their municipality (the job reads it whole). */
  digestSubscription: (municipality: string, sub: string) => ({ pk: `DIGEST#${municipality}`, sk: `SUB#${sub}` }),
  digestSubscriptionsPrefix: (municipality: string) => ({ pk: `DIGEST#${municipality}`, skPrefix: 'SUB#' }),
  /** The claim of one supervisor's digest for one Riga day: written once (conditional), so a day has one email. */
  digestDay: (sub: string, day: string) => ({ pk: `DIGESTSENT#${sub}`, sk: `DAY#${day}` }),
  /** Object key of a paper consent's scan in the file store. */
  consentScanBlob: (volunteerId: string, scanId: string) => `consents/${volunteerId}/${scanId}`,
  consentScansOf: (volunteerId: string) => `consents/${volunteerId}/`,
  /** Only pending entries carry these: the queue index stays sparse. */
  hourEntryQueue: (institutionId: string, createdAt: string, id: string) => ({ gsi2pk: `QUEUE#INST#${institutionId}`, gsi2sk: `${createdAt}#${id}` }),
  hourEntryProgrammeYear: (programme: string, year: number, date: string, id: string) => ({ gsi1pk: `HOURS#${programme}#${year}`, gsi1sk: `${date}#${id}` }),
  hoursTally: (volunteerId: string, programme: string, year: number) => ({ pk: `VOL#${volunteerId}`, sk: `TALLY#${programme}#${year}` }),
  /** Only eligible tallies carry these: the eligibility index stays sparse. */
  hoursEligibility: (programme: string, year: number, volunteerId: string) => ({ gsi3pk: `ELIG#${programme}#${year}`, gsi3sk: volunteerId }),
  hoursIdempotency: (volunteerId: string, key: string) => ({ pk: `IDEM#${volunteerId}#${key}`, sk: 'POST#HOURS' }),
  institution: (id: string) => ({ pk: `INST#${id}`, sk: 'PROFILE' }),
  institutionListing: (municipality: string, id: string) => ({ gsi1pk: `INSTITUTIONS#${municipality}`, gsi1sk: id }),
  supervisorAssignment: (institutionId: string, supervisorId: string) => ({ pk: `INST#${institutionId}`, sk: `SUPERVISOR#${supervisorId}` }),
  supervisorAssignmentListing: (supervisorId: string, institutionId: string) => ({ gsi1pk: `SUPERVISOR#${supervisorId}#INSTITUTIONS`, gsi1sk: institutionId }),
  hoursProgramme: (municipality: string) => ({ pk: `MUNI#${municipality}`, sk: 'PROGRAMME#HOURS' }),

  // Certificates and recognition runs (see table.ts for the access patterns).
  /** Deterministic: one certificate per programme, year and volunteer, however often a run is started. */
  certificate: (programme: string, year: number, volunteerId: string) => ({ pk: `CERT#${programme}#${year}#${volunteerId}`, sk: 'CERTIFICATE' }),
  /** Reserves a code and points at the certificate's key. */
  certificateCode: (code: string) => ({ pk: `CERTCODE#${code}`, sk: 'CODE' }),
  /** The code reserved for a volunteer's certificate before its PDF is written: a rerun reuses it (no orphan PDFs). */
  certificateCodeOfHolder: (programme: string, year: number, volunteerId: string) => ({ pk: `CERT#${programme}#${year}#${volunteerId}`, sk: 'CODE' }),
  certificateOfYear: (programme: string, year: number, volunteerId: string) => ({ gsi1pk: `CERTS#${programme}#${year}`, gsi1sk: volunteerId }),
  certificatesOfYear: (programme: string, year: number) => ({ gsi1pk: `CERTS#${programme}#${year}` }),
  /** Sparse: only flagged / revoked certificates carry these. */
  certificateFlagged: (programme: string, at: string, code: string) => ({ gsi2pk: `CERTFLAG#${programme}`, gsi2sk: `${at}#${code}` }),
  certificatesFlagged: (programme: string) => ({ gsi2pk: `CERTFLAG#${programme}` }),
  certificateRevoked: (programme: string, at: string, code: string) => ({ gsi2pk: `CERTREVOKED#${programme}`, gsi2sk: `${at}#${code}` }),
  certificatesRevoked: (programme: string) => ({ gsi2pk: `CERTREVOKED#${programme}` }),
  certificateRun: (id: string) => ({ pk: `CRUN#${id}`, sk: 'RUN' }),
  certificateRunBatch: (id: string, index: number) => ({ pk: `CRUN#${id}`, sk: `BATCH#${String(index).padStart(6, '0')}` }),
  certificateRunBatchesPrefix: (id: string) => ({ pk: `CRUN#${id}`, skPrefix: 'BATCH#' }),
  certificateRunOfScope: (scope: string | null, year: number, startedAt: string, id: string) => ({ gsi1pk: `CRUNS#${scope ?? 'ALL'}#${year}`, gsi1sk: `${startedAt}#${id}` }),
  certificateRunsOfScope: (scope: string | null, year: number) => ({ gsi1pk: `CRUNS#${scope ?? 'ALL'}#${year}` }),
  /** Written with a certificate, deleted with the confirmation of its email: what runs and the sweep still have to send. */
  certificateEmailPending: (programme: string, year: number, volunteerId: string) => ({ pk: 'CERTMAIL#PENDING', sk: `${programme}#${year}#${volunteerId}` }),
  certificateEmailsPending: (programme?: string) => ({ pk: 'CERTMAIL#PENDING', skPrefix: programme === undefined ? '' : `${programme}#` }),
  /** Issuer keys: public JWK + status per kid; the active kid of a municipality. */
  issuerKey: (municipality: string, kid: string) => ({ pk: `ISSUERKEY#${municipality}`, sk: `KEY#${kid}` }),
  issuerKeyListing: (kid: string) => ({ gsi1pk: 'ISSUERKEYS', gsi1sk: kid }),
  issuerKeysCollection: () => ({ gsi1pk: 'ISSUERKEYS' }),
  activeIssuerKey: (municipality: string) => ({ pk: `ISSUERKEY#${municipality}`, sk: 'ACTIVE' }),

  // Staff invitations and the accounts they opened (lib/data/invitation-repository.ts).
  invitation: (id: string) => ({ pk: `INVITE#${id}`, sk: 'INVITATION' }),
  /** Staff of a municipality (AGENCY for agency staff), by invitation time. */
  invitationListing: (municipality: string | null, invitedAt: string, id: string) => ({ gsi1pk: `STAFF#${municipality ?? 'AGENCY'}`, gsi1sk: `${invitedAt}#${id}` }),
  invitationsOf: (municipality: string | null) => ({ gsi1pk: `STAFF#${municipality ?? 'AGENCY'}` }),
  /** Held by a pending or accepted invitation: one invitation per email. */
  staffEmailLock: (email: string) => ({ pk: `STAFFEMAIL#${email.toLowerCase()}`, sk: 'LOCK' }),
  /** An accepted account's sub → its invitation. */
  staffAccount: (sub: string) => ({ pk: `USER#${sub}`, sk: 'STAFF' }),

  // Transactional outbox (see lib/data/outbox.ts): one item per domain event, written with the change it reports.
  /** Keyed by the event id: a re-written event (same id) is the same item, and the stream delivers only its first write. */
  outboxEvent: (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'EVENT' }),

  // The digital youth house (lib/data/youth-house-repository.ts): opportunities with their per-shift counters, sign-ups.
  /** One opportunity with its shifts, `registered` (per shift) and `waitSeq` (last waitlist number per shift). */
  opportunity: (id: string) => ({ pk: `OPP#${id}`, sk: 'OPPORTUNITY' }),
  /** Only published opportunities carry these, by first shift start (UTC ISO): the public list. */
  opportunityListing: (municipality: string, firstStart: string, id: string) => ({ gsi1pk: `OPPS#${municipality}`, gsi1sk: `${firstStart}#${id}` }),
  opportunitiesListed: (municipality: string) => ({ gsi1pk: `OPPS#${municipality}` }),
  /** A youth's sign-up for one shift, under the youth by the shift's date (the caps read a week of them). */
  shiftSignUp: (youthId: string, date: string, opportunityId: string, shift: number) => ({ pk: `VOL#${youthId}`, sk: `SIGNUP#${date}#${opportunityId}#${String(shift).padStart(3, '0')}` }),
  shiftSignUpRange: (youthId: string, from: string, to: string) => ({ pk: `VOL#${youthId}`, skFrom: `SIGNUP#${from}#`, skTo: `SIGNUP#${to}#\uffff` }),
  /** Only waitlisted sign-ups carry these: the shift's waitlist in arrival order. */
  shiftWaitlistEntry: (opportunityId: string, shift: number, position: number) => ({ gsi2pk: `WAITLIST#${opportunityId}#${String(shift).padStart(3, '0')}`, gsi2sk: String(position).padStart(6, '0') }),
  shiftWaitlist: (opportunityId: string, shift: number) => ({ gsi2pk: `WAITLIST#${opportunityId}#${String(shift).padStart(3, '0')}` }),
  /** Only offered sign-ups carry these: every open offer by its deadline (UTC ISO), for the sweep that passes expired ones on. */
  openOfferEntry: (expiresAt: string, opportunityId: string, shift: number, youthId: string) => ({ gsi2pk: 'OFFERS', gsi2sk: `${expiresAt}#${opportunityId}#${String(shift).padStart(3, '0')}#${youthId}` }),
  openOffers: () => ({ gsi2pk: 'OFFERS' }),
  /** Only offered sign-ups carry these: the offer's email link names its nonce. */
  offerLinkEntry: (nonce: string) => ({ gsi3pk: `OFFERLINK#${nonce}`, gsi3sk: 'OFFER' }),
  /** Every sign-up carries these (lib/data/youth-house-attendance.ts): an opportunity's sign-ups by shift, for attendance and the report. */
  shiftRosterEntry: (opportunityId: string, shift: number, youthId: string) => ({ gsi1pk: `ROSTER#${opportunityId}`, gsi1sk: `${String(shift).padStart(3, '0')}#${youthId}` }),
  shiftRoster: (opportunityId: string) => ({ gsi1pk: `ROSTER#${opportunityId}` }),
  /** Every opportunity carries these, whatever its status: a municipality's opportunities by first shift, for the report. */
  opportunityOfMunicipality: (municipality: string, firstStart: string, id: string) => ({ gsi3pk: `OPPSALL#${municipality}`, gsi3sk: `${firstStart}#${id}` }),
  opportunitiesOfMunicipality: (municipality: string) => ({ gsi3pk: `OPPSALL#${municipality}` }),

  // Youth-house news and feeds (lib/data/news-repository.ts, feed-reader.ts, calendar-token-repository.ts).
  newsPost: (id: string) => ({ pk: `NEWS#${id}`, sk: 'POST' }),
  /** Every post of a municipality by publication day: the public list reads those published by today. */
  newsListing: (municipality: string, publishOn: string, id: string) => ({ gsi1pk: `NEWSOF#${municipality}`, gsi1sk: `${publishOn}#${id}` }),
  newsListed: (municipality: string) => ({ gsi1pk: `NEWSOF#${municipality}` }),
  /** Non-draft opportunities by last shift end (UTC ISO), kept when closed or cancelled: the iCalendar feed's upcoming shifts and cancellations. */
  opportunityCalendarEntry: (municipality: string, lastEnd: string, id: string) => ({ gsi2pk: `OPPCAL#${municipality}`, gsi2sk: `${lastEnd}#${id}` }),
  opportunityCalendar: (municipality: string) => ({ gsi2pk: `OPPCAL#${municipality}` }),
  /** A youth's private calendar link (the token's SHA-256, never the token) and the token's way back to the youth. */
  youthCalendarLink: (youthId: string) => ({ pk: `VOL#${youthId}`, sk: 'CALENDARLINK' }),
  calendarToken: (tokenHash: string) => ({ pk: `CALTOKEN#${tokenHash}`, sk: 'TOKEN' }),
} as const;

export const ENTITY = {
  municipality: 'Municipality',
  youthContact: 'YouthContact',
  user: 'User',
  publishedAllocation: 'PublishedAllocation',
  application: 'Application',
  applicationVersion: 'ApplicationVersion',
  applicationAttachment: 'ApplicationAttachment',
  municipalityFunding: 'MunicipalityFunding',
  allocationPointer: 'AllocationPointer',
  allocationRun: 'AllocationRun',
  headcountDataset: 'HeadcountDataset',
  volunteer: 'Volunteer',
  moveRequest: 'MoveRequest',
  movePointer: 'MovePointer',
  moveLog: 'MoveLog',
  hourEntry: 'HourEntry',
  hourEntryPointer: 'HourEntryPointer',
  hourEntryAudit: 'HourEntryAudit',
  decisionLink: 'DecisionLink',
  invitation: 'Invitation',
  staffEmailLock: 'StaffEmailLock',
  staffAccount: 'StaffAccount',
  guardianConsent: 'GuardianConsent',
  migration: 'Migration',
  guardianConsentLog: 'GuardianConsentLog',
  consentLink: 'ConsentLink',
  digestSubscription: 'DigestSubscription',
  digestDay: 'DigestDay',
  hoursTally: 'HoursTally',
  hoursIdempotency: 'HoursIdempotency',
  institution: 'Institution',
  supervisorAssignment: 'SupervisorAssignment',
  hoursProgramme: 'HoursProgramme',
  certificate: 'Certificate',
  certificateCode: 'CertificateCode',
  certificateRun: 'CertificateRun',
  certificateRunBatch: 'CertificateRunBatch',
  certificateCodeReservation: 'CertificateCodeReservation',
  certificateEmailPending: 'CertificateEmailPending',
  issuerKey: 'IssuerKey',
  activeIssuerKey: 'ActiveIssuerKey',
  outboxEvent: 'OutboxEvent',
  opportunity: 'Opportunity',
  shiftSignUp: 'ShiftSignUp',
  newsPost: 'NewsPost',
  youthCalendarLink: 'YouthCalendarLink',
  calendarToken: 'CalendarToken',
} as const;
