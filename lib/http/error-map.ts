// The one place an error becomes an HTTP response: DomainError kinds map to a status and a problem+json body.
import { DomainError, ForbiddenError, RuleViolation, ValidationError } from '../domain/errors.js';
import type { Lang } from './language.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

const STATUS: Record<DomainError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-violation': 422,
};

export interface ErrorResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Known domain errors keep their detail; anything else is a bug and gets a fixed 500 message. */
export function problemFor(error: unknown, lang: Lang, correlationId: string): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    const problem: Problem = {
      type: `/problems/${error.kind}`,
      title: error.title[lang],
      status,
      ...(error.detail ? { detail: error.detail } : {}),
      correlationId,
    };
    if (error instanceof ValidationError) {
      problem.errors = error.issues.map(({ localized, ...issue }) => (localized ? { ...issue, message: localized[lang] } : issue));
    }
    if (error instanceof ForbiddenError && error.reason) {
      problem.rule = error.reason.rule;
      problem.detail = error.reason.message[lang];
    }
    if (error instanceof RuleViolation) {
      problem.rule = error.ruleId;
      problem.detail = error.title[lang];
      problem.title = lang === 'lv' ? 'Pārkāpts noteikums' : 'Rule violated';
      if (error.field) problem.errors = [{ field: error.field, rule: error.ruleId, message: error.title[lang] }];
      if (error.issues?.length) problem.errors = error.issues.map((i) => ({ field: i.field, rule: i.rule, message: i.message[lang] }));
    }
    const headers: Record<string, string> = error.kind === 'unauthenticated' ? { 'www-authenticate': 'Bearer' } : {};
    return { problem, headers };
  }
  return {
    problem: {
      type: '/problems/internal',
      title: lang === 'lv' ? 'Iekšēja kļūda' : 'Internal error',
      status: 500,
      detail: lang === 'lv'
        ? 'Radās neparedzēta kļūda. Lūdzu, norādiet korelācijas identifikatoru, ziņojot par to.'
        : 'An unexpected error occurred. Please quote the correlation id when reporting it.',
      correlationId,
    },
    headers: {},
  };
}

export function errorResponse(error: unknown, lang: Lang, correlationId: string): ErrorResponse {
  const { problem, headers } = problemFor(error, lang, correlationId);
  return {
    statusCode: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': lang, ...headers },
    body: JSON.stringify(problem),
  };
}

/**
 * A known path asked with a method none of its routes serves (RFC 9110 §15.5.6): 405 with `Allow`. Not a domain
 * error: only the local gateway answers it (API Gateway answers any unmatched route key with its own 404).
 */
export function methodNotAllowedResponse(method: string, path: string, allow: string, lang: Lang, correlationId: string): ErrorResponse {
  const problem: Problem = {
    type: '/problems/method-not-allowed',
    title: lang === 'lv' ? 'Metode nav atļauta' : 'Method not allowed',
    status: 405,
    detail: lang === 'lv'
      ? `Resurss ${path} neatbalsta metodi ${method}; atļautās metodes: ${allow}`
      : `${path} does not support ${method}; allowed methods: ${allow}`,
    correlationId,
  };
  return {
    statusCode: 405,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': lang, allow },
    body: JSON.stringify(problem),
  };
}
