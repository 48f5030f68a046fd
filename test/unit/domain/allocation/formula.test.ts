import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, parameterIssues, type FormulaEntry, type FormulaParameters } from '../../../../lib/domain/allocation/formula.js';
import { eurosToCents, centsToEuros } from '../../../../lib/domain/allocation/exact.js';

const params = (over: Partial<FormulaParameters> = {}): FormulaParameters => ({
  budgetCents: 100, reserveCents: 0, baseCents: 0, floorCents: null, capCents: null, ...over,
});
const entries = (counts: number[]): FormulaEntry[] => counts.map((youth, i) => ({ code: `LV-${String(i + 1).padStart(3, '0')}`, youth }));
const amounts = (p: FormulaParameters, counts: number[]) => allocate(p, entries(counts)).lines.map((l) => l.amountCents);

describe('known apportionment cases', () => {
  it('shares 100 cents over the Balinski–Young head-counts as [51, 44, 2, 2, 1]', () => {
    expect(amounts(params(), [5117, 4400, 162, 161, 160])).toEqual([51, 44, 2, 2, 1]);
  });

  it('shows the Alabama paradox of largest remainders: C gets 2 of 10 cents but 1 of 11', () => {
    expect(amounts(params({ budgetCents: 10 }), [6, 6, 2])).toEqual([4, 4, 2]);
    expect(amounts(params({ budgetCents: 11 }), [6, 6, 2])).toEqual([5, 5, 1]);
  });

  it.each([
    { name: 'equal remainders go to the larger head-count', counts: [1, 3], budget: 2, want: [0, 2] },
    { name: 'equal remainders and head-counts go to the lower code', counts: [1, 1, 1], budget: 2, want: [1, 1, 0] },
    { name: 'a larger remainder beats a larger head-count', counts: [3, 1], budget: 3, want: [2, 1] },
  ])('tie-break: $name', ({ counts, budget, want }) => {
    expect(amounts(params({ budgetCents: budget }), counts)).toEqual(want);
  });

  it('breaks code ties in ascending order regardless of input order', () => {
    const r = allocate(params({ budgetCents: 1 }), [{ code: 'LV-RIX', youth: 5 }, { code: 'LV-042', youth: 5 }]);
    expect(r.lines.find((l) => l.code === 'LV-042')!.amountCents).toBe(1);
  });

  it('gives each the base plus a share of the rest by head-count, explained line by line', () => {
    const r = allocate(params({ budgetCents: 1000, reserveCents: 100, baseCents: 300 }), entries([1, 2]));
    expect(r.distributableCents).toBe(900);
    expect(r.lines.map((l) => l.amountCents)).toEqual([400, 500]);
    expect(r.lines[0]!.explanation).toEqual({
      baseCents: 300, proportionalShare: '100', unadjustedCents: '400.0000', adjustment: null,
      adjustmentCents: '0', exactCents: '400', roundingCent: 0, eurosPerYouth: '4.00',
    });
  });

  it('lifts a small municipality to the floor and shares the rest again among the others', () => {
    const r = allocate(params({ budgetCents: 1000, floorCents: 200 }), entries([1, 49, 50]));
    expect(r.lines.map((l) => l.amountCents)).toEqual([200, 396, 404]);
    expect(r.lines[0]!.explanation).toMatchObject({ adjustment: 'floor', proportionalShare: '800/99', adjustmentCents: '19000/99', roundingCent: 0 });
    expect(r.lines[1]!.explanation).toMatchObject({ exactCents: '39200/99', roundingCent: 1 });
    expect(r.rounds).toBe(2);
  });

  it('holds a large municipality at the cap and hands the excess to the others', () => {
    const r = allocate(params({ budgetCents: 1000, capCents: 500 }), entries([80, 10, 10]));
    expect(r.lines.map((l) => l.amountCents)).toEqual([500, 250, 250]);
    expect(r.lines[0]!.explanation.adjustment).toBe('cap');
  });

  it('iterates until nothing changes when fixing a floor pushes another under it', () => {
    // round 1: only the first is below 300; after fixing it the second drops below 300 too
    const r = allocate(params({ budgetCents: 1200, floorCents: 300 }), entries([1, 40, 100]));
    expect(r.lines.map((l) => l.amountCents)).toEqual([300, 300, 600]);
    expect(r.rounds).toBe(3);
  });
});

describe('parameter validation', () => {
  it.each([
    { name: 'base × n above the budget', p: { baseCents: 60 }, rule: 'allocation.base-exceeds-budget' },
    { name: 'floor above the cap', p: { floorCents: 40, capCents: 30 }, rule: 'allocation.floor-above-cap' },
    { name: 'floor × n above the budget', p: { floorCents: 51 }, rule: 'allocation.floor-exceeds-budget' },
    { name: 'caps that cannot absorb the budget', p: { capCents: 49 }, rule: 'allocation.cap-too-low' },
    { name: 'a reserve larger than the budget', p: { reserveCents: 101 }, rule: 'allocation.reserve-exceeds-budget' },
    { name: 'a base above the cap', p: { baseCents: 40, capCents: 30 }, rule: 'allocation.base-above-cap' },
    { name: 'fractional cents', p: { baseCents: 1.5 }, rule: 'allocation.cents' },
    { name: 'a zero budget', p: { budgetCents: 0 }, rule: 'allocation.budget-positive' },
  ])('refuses $name with a reason', ({ p, rule }) => {
    const issues = parameterIssues(params(p), entries([10, 20]));
    expect(issues.map((i) => i.rule)).toContain(rule);
    expect(() => allocate(params(p), entries([10, 20]))).toThrow(RangeError);
  });

  it('refuses participants without any young people, and duplicates', () => {
    expect(parameterIssues(params(), entries([0, 0])).map((i) => i.rule)).toEqual(['allocation.no-youth']);
    expect(parameterIssues(params(), [{ code: 'LV-042', youth: 1 }, { code: 'LV-042', youth: 2 }]).map((i) => i.rule)).toEqual(['allocation.duplicate-participant']);
  });

  it('accepts a feasible parameter set', () => {
    expect(parameterIssues(params({ baseCents: 10, floorCents: 20, capCents: 80 }), entries([10, 20]))).toEqual([]);
  });
});

describe('euro amounts', () => {
  it.each([
    ['3590000', 359_000_000], ['1234.5', 123_450], ['0,07', 7], ['0.1', 10], ['12.34', 1234],
  ])('reads %s euros as %i cents exactly', (text, cents) => expect(eurosToCents(text)).toBe(cents));

  it.each(['1.234', '-5', '1e3', 'abc', '', '01'])('refuses %j', (text) => expect(eurosToCents(text)).toBeUndefined());

  it('prints cents as euros with two decimals', () => expect(centsToEuros(359_000_007)).toBe('3590000.07'));
});

// Random but feasible formula inputs: up to 50 municipalities, head-counts up to 200,000.
const scenario = fc.record({
  counts: fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 50 }),
  budget: fc.integer({ min: 1, max: 400_000_000 }),
  reservePct: fc.integer({ min: 0, max: 50 }),
  basePct: fc.integer({ min: 0, max: 100 }),
  floorPct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  capPct: fc.option(fc.integer({ min: 100, max: 400 }), { nil: null }),
}).map(({ counts, budget, reservePct, basePct, floorPct, capPct }) => {
  const safeCounts = counts.some((c) => c > 0) ? counts : [...counts.slice(1), 1];
  const reserve = Math.floor((budget * reservePct) / 100);
  const perHead = Math.floor((budget - reserve) / safeCounts.length);
  const base = Math.floor((perHead * basePct) / 100);
  const floor = floorPct === null ? null : Math.floor((perHead * floorPct) / 100);
  // a cap at or above the even share, never below the base or floor, is always feasible
  const cap = capPct === null ? null : Math.max(Math.ceil(((budget - reserve) * capPct) / 100 / safeCounts.length), base, floor ?? 0);
  return { p: params({ budgetCents: budget, reserveCents: reserve, baseCents: base, floorCents: floor, capCents: cap }), e: entries(safeCounts) };
}).filter(({ p, e }) => parameterIssues(p, e).length === 0);

describe('invariants (property-based)', () => {
  it('sums exactly to budget − reserve', () => {
    fc.assert(fc.property(scenario, ({ p, e }) => {
      const r = allocate(p, e);
      expect(r.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(p.budgetCents - p.reserveCents);
    }));
  });

  it('keeps every amount within one cent of its exact share when no floor or cap binds', () => {
    fc.assert(fc.property(scenario, ({ p, e }) => {
      const plain = { ...p, floorCents: null, capCents: null };
      const total = e.reduce((s, x) => s + x.youth, 0);
      const rest = p.budgetCents - p.reserveCents - p.baseCents * e.length;
      for (const l of allocate(plain, e).lines) {
        // exact = base + rest·youth/total; |amount − exact| < 1 ⇔ |amount·total − exact·total| < total
        const exactTimesTotal = BigInt(p.baseCents) * BigInt(total) + BigInt(rest) * BigInt(l.youth);
        const diff = BigInt(l.amountCents) * BigInt(total) - exactTimesTotal;
        expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(total));
      }
    }));
  });

  it('never gives less money for more young people', () => {
    fc.assert(fc.property(scenario, ({ p, e }) => {
      const lines = allocate(p, e).lines;
      for (const a of lines) for (const b of lines) if (a.youth > b.youth) expect(a.amountCents).toBeGreaterThanOrEqual(b.amountCents);
    }));
  });

  it('does not depend on the order of the input', () => {
    fc.assert(fc.property(scenario, fc.integer(), ({ p, e }, seed) => {
      const shuffled = [...e].sort((a, b) => ((a.youth * 31 + seed) % 7) - ((b.youth * 31 + seed) % 7) || (a.code < b.code ? 1 : -1));
      const byCode = (ls: { code: string; amountCents: number }[]) => Object.fromEntries(ls.map((l) => [l.code, l.amountCents]));
      expect(byCode(allocate(p, shuffled).lines)).toEqual(byCode(allocate(p, e).lines));
    }));
  });

  it('always holds floors and caps', () => {
    fc.assert(fc.property(scenario, ({ p, e }) => {
      for (const l of allocate(p, e).lines) {
        if (p.floorCents !== null) expect(l.amountCents).toBeGreaterThanOrEqual(p.floorCents);
        if (p.capCents !== null) expect(l.amountCents).toBeLessThanOrEqual(p.capCents);
      }
    }));
  });
});
