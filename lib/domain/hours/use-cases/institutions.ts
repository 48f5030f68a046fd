// Coordinators register host institutions of their municipality, switch them on or off and assign supervisors.
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import type { Institution, InstitutionInput, SupervisorAssignment } from '../types.js';
import { assertMunicipality, assertReads, assertRole, type HoursDeps } from './deps.js';


const COORDINATION = ['coordinator', 'agency'] as const;
/** 1. a coordinator (or the agency)  2. the municipality must exist  3. the caller acts for it  4. store the institution, active */
export async function registerInstitution(deps: Pick<HoursDeps, 'hours' | 'municipalities' | 'clock'>, user: User, municipality: string, input: InstitutionInput): Promise<Institution> {
  assertRole(user, COORDINATION, 'register institutions');
  await assertMunicipality(deps, municipality);
  assertActsFor(user, municipality);
  const institution: Institution = { ...input, id: randomUUID(), municipality, active: true, createdAt: deps.clock.now().toISOString(), createdBy: user.sub };
  await deps.hours.createInstitution(institution);
  return institution;
}

/** 1. staff read only their own municipality, youth any  2. the municipality must exist  3. its institutions */
export async function listInstitutions(deps: Pick<HoursDeps, 'hours' | 'municipalities'>, user: User, municipality: string): Promise<Institution[]> {
  assertReads(user, municipality);
  await assertMunicipality(deps, municipality);
  return deps.hours.listInstitutions(municipality);
}

/** 1. a coordinator (or the agency)  2. load the institution  3. the caller acts for its municipality  4. switch it */
export async function setInstitutionActive(deps: Pick<HoursDeps, 'hours'>, user: User, institutionId: string, active: boolean): Promise<Institution> {
  assertRole(user, COORDINATION, 'open or close institutions');
  const institution = await loadInstitution(deps, institutionId);
  assertActsFor(user, institution.municipality);
  await deps.hours.setInstitutionActive(institutionId, active);
  return { ...institution, active };
}

/** 1. a coordinator (or the agency)  2. load the institution  3. the caller acts for its municipality  4. store the assignment (idempotent) */
export async function assignSupervisor(deps: Pick<HoursDeps, 'hours' | 'clock'>, user: User, institutionId: string, supervisorId: string): Promise<SupervisorAssignment> {
  assertRole(user, COORDINATION, 'assign supervisors');
  const institution = await loadInstitution(deps, institutionId);
  assertActsFor(user, institution.municipality);
  const assignment: SupervisorAssignment = { institutionId, supervisorId, municipality: institution.municipality, assignedAt: deps.clock.now().toISOString(), assignedBy: user.sub };
  await deps.hours.putAssignment(assignment);
  return assignment;
}

export async function loadInstitution(deps: Pick<HoursDeps, 'hours'>, id: string): Promise<Institution> {
  const institution = await deps.hours.getInstitution(id);
  if (!institution) throw new NotFoundError('institution', id);
  return institution;
}
