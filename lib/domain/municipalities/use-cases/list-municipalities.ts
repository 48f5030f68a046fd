// Public list of municipalities, optionally only those existing on a date.
import type { MunicipalityRepository } from '../ports.js';
import { sortByCode, validOn } from '../queries.js';
import type { Municipality } from '../types.js';

/** 1. load all  2. keep those valid on the date, if asked  3. order by code */
export async function listMunicipalities(
  deps: { municipalities: MunicipalityRepository },
  filter: { validOn?: string },
): Promise<Municipality[]> {
  const all = await deps.municipalities.list();
  return sortByCode(filter.validOn ? validOn(all, filter.validOn) : all);
}
