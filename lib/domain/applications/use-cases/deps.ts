// The ports every application use case draws from, and the shared "load it if the caller may see it" step.
import type { BlobStore } from '../../../files/blob-store.js';
import type { Mailer } from '../../../mail/mailer.js';
import type { Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import type { ApplicationPolicy } from '../policy.js';
import type { AllocationCeilings, ApplicationRepository } from '../ports.js';
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
