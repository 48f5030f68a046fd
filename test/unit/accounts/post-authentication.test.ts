import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { postAuthenticationHandler } from '../../../lib/accounts/triggers.js';
import type { DigestSubscription } from '../../../lib/domain/hours/use-cases/decision-digest.js';

const noDigests = { subscribeUnlessChosen: async () => { throw new Error('not expected'); } };

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
      clock: { now: () => at }, onError: () => { throw new Error('not expected'); }, digests: noDigests,
    });
    const event = anEvent('sub-1');
    expect(await handler(structuredClone(event))).toEqual(event);
    expect(recorded).toEqual([['sub-1', '2026-12-03T08:15:00.000Z']]);
  });

  it('lets the sign-in through when the record fails (Cognito would refuse it), reporting the error', async () => {
    const errors: unknown[] = [];
    const failure = new Error('ProvisionedThroughputExceededException');
    const handler = postAuthenticationHandler({
      signIns: { recordSignIn: async () => { throw failure; } }, clock: { now: () => at }, onError: (e) => errors.push(e), digests: noDigests,
    });
    await expect(handler(anEvent('sub-1'))).resolves.toMatchObject({ triggerSource: 'PostAuthentication_Authentication' });
    expect(errors).toEqual([failure]);
  });

  it('writes nothing for an event without a sub', async () => {
    let calls = 0;
    const handler = postAuthenticationHandler({
      signIns: { recordSignIn: async () => { calls++; return true; } }, clock: { now: () => at }, onError: () => {}, digests: noDigests,
    });
    await handler(anEvent(undefined));
    expect(calls).toBe(0);
  });

  it('subscribes a supervisor bound to an institution to the daily digest, unless they chose; nobody else', async () => {
    const asked: DigestSubscription[] = [];
    const handler = postAuthenticationHandler({
      signIns: { recordSignIn: async () => false }, clock: { now: () => at }, onError: () => { throw new Error('not expected'); },
      digests: { subscribeUnlessChosen: async (s) => { asked.push(s); return true; } },
    });
    const supervisor = anEvent('sub-2');
    supervisor.request.userAttributes = { ...supervisor.request.userAttributes, name: 'Ilze Kalniņa', 'custom:municipality': 'LV-042', 'custom:institution': 'inst-1' };
    await handler(supervisor);
    await handler(anEvent('sub-3')); // no institution: a youth or a coordinator
    expect(asked).toEqual([{ sub: 'sub-2', municipality: 'LV-042', institution: 'inst-1', email: 'ilze@example.lv', name: 'Ilze Kalniņa', subscribedAt: at.toISOString() }]);
  });
});
