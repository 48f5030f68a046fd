import { describe, expect, it } from 'vitest';
import { csvField, csvFile, csvText } from '../../../lib/domain/csv.js';
import { runCsv } from '../../../lib/domain/allocation/report.js';
import { toCsv } from '../../../lib/domain/hours/exports.js';

describe('one CSV rule for every export', () => {
  it.each([
    [-500, '-500'],
    ['-500', "'-500"],
    ['a;b', '"a;b"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    [undefined, ''],
  ])('writes %j as %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('the hours and allocation exports write the same field the same way', () => {
    const name = '=cmd|"x"';
    const hours = toCsv(['name'], [[name]]);
    expect(hours).toBe(csvFile(csvText(['name'], [[name]])));
    const allocation = runCsv([{
      code: 'LV-042', name, cohort: 1, youth: 10, amountCents: 100,
      explanation: { baseCents: 0, proportionalShare: '100', adjustment: null, adjustmentCents: -5, roundingCent: 0, eurosPerYouth: '0.10' },
    } as never]);
    expect(allocation.split('\r\n')[1]).toBe(`LV-042,${csvField(name)},1,10,0.00,100,,-5,0,100,1.00,0.10`);
    expect(csvField(name)).toBe('"\'=cmd|""x"""');
  });
});
