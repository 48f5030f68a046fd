// Turns a head-count dataset and the agency's parameters into run lines: participants, cohorts, formula. Pure.
import { RuleViolation, ValidationError, type FieldIssue } from '../errors.js';
import type { HeadcountLine } from '../headcounts/types.js';
import { isValidOn, type Municipality } from '../municipalities/types.js';
import { allocate, parameterIssues } from './formula.js';
import type { RunLine, RunParameters } from './types.js';

export interface PlanInput {
  budgetCents: number;
  reserveCents: number;
  baseCents: number;
  floorCents: number | null;
  capCents: number | null;
  participants?: readonly string[];
  cohort1?: readonly string[];
  cohort2?: readonly string[];
}

export interface Plan {
  parameters: RunParameters;
  distributableCents: number;
  totalYouth: number;
  rounds: number;
  lines: RunLine[];
}

const sorted = (codes: Iterable<string>) => [...codes].sort();

/**
 * 1. participants: as given, else every municipality valid on the reference date; each must be known,
 *    valid on that date and present in the dataset  2. cohort tags must name participants, each once
 * 3. the formula's parameters must be feasible  4. allocate. Field names are those of the request body.
 */
export function planRun(lines: readonly HeadcountLine[], input: PlanInput, registry: readonly Municipality[], referenceDate: string): Plan {
  const issues: FieldIssue[] = [];
  const known = new Map(registry.map((m) => [m.code, m]));
  const participants = sorted(new Set(input.participants ?? registry.filter((m) => isValidOn(m, referenceDate)).map((m) => m.code)));
  if (input.participants && participants.length !== input.participants.length) {
    issues.push({ field: 'body.participants', rule: 'allocation.duplicate-participant', message: 'pašvaldība norādīta divreiz / a municipality is listed twice' });
  }
  for (const code of participants) {
    const m = known.get(code);
    if (!m) issues.push({ field: 'body.participants', rule: 'allocation.unknown-municipality', message: `nezināma pašvaldība ${code} / unknown municipality ${code}` });
    else if (!isValidOn(m, referenceDate)) {
      issues.push({ field: 'body.participants', rule: 'allocation.not-valid-on-reference-date', message: `${code} nepastāv ${referenceDate} / ${code} does not exist on ${referenceDate}` });
    }
  }
  const inParticipants = new Set(participants);
  const cohort1 = sorted(new Set(input.cohort1 ?? []));
  const cohort2 = sorted(new Set(input.cohort2 ?? []));
  for (const [field, list] of [['body.cohort1', cohort1], ['body.cohort2', cohort2]] as const) {
    for (const code of list) {
      if (!inParticipants.has(code)) issues.push({ field, rule: 'allocation.cohort-not-participant', message: `${code} nav dalībnieks / ${code} is not a participant` });
    }
  }
  for (const code of cohort1) {
    if (cohort2.includes(code)) issues.push({ field: 'body.cohort2', rule: 'allocation.cohort-twice', message: `${code} ir abās kārtās / ${code} is in both cohorts` });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const counts = new Map(lines.map((l) => [l.code, l]));
  const missing = participants.filter((c) => !counts.has(c));
  if (missing.length > 0) {
    throw new RuleViolation('allocation.missing-headcount', {
      lv: `Datu kopā nav jauniešu skaita: ${missing.join(', ')}`,
      en: `The dataset has no head-count for: ${missing.join(', ')}`,
    }, 'body.participants');
  }
  const entries = participants.map((code) => ({ code, youth: counts.get(code)!.youth }));
  const money = { budgetCents: input.budgetCents, reserveCents: input.reserveCents, baseCents: input.baseCents, floorCents: input.floorCents, capCents: input.capCents };
  const problems = parameterIssues(money, entries);
  if (problems.length > 0) {
    const [lv, en] = [0, 1].map((k) => problems.map((p) => p.message.split(' / ')[k] ?? p.message).join('; '));
    throw new RuleViolation(problems[0]!.rule, { lv: lv!, en: en! }, `body.${problems[0]!.field}`);
  }
  const result = allocate(money, entries);
  const cohortOf = (code: string) => (cohort1.includes(code) ? 1 : cohort2.includes(code) ? 2 : null);
  return {
    parameters: { ...money, participants, cohort1, cohort2 },
    distributableCents: result.distributableCents,
    totalYouth: result.totalYouth,
    rounds: result.rounds,
    lines: result.lines.map((l) => ({
      code: l.code,
      name: known.get(l.code)?.name ?? counts.get(l.code)!.name,
      cohort: cohortOf(l.code),
      youth: l.youth,
      amountCents: l.amountCents,
      explanation: l.explanation,
    })),
  };
}
