// Domain errors: typed values that know nothing of HTTP; lib/http/error-map.ts turns each into one status.

/** One broken rule on one field, as reported to the client (`field` is a JSON pointer-ish dotted path). */
export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
  /** The message in both languages, when the domain has it; the error map answers in the request's language. */
  localized?: Bilingual;
}

/** A message in both user-facing languages. Latvian is the default. */
export interface Bilingual {
  lv: string;
  en: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'rule-violation';
  constructor(readonly title: Bilingual, readonly detail?: string) {
    super(detail ?? title.en);
    this.name = new.target.name;
  }
}

/** The request is malformed: every failing field is listed at once. */
export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  constructor(readonly issues: FieldIssue[], detail?: string) {
    super({ lv: 'Pieprasījuma dati nav derīgi', en: 'The request is not valid' }, detail);
  }
}

/** No valid identity was presented. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(detail?: string) {
    super({ lv: 'Nepieciešama autentifikācija', en: 'Authentication required' }, detail);
  }
}

/**
 * The identity is known but its role or municipality does not allow this. `reason`, when given, names the
 * stable rule (e.g. `identity.municipality-missing`) and says in both languages what is missing.
 */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(detail?: string, readonly reason?: { rule: string; message: Bilingual }) {
    super({ lv: 'Piekļuve liegta', en: 'Access denied' }, detail ?? reason?.message.en);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(readonly resource: string, readonly id: string, title: Bilingual = { lv: 'Nav atrasts', en: 'Not found' }, detail = `${resource} ${id} does not exist`) {
    super(title, detail);
  }
}

/** The state changed under the caller (stale version, duplicate, illegal transition). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(detail: string, title: Bilingual = { lv: 'Konflikts ar pašreizējo stāvokli', en: 'Conflict with the current state' }) {
    super(title, detail);
  }
}

/** One broken business rule on one field, with its message in both languages (see RuleViolation.issues). */
export interface RuleIssue {
  field: string;
  rule: string;
  message: Bilingual;
}

/**
 * A business rule refused the request. `ruleId` is stable (e.g. `hours.minor-daily-cap`). When several
 * rules fail at once (e.g. a whole application on submit), `issues` lists every one of them.
 */
export class RuleViolation extends DomainError {
  readonly kind = 'rule-violation' as const;
  constructor(readonly ruleId: string, message: Bilingual, readonly field?: string, readonly issues?: readonly RuleIssue[]) {
    super(message, message.en);
  }
}
