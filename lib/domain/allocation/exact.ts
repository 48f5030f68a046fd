// Exact non-negative rationals over BigInt, and euro-amount parsing/printing without floating point.

/** A rational number n/d with d > 0, kept reduced. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function ratio(n: bigint, d = 1n): Ratio {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
/** "n/d" (or "n" when whole): the exact value, as stored and shown in explanations. */
export function ratioText(r: Ratio): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

/** The value rounded half away from zero to `places` decimals, as text (e.g. cents "5117.1623"). */
export function decimalText(r: Ratio, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = r.n < 0n;
  const abs = negative ? -r.n : r.n;
  const scaled = (abs * scale * 2n + r.d) / (2n * r.d);
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(places, '0');
  const text = places > 0 ? `${whole}.${frac}` : whole.toString();
  return negative && scaled !== 0n ? `-${text}` : text;
}

const EUROS = /^(0|[1-9][0-9]{0,9})(?:[.,]([0-9]{1,2}))?$/;

/** "3590000", "1234.5", "0,07" → cents, exactly; undefined when the text is not a plain euro amount. */
export function eurosToCents(text: string): number | undefined {
  const m = EUROS.exec(text.trim());
  if (!m) return undefined;
  const cents = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return Number(cents);
}

/** 123456 → "1234.56" (no grouping: for CSV and machine reading). */
export function centsToEuros(cents: number): string {
  return decimalText(ratio(BigInt(cents), 100n), 2);
}
