// The ports every application use case draws from, and the shared "load it if the caller may see it" step.
import type { BlobStore } from '../../files.js';
import type { Mailer } from '../../mail.js';
import type { Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import { heldByAll, type MunicipalityFunding } from '../funding.js';
import type { ApplicationPolicy } from '../policy.js';
import { RunningTotalChanged, type AllocationCeilings, type ApplicationRepository } from '../ports.js';
import type { Application } from '../types.js';

export interface ApplicationDeps {
  applications: ApplicationRepository;
  ceilings: AllocationCeilings;
  mailer: Mailer;
  /** Where attachment bytes live: submit records the attachments that really arrived. */
  blobs: Pick<BlobStore, 'head'>;
  clock: Clock;
  policy: ApplicationPolicy;
  newId: () => string;
  /** Told when a receipt email could not be sent (the submission itself stands). */
  onMailError?: (error: unknown) => void;
}

/** The application, if the caller acts for its municipality (403 otherwise, 404 when it does not exist). */
export async function loadApplication(deps: Pick<ApplicationDeps, 'applications'>, user: User, id: string): Promise<Application> {
  const app = await deps.applications.get(id);
  if (!app) throw new NotFoundError('application', id);
  assertActsFor(user, app.municipality);
  return app;
}

/**
 * The municipality's running total. One never written (a municipality whose applications predate it, or
 * that has none past draft) is seeded from its applications at version 0: the first write creates it only
 * if still absent, so a racing seed loses and re-reads.
 */
export async function loadFunding(deps: Pick<ApplicationDeps, 'applications'>, municipality: string): Promise<MunicipalityFunding> {
  const stored = await deps.applications.getFunding(municipality);
  if (stored) return stored;
  const apps = (await deps.applications.listByMunicipality(municipality)).filter((a) => a.status !== 'draft');
  const rows = await Promise.all(apps.map(async (app) => ({ app, latest: await deps.applications.getVersion(app.id, app.latestVersion) })));
  return { municipality, ...heldByAll(rows), version: 0 };
}

/**
 * Re-runs `attempt` (which must re-read everything it writes) while the running total moves under it:
 * concurrent submits and approvals of one municipality are serialised on that item, each decided once
 * against the total it really joins. Gives up with the conflict after `attempts`.
 */
export async function retryingOnRunningTotal<T>(attempt: () => Promise<T>, attempts = 40): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof RunningTotalChanged) || i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(i, 6))));
    }
  }
}
