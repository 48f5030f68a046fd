// Who is calling: the four roles of the platform and the municipality/institution they act for.
import * as z from 'zod';
import { ForbiddenError } from '../errors.js';
import { municipalityCode } from '../municipalities/types.js';

/**
 * youth — a young volunteer (13–25); supervisor — approves hours at a host institution;
 * coordinator — the municipality's youth affairs specialist (jaunatnes lietu speciālists);
 * agency — JSPA, the national youth agency (Jaunatnes starptautisko programmu aģentūra).
 */
export const ROLES = ['youth', 'supervisor', 'coordinator', 'agency'] as const;
export type Role = (typeof ROLES)[number];

export const userSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  municipality: municipalityCode.nullable(),
  institution: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** The agency acts for every municipality; everyone else only for their own. */
export function actsFor(user: User, municipality: string): boolean {
  return user.role === 'agency' || user.municipality === municipality;
}

export function assertActsFor(user: User, municipality: string): void {
  if (!actsFor(user, municipality)) {
    throw new ForbiddenError(`a ${user.role} of ${user.municipality ?? 'no municipality'} cannot act for ${municipality}`);
  }
}
