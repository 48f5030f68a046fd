// One municipality by its ISO 3166-2:LV code, with its youth affairs contact when one is set.
import { NotFoundError } from '../../errors.js';
import type { MunicipalityRepository } from '../ports.js';
import type { MunicipalityDetail } from '../types.js';

/** 1. load the registry entry (404 if unknown)  2. load the contact  3. return both, without who edited it */
export async function getMunicipality(deps: { municipalities: MunicipalityRepository }, code: string): Promise<MunicipalityDetail> {
  const [found, contact] = await Promise.all([deps.municipalities.get(code), deps.municipalities.getYouthContact(code)]);
  if (!found) throw new NotFoundError('municipality', code);
  const { updatedBy: _editor, ...youthContact } = contact ?? { updatedBy: '' };
  return { ...found, youthContact: contact ? (youthContact as MunicipalityDetail['youthContact']) : null };
}
