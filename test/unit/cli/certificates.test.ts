import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../lib/cli/certificates.js';

describe('the certificates CLI progress bar', () => {
  it.each([
    [{ batches: 10, batchesDone: 0 }, '[░░░░░░░░░░] 0/10 batches'],
    [{ batches: 10, batchesDone: 6 }, '[██████░░░░] 6/10 batches'],
    [{ batches: 0, batchesDone: 0 }, '[██████████] 0/0 batches'],
  ])('draws %j as %s', (run, start) => {
    const line = progressLine({ eligible: 5, issued: 3, skipped: 1, failed: 0, ...run }, 10);
    expect(line.startsWith(start)).toBe(true);
    expect(line).toContain('issued 3 · skipped 1 · failed 0');
  });
});
