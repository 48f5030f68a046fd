// Who may start a recognition run over which municipalities: a missing municipality never widens a run to all.
import { describe, expect, it } from 'vitest';
import { startRun } from '../../../../lib/domain/certificates/use-cases/runs.js';
import { ForbiddenError } from '../../../../lib/domain/errors.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import { aWorld, seedVolunteer } from '../../../support/in-memory-certificates.js';

const person = (role: User['role'], municipality: string | null): User => ({ sub: `${role}-${municipality ?? 'none'}`, role, municipality, institution: null, email: null, name: null });

function aSeededWorld() {
  const world = aWorld();
  seedVolunteer(world.hours, 'j-1', [{ date: '2025-04-04', minutes: 3600 }]);
  seedVolunteer(world.hours, 'l-1', [{ date: '2025-04-04', minutes: 3600 }], { programme: 'LV-056' });
  return world;
}

describe('the scope of a certificate run', () => {
  it.each([
    ['without a scope', {}],
    ['for a named municipality', { municipality: 'LV-042' }],
  ])('refuses a coordinator without a municipality %s and stores no run', async (_, request) => {
    const world = aSeededWorld();
    const error = await startRun(world.deps, person('coordinator', null), { year: 2025, ...request }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).reason?.rule).toBe('identity.municipality-missing');
    expect(world.certificates.runs.size).toBe(0);
    expect(world.queue.messages).toHaveLength(0);
  });

  it('scopes a coordinator\'s run to their own municipality', async () => {
    const world = aSeededWorld();
    const run = await startRun(world.deps, person('coordinator', 'LV-042'), { year: 2025 });
    expect(run).toMatchObject({ scope: 'LV-042', eligible: 1 });
  });

  it('refuses a coordinator another municipality and stores no run', async () => {
    const world = aSeededWorld();
    await expect(startRun(world.deps, person('coordinator', 'LV-042'), { year: 2025, municipality: 'LV-056' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.certificates.runs.size).toBe(0);
  });

  it.each(['youth', 'supervisor'] as const)('refuses a %s with or without a municipality', async (role) => {
    const world = aSeededWorld();
    await expect(startRun(world.deps, person(role, null), { year: 2025 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startRun(world.deps, person(role, 'LV-042'), { year: 2025 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.certificates.runs.size).toBe(0);
  });

  it('lets only the agency run over every municipality, or over one', async () => {
    const world = aSeededWorld();
    expect(await startRun(world.deps, person('agency', null), { year: 2025 })).toMatchObject({ scope: null, eligible: 2 });
    expect(await startRun(world.deps, person('agency', null), { year: 2025, municipality: 'LV-056' })).toMatchObject({ scope: 'LV-056', eligible: 1 });
  });

  it('runs the yearly schedule over every municipality', async () => {
    const world = aSeededWorld();
    expect(await startRun(world.deps, { system: 'schedule' }, { year: 2025 })).toMatchObject({ scope: null, eligible: 2 });
  });
});
