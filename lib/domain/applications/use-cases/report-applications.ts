// The agency's reports over applications: per-municipality summary, national progress, the 360Giving export.
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { MUNICIPALITIES } from '../../municipalities/registry.js';
import { grantRecords, nationalProgress, summarise, type ApplicationWithVersion, type GrantRecord, type MunicipalitySummary, type NationalProgress } from '../reporting.js';
import { STATUSES, type ApplicationStatus } from '../types.js';
import type { ApplicationDeps } from './deps.js';

type Deps = Pick<ApplicationDeps, 'applications' | 'ceilings' | 'policy'>;

async function withLatest(deps: Deps, statuses: readonly ApplicationStatus[]): Promise<ApplicationWithVersion[]> {
  const apps = (await Promise.all(statuses.map((s) => deps.applications.listByStatus(s)))).flat();
  return Promise.all(apps.map(async (app) => ({
    app, latest: app.latestVersion > 0 ? await deps.applications.getVersion(app.id, app.latestVersion) : undefined,
  })));
}

const assertAgency = (user: User) => {
  if (user.role !== 'agency') throw new ForbiddenError('only the agency sees national reports');
};

/** 1. agency only  2. every application past draft with its latest version  3. allocations  4. sum per municipality */
export async function municipalitySummary(deps: Deps, user: User): Promise<{ items: MunicipalitySummary[] }> {
  assertAgency(user);
  const [rows, allocations] = await Promise.all([withLatest(deps, STATUSES.filter((s) => s !== 'draft')), deps.ceilings.all()]);
  return { items: summarise(rows, allocations, MUNICIPALITIES) };
}

export async function progressReport(deps: Deps, user: User): Promise<NationalProgress> {
  assertAgency(user);
  return nationalProgress(await withLatest(deps, ['approved']), deps.policy);
}

/**
 * Open data: the approved grants as a 360Giving JSON package. The standard's package needs at least one grant
 * (`grants` has minItems 1), so before the first approval there is nothing to publish: a 404, not an empty package.
 */
export async function exportGrants(deps: Deps): Promise<{ grants: GrantRecord[] }> {
  const grants = grantRecords(await withLatest(deps, ['approved']), MUNICIPALITIES);
  if (grants.length === 0) {
    throw new NotFoundError('360Giving package', 'grants', { lv: 'Nekas vēl nav publicēts', en: 'Nothing published yet' },
      'No grant has been awarded yet; a 360Giving package holds at least one grant');
  }
  return { grants };
}
