// The one check that a file-store key (or a prefix ending in "/") stays inside the local files directory.
import { resolve, sep } from 'node:path';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** The absolute path of `key` under `dir`; throws for a key that could leave it (`..`, an absolute path, odd characters). */
export function safePath(dir: string, key: string): string {
  const root = resolve(dir);
  const full = resolve(root, key);
  if (!SAFE_KEY.test(key) || key.includes('..') || !full.startsWith(root + sep)) throw new Error(`unsafe file key ${key}`);
  return full;
}
