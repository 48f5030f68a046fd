// Field-level difference between two frozen versions of an application, for the reviewer.
import type { ApplicationContent } from './types.js';

export interface FieldChange {
  /** Dotted path, array items by index: `budgetLines.2.amountCents`. */
  field: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (value !== undefined) out.set(prefix, value);
}

/** Every leaf that differs, sorted by path; empty when the two contents are equal. */
export function diffContents(before: ApplicationContent | Record<string, unknown>, after: ApplicationContent | Record<string, unknown>): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const changes: FieldChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(field);
    const y = b.get(field);
    if (!a.has(field)) changes.push({ field, change: 'added', after: y });
    else if (!b.has(field)) changes.push({ field, change: 'removed', before: x });
    else if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ field, change: 'changed', before: x, after: y });
  }
  return changes.sort((p, q) => p.field.localeCompare(q.field, 'en', { numeric: true }));
}
