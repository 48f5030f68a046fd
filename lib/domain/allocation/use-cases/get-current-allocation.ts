// The current (published) allocation: all lines for the agency, its own line for a coordinator.
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { assertActsFor, ownMunicipality, type User } from '../../identity/types.js';
import { MUNICIPALITIES } from '../../municipalities/registry.js';
import type { AllocationRepository } from '../ports.js';
import type { CurrentAllocation, PublishedLine } from '../types.js';

/**
 * 1. agency: every line (or one municipality's)  2. coordinator: only the municipality they act for
 * (403 for another, and for a coordinator without one)  3. others: 403. A code not in the registry is 404.
 */
export async function getCurrentAllocation(deps: { allocations: AllocationRepository }, user: User, municipality?: string): Promise<CurrentAllocation> {
  let items: PublishedLine[];
  if (municipality !== undefined && !MUNICIPALITIES.some((m) => m.code === municipality)) throw new NotFoundError('municipality', municipality);
  if (user.role === 'agency') {
    items = municipality ? [await deps.allocations.currentLine(municipality)].filter((l) => l !== undefined) : await deps.allocations.currentLines();
  } else if (user.role === 'coordinator') {
    const code = municipality ?? ownMunicipality(user);
    assertActsFor(user, code);
    items = [await deps.allocations.currentLine(code)].filter((l) => l !== undefined);
  } else {
    throw new ForbiddenError(`a ${user.role} cannot read the allocation`);
  }
  return { runId: items[0]?.runId ?? null, publishedAt: items[0]?.publishedAt ?? null, items };
}
