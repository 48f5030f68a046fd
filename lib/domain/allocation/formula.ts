// The Recovery Fund formula: base + a youth-proportional share, floors and caps, largest-remainder cents. Pure.
import type { FieldIssue } from '../errors.js';
import { add, decimalText, ratio, ratioText, sub } from './exact.js';

export interface FormulaEntry {
  code: string;
  /** Young people aged 13–25 (a non-negative integer). */
  youth: number;
}

export interface FormulaParameters {
  budgetCents: number;
  reserveCents: number;
  baseCents: number;
  floorCents: number | null;
  capCents: number | null;
}

export interface LineExplanation {
  baseCents: number;
  /** λ × youth, exact (cents as "n/d"), with λ from the final sharing round. */
  proportionalShare: string;
  /** base + proportional share, before any floor or cap (cents, 4 decimals). */
  unadjustedCents: string;
  adjustment: 'floor' | 'cap' | null;
  /** floor/cap value minus the unadjusted amount (exact "n/d" cents; "0" when none binds). */
  adjustmentCents: string;
  /** The exact amount before cent rounding ("n/d" cents). */
  exactCents: string;
  /** 1 when this line received one of the left-over cents by largest remainder. */
  roundingCent: 0 | 1;
  /** Euros per young person, rounded to the cent for display; null without young people. */
  eurosPerYouth: string | null;
}

export interface FormulaLine {
  code: string;
  youth: number;
  amountCents: number;
  explanation: LineExplanation;
}

export interface FormulaResult {
  distributableCents: number;
  totalYouth: number;
  /** How many sharing rounds the floors and caps needed (1 when none binds). */
  rounds: number;
  lines: FormulaLine[];
}

const issue = (field: string, rule: string, message: string): FieldIssue => ({ field, rule, message });

/**
 * Every reason the parameters cannot produce an allocation, at once. The checks make the clamped
 * proportional problem feasible: n·max(base, floor) ≤ budget − reserve ≤ what the caps allow.
 */
export function parameterIssues(p: FormulaParameters, entries: readonly FormulaEntry[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const money = { budgetCents: p.budgetCents, reserveCents: p.reserveCents, baseCents: p.baseCents, floorCents: p.floorCents, capCents: p.capCents };
  for (const [field, value] of Object.entries(money)) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
      out.push(issue(field, 'allocation.cents', `${field}: jābūt veselam, nenegatīvam centu skaitam / must be a whole, non-negative number of cents`));
    }
  }
  if (out.length > 0) return out;
  const n = entries.length;
  const distributable = p.budgetCents - p.reserveCents;
  if (n === 0) out.push(issue('participants', 'allocation.no-participants', 'jāpiedalās vismaz vienai pašvaldībai / at least one municipality must take part'));
  if (p.budgetCents <= 0) out.push(issue('budgetCents', 'allocation.budget-positive', 'budžetam jābūt lielākam par nulli / the budget must be above zero'));
  if (p.reserveCents > p.budgetCents) out.push(issue('reserveCents', 'allocation.reserve-exceeds-budget', 'rezerve pārsniedz budžetu / the reserve is larger than the budget'));
  for (const e of entries) {
    if (!Number.isSafeInteger(e.youth) || e.youth < 0) out.push(issue(`youth.${e.code}`, 'allocation.youth-count', `${e.code}: jauniešu skaitam jābūt nenegatīvam veselam skaitlim / the head-count must be a non-negative integer`));
  }
  const codes = new Set<string>();
  for (const e of entries) {
    if (codes.has(e.code)) out.push(issue(`participants.${e.code}`, 'allocation.duplicate-participant', `${e.code} piedalās divreiz / ${e.code} takes part twice`));
    codes.add(e.code);
  }
  if (out.length > 0 || n === 0) return out;
  if (entries.every((e) => e.youth === 0)) out.push(issue('youth', 'allocation.no-youth', 'dalībniekiem nav neviena jaunieša / the participants have no young people to share by'));
  if (p.baseCents * n > distributable) {
    out.push(issue('baseCents', 'allocation.base-exceeds-budget', `bāze × ${n} pašvaldības (${p.baseCents * n}) pārsniedz budžetu bez rezerves (${distributable}) / base × ${n} municipalities (${p.baseCents * n}) exceeds budget − reserve (${distributable})`));
  }
  if (p.floorCents !== null && p.floorCents * n > distributable) {
    out.push(issue('floorCents', 'allocation.floor-exceeds-budget', `minimums × ${n} pašvaldības (${p.floorCents * n}) pārsniedz budžetu bez rezerves (${distributable}) / floor × ${n} municipalities (${p.floorCents * n}) exceeds budget − reserve (${distributable})`));
  }
  if (p.floorCents !== null && p.capCents !== null && p.floorCents > p.capCents) {
    out.push(issue('floorCents', 'allocation.floor-above-cap', 'minimums ir lielāks par maksimumu / the floor is above the cap'));
  }
  if (p.capCents !== null) {
    if (p.baseCents > p.capCents) out.push(issue('baseCents', 'allocation.base-above-cap', 'bāze vien pārsniedz maksimumu / the base alone is above the cap'));
    // With a cap, the most that can be handed out: the cap for those with young people, the base (or floor) for the others.
    const idle = Math.max(p.baseCents, p.floorCents ?? 0);
    const most = entries.reduce((s, e) => s + (e.youth > 0 ? p.capCents! : Math.min(idle, p.capCents!)), 0);
    if (most < distributable) {
      out.push(issue('capCents', 'allocation.cap-too-low', `maksimumi ļauj sadalīt tikai ${most} no ${distributable} centiem / the caps allow at most ${most} of the ${distributable} cents to distribute`));
    }
  }
  return out;
}

interface Work {
  code: string;
  youth: bigint;
  fixed: { value: bigint; kind: 'floor' | 'cap' } | null;
}

/**
 * Shares budget − reserve: each gets base + λ·youth, where λ is chosen so the amounts sum exactly; a line
 * below the floor or above the cap is fixed there and λ is found again for the rest, until nothing
 * changes. Each round fixes only the side whose total violation is larger (both when equal), which keeps
 * every fixed line fixed in the final solution. Cents left after truncation go one each by largest
 * remainder, ties to the larger head-count, then the code ascending. Callers check `parameterIssues` first.
 *
 * Base, floor and cap are whole cents, so within a round every free line's exact amount is num/den with
 * one common denominator (the free head-count, or the number of free lines when that is zero): the loop
 * compares integers only and reduces fractions just for the explanations.
 */
export function allocate(p: FormulaParameters, entries: readonly FormulaEntry[]): FormulaResult {
  const problems = parameterIssues(p, entries);
  if (problems.length > 0) throw new RangeError(`invalid allocation parameters: ${problems.map((i) => i.rule).join(', ')}`);
  const D = BigInt(p.budgetCents - p.reserveCents);
  const base = BigInt(p.baseCents);
  const floor = p.floorCents === null ? null : BigInt(p.floorCents);
  const cap = p.capCents === null ? null : BigInt(p.capCents);
  const work: Work[] = entries.map((e) => ({ code: e.code, youth: BigInt(e.youth), fixed: null }));

  /** The round's shared denominator and each free line's numerator: (base·den + rest·youth) or (base·k + rest). */
  const share = () => {
    const free = work.filter((w) => !w.fixed);
    const fixedSum = work.reduce((s, w) => (w.fixed ? s + w.fixed.value : s), 0n);
    const rest = D - fixedSum - BigInt(free.length) * base;
    const pool = free.reduce((s, w) => s + w.youth, 0n);
    const den = pool > 0n ? pool : BigInt(Math.max(free.length, 1));
    const num = (w: Work) => base * den + (pool > 0n ? rest * w.youth : rest);
    return { free, rest, pool, den, num };
  };

  let lambda = { rest: 0n, pool: 1n };
  let rounds = 0;
  for (;;) {
    rounds++;
    const { free, rest, pool, den, num } = share();
    if (free.length === 0) break;
    if (pool > 0n) lambda = { rest, pool };
    let low = 0n;
    let high = 0n;
    const below: Work[] = [];
    const above: Work[] = [];
    for (const w of free) {
      const x = num(w);
      if (floor !== null && x < floor * den) {
        below.push(w);
        low += floor * den - x;
      } else if (cap !== null && x > cap * den) {
        above.push(w);
        high += x - cap * den;
      }
    }
    if (below.length === 0 && above.length === 0) break;
    if (low >= high) for (const w of below) w.fixed = { value: floor!, kind: 'floor' };
    if (low <= high) for (const w of above) w.fixed = { value: cap!, kind: 'cap' };
  }

  const { rest, pool, den, num } = share();
  const exact = work.map((w) => {
    const n = w.fixed ? w.fixed.value * den : num(w);
    return { w, n, whole: n / den, remainder: n % den };
  });
  const left = D - exact.reduce((s, e) => s + e.whole, 0n);
  if (left < 0n || left > BigInt(exact.length)) throw new Error(`allocation invariant broken: ${left} cents left over`);
  const order = [...exact].sort((a, b) =>
    (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1)
    || (a.w.youth === b.w.youth ? 0 : a.w.youth > b.w.youth ? -1 : 1)
    || (a.w.code < b.w.code ? -1 : a.w.code > b.w.code ? 1 : 0));
  const bonus = new Set(order.slice(0, Number(left)).map((e) => e.w.code));
  const lines = exact.map((e): FormulaLine => {
    const amount = e.whole + (bonus.has(e.w.code) ? 1n : 0n);
    const proportional = pool === 0n && !e.w.fixed ? ratio(rest, den) : ratio(lambda.rest * e.w.youth, lambda.pool);
    const unadjusted = add(ratio(base), proportional);
    const value = ratio(e.n, den);
    return {
      code: e.w.code,
      youth: Number(e.w.youth),
      amountCents: Number(amount),
      explanation: {
        baseCents: p.baseCents,
        proportionalShare: ratioText(proportional),
        unadjustedCents: decimalText(unadjusted, 4),
        adjustment: e.w.fixed?.kind ?? null,
        adjustmentCents: ratioText(sub(value, unadjusted)),
        exactCents: ratioText(value),
        roundingCent: bonus.has(e.w.code) ? 1 : 0,
        eurosPerYouth: e.w.youth === 0n ? null : decimalText(ratio(amount, 100n * e.w.youth), 2),
      },
    };
  });
  return {
    distributableCents: Number(D),
    totalYouth: entries.reduce((s, e) => s + e.youth, 0),
    rounds,
    lines,
  };
}
