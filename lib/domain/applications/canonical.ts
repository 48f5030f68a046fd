// RFC 8785 (JCS) canonical JSON and its SHA-256: the fingerprint on a submission receipt (recipe: RECEIPT_HASH_RECIPE).
import { createHash } from 'node:crypto';

/**
 * RFC 8785 for JSON data: object keys sorted by UTF-16 code unit, arrays in order, `undefined` members dropped, strings
 * and numbers as ECMAScript's JSON.stringify writes them (which is what RFC 8785 §3.2.2 prescribes), no whitespace.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
