// A coordinator opens a new application (draft) for their own municipality and cohort.
import { ForbiddenError } from '../../errors.js';
import { ownMunicipality, type User } from '../../identity/types.js';
import { assertStorable } from '../storage-limit.js';
import type { Application, ApplicationContent, Cohort } from '../types.js';
import type { ApplicationDeps } from './deps.js';

/** 1. only a coordinator with a municipality  2. build the draft at revision 1, small enough to store (422)  3. store it */
export async function createDraft(
  deps: Pick<ApplicationDeps, 'applications' | 'clock' | 'newId'>,
  user: User,
  input: { cohort: Cohort; content?: ApplicationContent },
): Promise<Application> {
  if (user.role !== 'coordinator') throw new ForbiddenError('only a coordinator of a municipality can open an application');
  const municipality = ownMunicipality(user);
  const now = deps.clock.now().toISOString();
  const app: Application = {
    id: deps.newId(), municipality, cohort: input.cohort, status: 'draft',
    revision: 1, latestVersion: 0, content: input.content ?? {}, reviewRounds: [], decision: null,
    createdAt: now, createdBy: user.sub, updatedAt: now, statusChangedAt: now,
  };
  assertStorable(app, 'content');
  await deps.applications.create(app);
  return app;
}
