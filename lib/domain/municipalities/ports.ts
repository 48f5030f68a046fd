// What the municipality use cases need from storage.
import type { Municipality } from './types.js';

export interface MunicipalityRepository {
  get(code: string): Promise<Municipality | undefined>;
  list(): Promise<Municipality[]>;
  putAll(list: readonly Municipality[]): Promise<void>;
}
