import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { postAuthenticationHandler } from '../../../lib/accounts/triggers.js';

const anEvent = (sub: string | undefined): PostAuthenticationTriggerEvent => ({
  version: '1', region: 'eu-north-1', userPoolId: 'pool', userName: 'ilze@example.lv', triggerSource: 'PostAuthentication_Authentication',
  callerContext: { awsSdkVersion: '3', clientId: 'client' },
  request: { userAttributes: sub ? { sub, email: 'ilze@example.lv' } : { email: 'ilze@example.lv' }, newDeviceUsed: false },
  response: {},
});
const at = new Date('2026-12-03T08:15:00.000Z');

describe('post-authentication trigger', () => {
  it("records the sign-in time under the event's sub and returns the event unchanged", async () => {
    const recorded: [string, string][] = [];
    const handler = postAuthenticationHandler({
      signIns: { recordSignIn: async (sub, when) => { recorded.push([sub, when]); return true; } },
      clock: { now: () => at }, onError: () => { throw new Error('not expected'); },
    });
    const event = anEvent('sub-1');
    expect(await handler(structuredClone(event))).toEqual(event);
    expect(recorded).toEqual([['sub-1', '2026-12-03T08:15:00.000Z']]);
  });

  it('lets the sign-in through when the record fails (Cognito would refuse it), reporting the error', async () => {
    const errors: unknown[] = [];
    const failure = new Error('ProvisionedThroughputExceededException');
    const handler = postAuthenticationHandler({
      signIns: { recordSignIn: async () => { throw failure; } }, clock: { now: () => at }, onError: (e) => errors.push(e),
    });
    await expect(handler(anEvent('sub-1'))).resolves.toMatchObject({ triggerSource: 'PostAuthentication_Authentication' });
    expect(errors).toEqual([failure]);
  });

  it('writes nothing for an event without a sub', async () => {
    let calls = 0;
    const handler = postAuthenticationHandler({
      signIns: { recordSignIn: async () => { calls++; return true; } }, clock: { now: () => at }, onError: () => {},
    });
    await handler(anEvent(undefined));
    expect(calls).toBe(0);
  });
});
