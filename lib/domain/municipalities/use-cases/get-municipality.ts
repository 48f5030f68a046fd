// One municipality by its ISO 3166-2:LV code.
import { NotFoundError } from '../../errors.js';
import type { MunicipalityRepository } from '../ports.js';
import type { Municipality } from '../types.js';

export async function getMunicipality(deps: { municipalities: MunicipalityRepository }, code: string): Promise<Municipality> {
  const found = await deps.municipalities.get(code);
  if (!found) throw new NotFoundError('municipality', code);
  return found;
}
