import { describe, expect, it } from 'vitest';

describe('the local runtime', () => {
  it('is Node.js 24, the runtime the Lambda functions use (pinned npm package node@24)', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
