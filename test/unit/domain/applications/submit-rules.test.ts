import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../../lib/domain/errors.js';
import { DEFAULT_APPLICATION_POLICY as policy } from '../../../../lib/domain/applications/policy.js';
import { assertSubmittable, submitIssues } from '../../../../lib/domain/applications/submit-rules.js';
import type { ApplicationContent } from '../../../../lib/domain/applications/types.js';
import { aCompleteContent } from '../../../support/applications.js';

const ceiling = { amountCents: 2_000_000, runId: 'run-1' };
const team = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `D ${i}`, position: 'darbinieks' }));
const activity = (startDate: string, endDate: string) => ({ title: 'A', startDate, endDate });
const only = (content: Partial<ApplicationContent>, cohort: 1 | 2 = 1, c: typeof ceiling | null = ceiling) =>
  submitIssues(aCompleteContent(content), cohort, c ?? undefined, policy).map((i) => `${i.field} ${i.rule}`);

describe('submit rules of an application', () => {
  it('accepts a complete application within its window, team, total and ceiling', () => {
    expect(submitIssues(aCompleteContent(), 1, ceiling, policy)).toEqual([]);
    expect(() => assertSubmittable(aCompleteContent(), 1, ceiling, policy)).not.toThrow();
  });

  it.each([
    ['an activity ending after 2026-04-30', { activities: [activity('2025-01-01', '2026-05-01')] }, 1, ['activities.0.endDate application.activity-after-project-end']],
    ['an activity starting and ending after the project', { activities: [activity('2026-05-02', '2026-06-01')] }, 1, ['activities.0.endDate application.activity-after-project-end']],
    ['a cohort 1 activity before its window (2024-03-01)', { activities: [activity('2024-02-29', '2024-04-01')] }, 1, ['activities.0.startDate application.activity-before-window']],
    ['a cohort 2 activity before its window (2025-01-01)', { activities: [activity('2024-12-31', '2025-03-01')] }, 2, ['activities.0.startDate application.activity-before-window']],
    ['a cost planned after 2026-04-30', { budgetLines: [{ category: 'training', description: 'x', amountCents: 1_500_000, plannedDate: '2026-05-01' }] }, 1, ['budgetLines.0.plannedDate application.cost-after-project-end']],
    ['an activity ending before it starts', { activities: [activity('2025-03-01', '2025-02-01')] }, 1, ['activities.0.endDate application.activity-ends-before-start']],
    ['no activities', { activities: [] }, 1, ['activities application.required']],
    ['a team of 5', { team: team(5) }, 1, ['team application.team-size']],
    ['a team of 9', { team: team(9) }, 1, ['team application.team-size']],
    ['no team', { team: undefined }, 1, ['team application.team-size']],
    ['a total that differs from the budget lines', { requestedTotalCents: 1_500_001 }, 1, ['requestedTotalCents application.total-mismatch']],
    ['no requested total', { requestedTotalCents: undefined }, 1, ['requestedTotalCents application.required']],
    ['no council decision', { councilDecision: undefined }, 1, ['councilDecision application.council-decision-missing']],
    ['no contact person', { contactPerson: undefined }, 1, ['contactPerson application.required']],
    ['no title', { title: undefined }, 1, ['title application.required']],
    ['a blank summary', { summary: '  ' }, 1, ['summary application.required']],
    ['no objectives', { objectives: [] }, 1, ['objectives application.required']],
    ['no target groups', { targetGroups: [] }, 1, ['targetGroups application.required']],
    ['a target group of 10–18-year-olds', { targetGroups: [{ description: 'x', ageFrom: 10, ageTo: 18 }] }, 1, ['targetGroups.0 application.target-age-range']],
    ['a target group up to 30', { targetGroups: [{ description: 'x', ageFrom: 18, ageTo: 30 }] }, 1, ['targetGroups.0 application.target-age-range']],
    ['no young people expected', { expectedYoungPeople: 0 }, 1, ['expectedYoungPeople application.expected-young-people']],
    ['no budget lines (and so a mismatching total)', { budgetLines: [] }, 1, ['budgetLines application.required', 'requestedTotalCents application.total-mismatch']],
  ] as const)('refuses %s', (_, content, cohort, expected) => {
    expect(only(content as Partial<ApplicationContent>, cohort)).toEqual(expected);
  });

  it.each([[6], [7], [8]])('accepts a team of %i', (n) => {
    expect(only({ team: team(n) })).toEqual([]);
  });

  it('accepts an activity ending exactly on 2026-04-30 and one starting on the window start', () => {
    expect(only({ activities: [activity('2024-03-01', '2026-04-30')] })).toEqual([]);
    expect(only({ activities: [activity('2025-01-01', '2026-04-30')] }, 2)).toEqual([]);
  });

  it('refuses a total above the published allocation, and accepts one equal to it', () => {
    expect(only({}, 1, { amountCents: 1_499_999, runId: 'r' })).toEqual(['requestedTotalCents application.exceeds-allocation']);
    expect(only({}, 1, { amountCents: 1_500_000, runId: 'r' })).toEqual([]);
  });

  it('refuses any submission while no allocation is published for the municipality', () => {
    expect(only({}, 1, null)).toEqual(['requestedTotalCents application.no-published-allocation']);
  });

  it('reports every failing field at once, with bilingual messages', () => {
    const content: ApplicationContent = { title: 'Tikai nosaukums', activities: [activity('2023-01-01', '2027-01-01')], team: team(2), budgetLines: [{ category: 'training', description: 'x', amountCents: 100 }], requestedTotalCents: 5_000_000 };
    const issues = submitIssues(content, 1, ceiling, policy);
    expect(issues.map((i) => `${i.field} ${i.rule}`)).toEqual([
      'summary application.required',
      'objectives application.required',
      'targetGroups application.required',
      'activities.0.startDate application.activity-before-window',
      'activities.0.endDate application.activity-after-project-end',
      'expectedYoungPeople application.expected-young-people',
      'team application.team-size',
      'requestedTotalCents application.total-mismatch',
      'requestedTotalCents application.exceeds-allocation',
      'councilDecision application.council-decision-missing',
      'contactPerson application.required',
    ]);
    expect(issues.find((i) => i.rule === 'application.team-size')!.message).toEqual({
      lv: 'Jaunatnes darbinieku komandā jābūt 6–8 cilvēkiem (norādīti 2)',
      en: 'The youth-worker team must have 6–8 people (2 given)',
    });
    try {
      assertSubmittable(content, 1, ceiling, policy);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolation);
      expect((error as RuleViolation).ruleId).toBe('application.not-submittable');
      expect((error as RuleViolation).issues).toHaveLength(11);
    }
  });

  it('refuses a council decision dated after the day of submission, and accepts one dated that day', () => {
    const decided = (date: string) => aCompleteContent({ councilDecision: { number: '5/2024', date } });
    expect(submitIssues(decided('2024-02-02'), 1, ceiling, policy, '2024-02-01').map((i) => `${i.field} ${i.rule}`))
      .toEqual(['councilDecision.date application.council-decision-in-future']);
    expect(submitIssues(decided('2024-02-01'), 1, ceiling, policy, '2024-02-01')).toEqual([]);
  });

  it('reads the windows from policy data, so a corrected start date changes the rule', () => {
    const later = { ...policy, windows: { ...policy.windows, 1: { start: '2024-05-01', end: '2026-04-30' } } };
    expect(submitIssues(aCompleteContent(), 1, ceiling, later).map((i) => i.field)).toEqual(['activities.0.startDate']);
  });

  it.each([
    [1, '1 kļūda'], [2, '2 kļūdas'], [11, '11 kļūdas'], [21, '21 kļūda'], [22, '22 kļūdas'],
  ])('counts %i failing fields in Latvian as "%s"', (n, words) => {
    const activities = Array.from({ length: n }, () => activity('2025-03-01', '2025-02-01'));
    try {
      assertSubmittable(aCompleteContent({ activities }), 1, ceiling, policy);
      expect.unreachable('expected a rule violation');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleViolation);
      expect((e as RuleViolation).title.lv).toBe(`Pieteikumu nevar iesniegt: ${words}`);
    }
  });

  it.each([[1, 'norādīts 1'], [5, 'norādīti 5'], [9, 'norādīti 9']])('states a team of %i in Latvian as "%s"', (n, words) => {
    const issue = submitIssues(aCompleteContent({ team: team(n) }), 1, ceiling, policy).find((i) => i.rule === 'application.team-size');
    expect(issue?.message.lv).toContain(`(${words})`);
  });
});

describe('the allocation as the ceiling of the municipality', () => {
  const rules = (requested: number, others: { approvedCents: number; pendingCents: number }) =>
    submitIssues(aCompleteContent({ budgetLines: [{ category: 'training', description: 'x', amountCents: requested }], requestedTotalCents: requested }), 1, ceiling, policy, undefined, others)
      .map((i) => `${i.field} ${i.rule}`);

  it.each([
    ['exactly the headroom left by approved and pending ones', 800_000, { approvedCents: 700_000, pendingCents: 500_000 }, []],
    ['one cent above it', 800_001, { approvedCents: 700_000, pendingCents: 500_000 }, ['requestedTotalCents application.exceeds-headroom']],
    ['anything once the others hold it all', 1, { approvedCents: 2_000_000, pendingCents: 0 }, ['requestedTotalCents application.exceeds-headroom']],
    ['above the allocation itself (one rule, not two)', 2_000_001, { approvedCents: 100, pendingCents: 0 }, ['requestedTotalCents application.exceeds-allocation']],
    ['the whole allocation with nothing else held', 2_000_000, { approvedCents: 0, pendingCents: 0 }, []],
  ])('%s', (_, requested, others, expected) => {
    expect(rules(requested, others)).toEqual(expected);
  });

  it('names a headroom of 0.00 EUR, never a negative one, when a lower allocation was published after approvals', () => {
    const issue = submitIssues(aCompleteContent(), 1, ceiling, policy, undefined, { approvedCents: 2_500_000, pendingCents: 0 })[0];
    expect(issue?.message.lv).toContain('atlikušo finansējumu 0.00 EUR');
    expect(issue?.message.en).toContain('remaining headroom of EUR 0.00');
  });
});
