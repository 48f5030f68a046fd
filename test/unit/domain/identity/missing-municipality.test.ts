// Defence in depth behind the identity boundary: a non-agency user without a municipality is refused, never read as "all".
import { describe, expect, it } from 'vitest';
import type { AllocationRepository } from '../../../../lib/domain/allocation/ports.js';
import type { PublishedLine } from '../../../../lib/domain/allocation/types.js';
import { getCurrentAllocation } from '../../../../lib/domain/allocation/use-cases/get-current-allocation.js';
import { createDraft } from '../../../../lib/domain/applications/use-cases/create-draft.js';
import { ForbiddenError } from '../../../../lib/domain/errors.js';
import { assertActsFor, identityGap, ownMunicipality, type User } from '../../../../lib/domain/identity/types.js';
import { fakeDeps } from '../../../support/application-fakes.js';

const person = (role: User['role'], municipality: string | null, institution: string | null = null): User =>
  ({ sub: `${role}-x`, role, municipality, institution, email: null, name: null });

const ruleOf = async (run: () => unknown): Promise<string | undefined> => {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return (error as ForbiddenError).reason?.rule ?? 'forbidden-without-rule';
  }
  return undefined;
};

describe('identityGap', () => {
  it.each([
    [person('agency', null), null],
    [person('agency', 'LV-042'), null],
    [person('agency', 'LV-000'), 'unknownMunicipality'],
    [person('coordinator', 'LV-042'), null],
    [person('coordinator', 'LV-102'), null], // Varakļāni, merged into Madona: still a registry code
    [person('coordinator', null), 'municipality'],
    [person('youth', 'LV-000'), 'unknownMunicipality'],
    [person('supervisor', 'LV-042', 'i-1'), null],
    [person('supervisor', 'LV-042'), 'institution'],
  ] as const)('%j lacks %s', (user, gap) => {
    expect(identityGap(user)).toBe(gap);
  });
});

describe('use cases given a non-agency user without a municipality', () => {
  it.each(['youth', 'supervisor', 'coordinator'] as const)('assertActsFor refuses a %s by rule', async (role) => {
    expect(await ruleOf(() => assertActsFor(person(role, null), 'LV-042'))).toBe('identity.municipality-missing');
    expect(await ruleOf(() => ownMunicipality(person(role, null)))).toBe('identity.municipality-missing');
  });

  it('the current allocation: a coordinator without a municipality reads no line, nor every line', async () => {
    const reads: string[] = [];
    const line = { municipality: 'LV-042', runId: 'r-1', publishedAt: '2026-01-01T00:00:00.000Z', amountCents: 1 } as unknown as PublishedLine;
    const allocations = {
      currentLine: async (m: string) => { reads.push(m); return line; },
      currentLines: async () => { reads.push('all'); return [line]; },
    } as unknown as AllocationRepository;
    expect(await ruleOf(() => getCurrentAllocation({ allocations }, person('coordinator', null)))).toBe('identity.municipality-missing');
    expect(await ruleOf(() => getCurrentAllocation({ allocations }, person('coordinator', null), 'LV-042'))).toBe('identity.municipality-missing');
    expect(reads).toEqual([]);
  });

  it('a draft application: a coordinator without a municipality opens none', async () => {
    const { deps, applications } = fakeDeps();
    expect(await ruleOf(() => createDraft(deps, person('coordinator', null), { cohort: 1 }))).toBe('identity.municipality-missing');
    expect(applications.heads.size).toBe(0);
  });
});
