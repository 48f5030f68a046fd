// Every benchmark section once in smoke mode (tiny sizes, one DynamoDB Local, no timing asserted): a broken bench fails npm test.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SECTIONS } from '../../bench/sections.js';
import { startDynamoLocal, type RunningDynamo } from '../../lib/local/dynamodb-local.js';

let dynamo: RunningDynamo | undefined;
beforeAll(async () => { dynamo = await startDynamoLocal(); });
afterAll(async () => { await dynamo?.stop(); });

/** What a section printed: each `## title` table with its rows. */
function tablesIn(lines: readonly string[]): { title: string; rows: string[] }[] {
  return lines.join('\n').split('\n## ').slice(1).map((table) => {
    const [title = '', , , ...rows] = table.split('\n');
    return { title, rows: rows.filter((r) => r.trim() !== '') };
  });
}

describe('npm run bench in smoke mode', () => {
  it.each(SECTIONS.map((s) => [s.name, s] as const))('runs the %s section to its end and prints its figures', async (_, section) => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { lines.push(args.map(String).join(' ')); });
    try {
      await section.run({ smoke: true, dynamo });
    } finally {
      log.mockRestore();
    }
    const tables = tablesIn(lines);
    expect(tables.length).toBeGreaterThan(0);
    for (const { title, rows } of tables) {
      expect(rows.length, title).toBeGreaterThan(0);
      expect(rows.join('\n'), title).toMatch(/\d/);
      expect(rows.join('\n'), title).not.toMatch(/NaN|Infinity/);
    }
  });
});
