// Seeds reference data (the municipality registry) into a table; idempotent, used locally and on deploy.
import type { MunicipalityRepository } from '../domain/municipalities/ports.js';
import { MUNICIPALITIES } from '../domain/municipalities/registry.js';

export async function seedReferenceData(deps: { municipalities: MunicipalityRepository }): Promise<{ municipalities: number }> {
  await deps.municipalities.putAll(MUNICIPALITIES);
  return { municipalities: MUNICIPALITIES.length };
}
