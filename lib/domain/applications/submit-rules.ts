// The call's rules an application must meet on submit: every failing field is reported at once.
import { RuleViolation, type RuleIssue } from '../errors.js';
import type { Held } from './funding.js';
import { eur } from './money.js';
import type { ApplicationPolicy } from './policy.js';
import type { ApplicationContent, Cohort } from './types.js';

/** The municipality's published allocation: the most all its applications together may hold. */
export interface Ceiling {
  amountCents: number;
  runId: string;
}

/** Latvian counts agree in the singular when they end in 1 but not in 11 (1, 21, 101 kļūda; 11, 12 kļūdas). */
const latvianSingular = (n: number) => n % 10 === 1 && n % 100 !== 11;

/** Cents as euros with two decimals for messages: 150000 → "1500.00". */
export { eur };

/**
 * Every rule broken by `content` for `cohort`, in field order; empty when it may be submitted.
 * Rule ids are stable (`application.<rule>`), messages bilingual. `others` is what the municipality's
 * other applications hold of the same allocation (approved or pending, see funding.ts): the allocation is
 * the ceiling of the municipality, so the requested total must fit what they leave.
 */
export function submitIssues(content: ApplicationContent, cohort: Cohort, ceiling: Ceiling | undefined, policy: ApplicationPolicy, today?: string, others?: Held): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (field: string, rule: string, lv: string, en: string) => issues.push({ field, rule: `application.${rule}`, message: { lv, en } });
  const required = (field: string, present: boolean) => {
    if (!present) add(field, 'required', 'Lauks ir obligāts', 'This field is required');
  };
  const window = policy.windows[cohort];

  required('title', !!content.title);
  required('summary', !!content.summary?.trim());
  required('objectives', (content.objectives?.length ?? 0) > 0);
  required('targetGroups', (content.targetGroups?.length ?? 0) > 0);
  content.targetGroups?.forEach((g, i) => {
    if (g.ageFrom > g.ageTo || g.ageFrom < policy.youthAge.min || g.ageTo > policy.youthAge.max) {
      add(`targetGroups.${i}`, 'target-age-range',
        `Mērķa grupas vecumam jābūt no ${policy.youthAge.min} līdz ${policy.youthAge.max} gadiem`,
        `A target group's ages must lie between ${policy.youthAge.min} and ${policy.youthAge.max}`);
    }
  });

  required('activities', (content.activities?.length ?? 0) > 0);
  content.activities?.forEach((a, i) => {
    if (a.startDate > a.endDate) {
      add(`activities.${i}.endDate`, 'activity-ends-before-start', 'Aktivitāte beidzas pirms sākuma', 'The activity ends before it starts');
    }
    if (a.startDate < window.start) {
      add(`activities.${i}.startDate`, 'activity-before-window',
        `${cohort}. kārtas aktivitātes var sākties ne agrāk kā ${window.start}`,
        `Activities of cohort ${cohort} cannot start before ${window.start}`);
    }
    const end = window.end < policy.projectEnd ? window.end : policy.projectEnd;
    if (a.endDate > end) {
      add(`activities.${i}.endDate`, 'activity-after-project-end',
        `Projekts beidzas ${end}: pēc tam nevar notikt neviena aktivitāte`,
        `The project ends on ${end}: no activity may take place after it`);
    }
  });

  if (content.expectedYoungPeople === undefined || content.expectedYoungPeople < 1) {
    add('expectedYoungPeople', 'expected-young-people',
      `Norādiet, cik jauniešu (${policy.youthAge.min}–${policy.youthAge.max} g.) plānots sasniegt`,
      `State how many young people (${policy.youthAge.min}–${policy.youthAge.max}) the project will reach`);
  }

  const team = content.team?.length ?? 0;
  if (team < policy.team.min || team > policy.team.max) {
    add('team', 'team-size',
      `Jaunatnes darbinieku komandā jābūt ${policy.team.min}–${policy.team.max} cilvēkiem (${latvianSingular(team) ? 'norādīts' : 'norādīti'} ${team})`,
      `The youth-worker team must have ${policy.team.min}–${policy.team.max} people (${team} given)`);
  }

  required('budgetLines', (content.budgetLines?.length ?? 0) > 0);
  content.budgetLines?.forEach((l, i) => {
    if (l.plannedDate && l.plannedDate > policy.projectEnd) {
      add(`budgetLines.${i}.plannedDate`, 'cost-after-project-end',
        `Projekts beidzas ${policy.projectEnd}: pēc tam izmaksas nav attiecināmas`,
        `The project ends on ${policy.projectEnd}: no cost is eligible after it`);
    }
  });
  const sum = (content.budgetLines ?? []).reduce((s, l) => s + l.amountCents, 0);
  if (content.requestedTotalCents === undefined) {
    required('requestedTotalCents', false);
  } else {
    if (content.requestedTotalCents !== sum) {
      add('requestedTotalCents', 'total-mismatch',
        `Pieprasītajai summai (${eur(content.requestedTotalCents)} EUR) jāsakrīt ar budžeta rindu summu (${eur(sum)} EUR)`,
        `The requested total (EUR ${eur(content.requestedTotalCents)}) must equal the sum of the budget lines (EUR ${eur(sum)})`);
    }
    if (!ceiling) {
      add('requestedTotalCents', 'no-published-allocation',
        'Pašvaldībai vēl nav publicēta finansējuma sadale: pieteikumu iesniegt nevar',
        'No allocation has been published for the municipality yet: the application cannot be submitted');
    } else if (content.requestedTotalCents > ceiling.amountCents) {
      add('requestedTotalCents', 'exceeds-allocation',
        `Pieprasītā summa pārsniedz pašvaldībai piešķirto ${eur(ceiling.amountCents)} EUR`,
        `The requested total exceeds the municipality's allocation of EUR ${eur(ceiling.amountCents)}`);
    } else if (others && content.requestedTotalCents > ceiling.amountCents - others.approvedCents - others.pendingCents) {
      const left = Math.max(0, ceiling.amountCents - others.approvedCents - others.pendingCents);
      add('requestedTotalCents', 'exceeds-headroom',
        `Pieprasītā summa (${eur(content.requestedTotalCents)} EUR) pārsniedz pašvaldības atlikušo finansējumu ${eur(left)} EUR: no piešķirtajiem ${eur(ceiling.amountCents)} EUR apstiprināti ${eur(others.approvedCents)} EUR, izskatīšanā ${eur(others.pendingCents)} EUR`,
        `The requested total (EUR ${eur(content.requestedTotalCents)}) exceeds the municipality's remaining headroom of EUR ${eur(left)}: of its allocation of EUR ${eur(ceiling.amountCents)}, EUR ${eur(others.approvedCents)} is approved and EUR ${eur(others.pendingCents)} pending`);
    }
  }

  if (!content.councilDecision) {
    add('councilDecision', 'council-decision-missing',
      'Norādiet domes lēmuma numuru un datumu par dalību projektā',
      "State the number and date of the council's decision to take part");
  } else if (today && content.councilDecision.date > today) {
    add('councilDecision.date', 'council-decision-in-future',
      'Domes lēmuma datums nevar būt nākotnē', "The council decision's date cannot be in the future");
  }
  required('contactPerson', !!content.contactPerson);
  return issues;
}

/** Throws one RuleViolation listing every issue (422 with `errors[]`), or returns when the content may be submitted. */
export function assertSubmittable(content: ApplicationContent, cohort: Cohort, ceiling: Ceiling | undefined, policy: ApplicationPolicy, today?: string, others?: Held): void {
  const issues = submitIssues(content, cohort, ceiling, policy, today, others);
  if (issues.length === 0) return;
  throw new RuleViolation('application.not-submittable', {
    lv: `Pieteikumu nevar iesniegt: ${issues.length} ${latvianSingular(issues.length) ? 'kļūda' : 'kļūdas'}`,
    en: `The application cannot be submitted: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`,
  }, undefined, issues);
}
