// What the municipality use cases need from storage.
import type { Municipality, StoredYouthContact } from './types.js';

export interface MunicipalityRepository {
  get(code: string): Promise<Municipality | undefined>;
  list(): Promise<Municipality[]>;
  putAll(list: readonly Municipality[]): Promise<void>;
  getYouthContact(code: string): Promise<StoredYouthContact | undefined>;
  putYouthContact(code: string, contact: StoredYouthContact): Promise<void>;
}
