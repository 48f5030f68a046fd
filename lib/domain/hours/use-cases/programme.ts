// The municipality's recognition programme: read by anyone signed in, set by its coordinator (or the agency).
import { assertActsFor, type User } from '../../identity/types.js';
import type { Programme, ProgrammeInput } from '../types.js';
import { assertMunicipality, programmeOf, type HoursDeps } from './deps.js';

export async function getProgramme(deps: Pick<HoursDeps, 'hours' | 'municipalities'>, municipality: string): Promise<Programme> {
  await assertMunicipality(deps, municipality);
  return programmeOf(deps, municipality);
}

/** 1. the municipality must exist  2. the caller acts for it  3. store the whole policy with who and when */
export async function putProgramme(deps: Pick<HoursDeps, 'hours' | 'municipalities' | 'clock'>, user: User, municipality: string, input: ProgrammeInput): Promise<Programme> {
  await assertMunicipality(deps, municipality);
  assertActsFor(user, municipality);
  const programme: Programme = { ...input, municipality, updatedAt: deps.clock.now().toISOString(), updatedBy: user.sub };
  await deps.hours.putProgramme(programme);
  return programme;
}
