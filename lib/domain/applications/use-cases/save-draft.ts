// A coordinator saves the working content of a draft (or of a returned application) under optimistic concurrency.
import { ConflictError } from '../../errors.js';
import type { User } from '../../identity/types.js';
import { nextStatus } from '../state-machine.js';
import { assertStorable } from '../storage-limit.js';
import type { Application, ApplicationContent } from '../types.js';
import { loadApplication, type ApplicationDeps } from './deps.js';

export function staleRevision(id: string, expected: number, actual: number): ConflictError {
  return new ConflictError(`application ${id} is at revision ${actual}, not ${expected}: reload it and apply your change again`, {
    lv: 'Pieteikumu pa to laiku ir mainījis kāds cits: ielādējiet to no jauna',
    en: 'Someone else changed the application meanwhile: reload it',
  });
}

/**
 * 1. load, the caller must act for the municipality  2. state machine: coordinator, draft or returned
 * 3. the revision read must still be current (409 otherwise), the result small enough to store (422)  4. save conditionally on that revision
 * (a concurrent save between 3 and 4 still loses with 409; nothing is overwritten)
 */
export async function saveDraft(
  deps: Pick<ApplicationDeps, 'applications' | 'clock'>,
  user: User,
  id: string,
  input: { expectedRevision: number; content: ApplicationContent },
): Promise<Application> {
  const app = await loadApplication(deps, user, id);
  nextStatus(app.status, 'saveDraft', user.role);
  if (app.revision !== input.expectedRevision) throw staleRevision(id, input.expectedRevision, app.revision);
  const next: Application = { ...app, content: input.content, revision: app.revision + 1, updatedAt: deps.clock.now().toISOString() };
  assertStorable(next, 'content');
  await deps.applications.save(next, app.revision);
  return next;
}
