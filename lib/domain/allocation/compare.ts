// Two allocation runs side by side, line by line. Pure.
import type { AllocationRun, Comparison } from './types.js';

/** Every municipality of either run, by code; a line missing from one run shows null there and counts as 0. */
export function compareRuns(run: AllocationRun, other: AllocationRun): Comparison {
  const a = new Map(run.lines.map((l) => [l.code, l]));
  const b = new Map(other.lines.map((l) => [l.code, l]));
  const codes = [...new Set([...a.keys(), ...b.keys()])].sort();
  const total = (r: AllocationRun) => r.lines.reduce((s, l) => s + l.amountCents, 0);
  return {
    runId: run.id,
    otherId: other.id,
    totalCents: { run: total(run), other: total(other), difference: total(other) - total(run) },
    lines: codes.map((code) => {
      const x = a.get(code);
      const y = b.get(code);
      return {
        code,
        name: (x ?? y)!.name,
        youth: { run: x?.youth ?? null, other: y?.youth ?? null },
        amountCents: { run: x?.amountCents ?? null, other: y?.amountCents ?? null },
        differenceCents: (y?.amountCents ?? 0) - (x?.amountCents ?? 0),
      };
    }),
  };
}
