import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const fixtures = join(root, 'test/fixtures/headcounts');
const scratch = mkdtempSync(join(tmpdir(), 'allocate-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI as JSPA staff would, in a child process. */
function allocate(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'lib/cli/allocate.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each case starts tsx in a child process, which takes seconds on a loaded 2-core machine.
describe('npm run allocate', { timeout: 30_000 }, () => {
  it('prints one JSON object with budget, distributable cents and every allocation', () => {
    const r = allocate('--headcounts', join(fixtures, 'ird041-2025.json'), '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ budgetCents: 359_000_000, distributableCents: 359_000_000, referenceDate: '2025-01-01' });
    expect(out.allocations).toHaveLength(43);
    expect(out.allocations.find((a: { code: string }) => a.code === 'LV-042')).toMatchObject({ code: 'LV-042', name: 'Jēkabpils novads', youth: expect.any(Number), amountCents: expect.any(Number) });
    expect(out.allocations.reduce((s: number, a: { amountCents: number }) => s + a.amountCents, 0)).toBe(359_000_000);
  });

  it('reads euro arguments with two decimals exactly, and applies floors', () => {
    const r = allocate('--headcounts', join(fixtures, 'youth-2025.csv'), '--year', '2025', '--budget', '1000.05', '--reserve', '0.05', '--floor', '23.10', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ budgetCents: 100_005, distributableCents: 100_000, floorCents: 2310 });
    expect(out.allocations.every((a: { amountCents: number }) => a.amountCents >= 2310)).toBe(true);
    expect(out.allocations.reduce((s: number, a: { amountCents: number }) => s + a.amountCents, 0)).toBe(100_000);
  });

  it('prints CSV and a Latvian table', () => {
    const csv = allocate('--headcounts', join(fixtures, 'ird041-2024-2025.csv'), '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^code,name,cohort,youth/);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(44);
    const table = allocate('--headcounts', join(fixtures, 'ird041-2024-2025.csv'), '--year', '2024');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Atsauces datums 2024-01-01');
    expect(table.stdout).toMatch(/Kopā\s+\d+\s+3590000\.00/);
  });

  it('refuses a bad file with row-numbered reasons and exit code 1', () => {
    const file = join(scratch, 'bad.csv');
    writeFileSync(file, 'code,name,youth\nLV-042,Jēkabpils novads,..\nLV-042,Jēkabpils novads,5\n');
    const r = allocate('--headcounts', file, '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('content.row.2  headcounts.confidential-or-missing');
    expect(r.stderr).toContain('content.row.3  headcounts.duplicate-code');
  });

  it('refuses impossible parameters with the rule and exit code 1', () => {
    const r = allocate('--headcounts', join(fixtures, 'ird041-2025.json'), '--floor', '100', '--cap', '50');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('allocation.floor-above-cap');
  });

  it.each([
    { args: ['--budget', '1.234'], says: '--budget must be euros' },
    { args: ['--reserve=-5'], says: '--reserve must be euros' },
    { args: ['--format', 'xml'], says: '--format must be' },
    { args: ['--headcounts', join(root, 'no-such-file.json')], says: 'cannot read' },
    { args: ['--unknown'], says: 'Unknown option' },
  ])('answers $args with usage and exit code 2', ({ args, says }) => {
    const r = allocate(...(args.includes('--headcounts') ? args : ['--headcounts', join(fixtures, 'ird041-2025.json'), ...args]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expect(r.stderr).toContain('usage: npm run allocate');
  });

  it('requires --headcounts', () => {
    expect(allocate('--budget', '10')).toMatchObject({ code: 2, stderr: expect.stringContaining('--headcounts FILE is required') });
  });
});
