// A coordinator (or the agency) sets the municipality's public youth affairs contact.
import type { Clock } from '../../clock.js';
import { NotFoundError } from '../../errors.js';
import { assertActsFor, type User } from '../../identity/types.js';
import type { MunicipalityRepository } from '../ports.js';
import type { StoredYouthContact, YouthContact } from '../types.js';

/** 1. the municipality must exist  2. the caller must act for it  3. store the contact with who and when */
export async function setYouthContact(
  deps: { municipalities: MunicipalityRepository; clock: Clock },
  user: User,
  code: string,
  contact: YouthContact,
): Promise<StoredYouthContact> {
  if (!(await deps.municipalities.get(code))) throw new NotFoundError('municipality', code);
  assertActsFor(user, code);
  const stored: StoredYouthContact = { ...contact, updatedAt: deps.clock.now().toISOString(), updatedBy: user.sub };
  await deps.municipalities.putYouthContact(code, stored);
  return stored;
}
