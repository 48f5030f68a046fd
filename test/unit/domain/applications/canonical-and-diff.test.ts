import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../../lib/domain/applications/canonical.js';
import { diffContents } from '../../../../lib/domain/applications/diff.js';
import { aCompleteContent } from '../../../support/applications.js';

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: [3, { d: 'ē', c: null }] }, '{"a":[3,{"c":null,"d":"ē"}],"b":1}'],
    [{ z: undefined, a: 'x' }, '{"a":"x"}'],
    [[], '[]'],
    ['Ķekava', '"Ķekava"'],
  ])('renders %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  // RFC 8785 §3.2.2 (primitives) and §3.2.3 (property sorting by UTF-16 code units), input and output as printed there.
  it('writes the RFC 8785 sample of primitives as the RFC does', () => {
    const input = JSON.parse('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
      + ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}');
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
      + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts properties as the RFC 8785 sample does (UTF-16 code units, not code points or locale)', () => {
    const input = JSON.parse('{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",'
      + ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}');
    expect(canonicalJson(input)).toBe('{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",'
      + '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}');
  });

  it('hashes the same content identically whatever the key order, and differently when one field changes', () => {
    const a = { title: 'T', requestedTotalCents: 100 };
    const b = { requestedTotalCents: 100, title: 'T' };
    expect(sha256Hex(a)).toBe(sha256Hex(b));
    expect(sha256Hex(a)).toBe(createHash('sha256').update('{"requestedTotalCents":100,"title":"T"}').digest('hex'));
    expect(sha256Hex({ ...a, requestedTotalCents: 101 })).not.toBe(sha256Hex(a));
  });
});

describe('field-level diff of two versions', () => {
  it('is empty for equal contents', () => {
    expect(diffContents(aCompleteContent(), aCompleteContent())).toEqual([]);
  });

  it.each([
    ['a changed leaf', { title: 'Jauns' }, [{ field: 'title', change: 'changed', before: 'Digitālais jaunatnes darbs Jēkabpils novadā', after: 'Jauns' }]],
    ['an added array item', { objectives: ['Apmācīt komandu', 'Sasniegt jauniešus tiešsaistē', 'Trešais'] }, [{ field: 'objectives.2', change: 'added', after: 'Trešais' }]],
    ['a removed field', { councilDecision: undefined }, [
      { field: 'councilDecision.date', change: 'removed', before: '2023-11-23' },
      { field: 'councilDecision.number', change: 'removed', before: 'Nr. 12/2023' },
    ]],
  ] as const)('reports %s', (_, change, expected) => {
    expect(diffContents(aCompleteContent(), aCompleteContent(change as never))).toEqual(expected);
  });

  it('orders array indexes numerically (2 before 10)', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);
    const fields = diffContents({ objectives: [] }, { objectives: many(11) }).map((c) => c.field);
    expect(fields.slice(0, 3)).toEqual(['objectives', 'objectives.0', 'objectives.1']);
    expect(fields.indexOf('objectives.2')).toBeLessThan(fields.indexOf('objectives.10'));
  });
});
