// The signed-in user's identity as the platform understands it, with their municipality resolved.
import type { MunicipalityRepository } from '../../municipalities/ports.js';
import type { Municipality } from '../../municipalities/types.js';
import type { User } from '../types.js';

export interface Me extends Omit<User, 'municipality'> {
  municipality: Pick<Municipality, 'code' | 'name' | 'nameEn'> | null;
}

/** 1. take the identity from the verified token  2. resolve the municipality code to its names */
export async function describeMe(deps: { municipalities: MunicipalityRepository }, user: User): Promise<Me> {
  const m = user.municipality ? await deps.municipalities.get(user.municipality) : undefined;
  return {
    ...user,
    municipality: user.municipality
      ? { code: user.municipality, name: m?.name ?? user.municipality, nameEn: m?.nameEn ?? user.municipality }
      : null,
  };
}
