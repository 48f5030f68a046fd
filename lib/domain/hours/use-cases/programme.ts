// The municipality's recognition programme: read by anyone signed in, set by its coordinator (or the agency).
import { assertActsFor, type User } from '../../identity/types.js';
import { checkProgramme } from '../rules.js';
import type { Programme, ProgrammeInput } from '../types.js';
import { assertMunicipality, assertReads, assertRole, programmeOf, type HoursDeps } from './deps.js';

/** 1. staff read only their own municipality, youth any  2. the municipality must exist  3. its programme or the defaults */
export async function getProgramme(deps: Pick<HoursDeps, 'hours' | 'municipalities'>, user: User, municipality: string): Promise<Programme> {
  assertReads(user, municipality);
  await assertMunicipality(deps, municipality);
  return programmeOf(deps, municipality);
}

/**
 * 1. a coordinator (or the agency)  2. the municipality must exist  3. the caller acts for it  4. its tiers are
 * consistent with the threshold  5. store the whole policy with who and when
 */
export async function putProgramme(deps: Pick<HoursDeps, 'hours' | 'municipalities' | 'clock'>, user: User, municipality: string, input: ProgrammeInput): Promise<Programme> {
  assertRole(user, ['coordinator', 'agency'], 'set the recognition programme');
  await assertMunicipality(deps, municipality);
  assertActsFor(user, municipality);
  const violation = checkProgramme(input);
  if (violation) throw violation;
  const programme: Programme = { ...input, municipality, updatedAt: deps.clock.now().toISOString(), updatedBy: user.sub };
  await deps.hours.putProgramme(programme);
  return programme;
}
