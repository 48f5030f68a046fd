// Reading applications: one, a municipality's own list, the agency's review queue, the frozen versions and their diff.
import { ForbiddenError, NotFoundError, RuleViolation } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import { diffContents, type FieldChange } from '../diff.js';
import { STATUSES, type Application, type ApplicationStatus, type ApplicationVersion, type Cohort } from '../types.js';
import { loadApplication, type ApplicationDeps } from './deps.js';

type Deps = Pick<ApplicationDeps, 'applications'>;

export const getApplication = (deps: Deps, user: User, id: string): Promise<Application> => loadApplication(deps, user, id);

/** A coordinator sees their own municipality's applications; the agency names a municipality. */
export async function listMunicipalityApplications(deps: Deps, user: User, municipality: string): Promise<Application[]> {
  assertActsFor(user, municipality);
  return deps.applications.listByMunicipality(municipality);
}

/** The agency's queue: by status (default: waiting for review) and optionally cohort, oldest first. */
export async function reviewQueue(deps: Deps, user: User, filter: { status?: ApplicationStatus; cohort?: Cohort }): Promise<Application[]> {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency sees the review queue');
  const statuses: readonly ApplicationStatus[] = filter.status ? [filter.status] : ['submitted', 'resubmitted'];
  const lists = await Promise.all(statuses.map((s) => deps.applications.listByStatus(s, filter.cohort)));
  return lists.flat().sort((a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt));
}

export async function listVersions(deps: Deps, user: User, id: string): Promise<ApplicationVersion[]> {
  await loadApplication(deps, user, id);
  return deps.applications.listVersions(id);
}

export async function getVersion(deps: Deps, user: User, id: string, version: number): Promise<ApplicationVersion> {
  await loadApplication(deps, user, id);
  const found = await deps.applications.getVersion(id, version);
  if (!found) throw new NotFoundError('application version', `${id}/${version}`);
  return found;
}

/** Field-level changes from version `from` to version `to` of the frozen contents. */
export async function diffVersions(deps: Deps, user: User, id: string, from: number, to: number): Promise<{ from: number; to: number; changes: FieldChange[] }> {
  if (from === to) {
    throw new RuleViolation('application.diff-same-version', { lv: 'Salīdzināšanai norādiet divas dažādas versijas', en: 'Name two different versions to compare' }, 'query.to');
  }
  await loadApplication(deps, user, id);
  const [a, b] = await Promise.all([deps.applications.getVersion(id, from), deps.applications.getVersion(id, to)]);
  if (!a) throw new NotFoundError('application version', `${id}/${from}`);
  if (!b) throw new NotFoundError('application version', `${id}/${to}`);
  const whole = (v: ApplicationVersion) => ({ ...v.frozen.content, attachments: v.frozen.attachments });
  return { from, to, changes: diffContents(whole(a), whole(b)) };
}

export { STATUSES };
