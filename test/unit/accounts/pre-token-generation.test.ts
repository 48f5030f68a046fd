import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { preTokenGenerationHandler } from '../../../lib/accounts/triggers.js';
import type { MfaDirectory } from '../../../lib/domain/accounts/ports.js';

/** A V1 pre-token-generation event as Cognito sends it on sign-in (groupsToOverride: the user's groups). */
const anEvent = (groups: string[] | undefined, username = 'user-1'): PreTokenGenerationTriggerEvent => ({
  version: '1', region: 'eu-north-1', userPoolId: 'eu-north-1_pool', userName: username, triggerSource: 'TokenGeneration_Authentication',
  callerContext: { awsSdkVersion: 'x', clientId: 'client' },
  request: { userAttributes: { sub: username }, groupConfiguration: groups === undefined ? {} as never : { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: undefined } },
  response: { claimsOverrideDetails: {} as never },
});

/** A directory that knows whose TOTP is on and records who was asked. */
function aDirectory(withTotp: string[]): MfaDirectory & { asked: string[] } {
  const asked: string[] = [];
  return { asked, totpEnabled: (u) => { asked.push(u); return Promise.resolve(withTotp.includes(u)); } };
}

describe('the pre-token-generation trigger', () => {
  it.each([['coordinator'], ['agency']])('adds mfa_enabled "true" for a %s with TOTP on', async (group) => {
    const directory = aDirectory(['staff-1']);
    const out = await preTokenGenerationHandler({ mfa: directory })(anEvent([group], 'staff-1'));
    expect(out.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({ mfa_enabled: 'true' });
    expect(directory.asked).toEqual(['staff-1']);
  });

  it('adds mfa_enabled "false" for staff without TOTP', async () => {
    const out = await preTokenGenerationHandler({ mfa: aDirectory([]) })(anEvent(['coordinator'], 'staff-2'));
    expect(out.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({ mfa_enabled: 'false' });
  });

  it.each([[['youth']], [['supervisor']], [[]], [['readers']]])('adds nothing and asks nobody for groups %j', async (groups) => {
    const directory = aDirectory(['user-1']);
    const out = await preTokenGenerationHandler({ mfa: directory })(anEvent(groups));
    expect(out.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({});
    expect(directory.asked).toEqual([]);
  });

  it('asks the directory when the event carries no groups (as cognito-local sends it)', async () => {
    const directory = aDirectory(['user-1']);
    const out = await preTokenGenerationHandler({ mfa: directory })(anEvent(undefined));
    expect(out.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({ mfa_enabled: 'true' });
  });

  it('keeps claims already in the response and suppresses nothing', async () => {
    const event = anEvent(['agency']);
    event.response.claimsOverrideDetails = { claimsToAddOrOverride: { other: 'x' }, claimsToSuppress: ['phone_number'] };
    const out = await preTokenGenerationHandler({ mfa: aDirectory([]) })(event);
    expect(out.response.claimsOverrideDetails).toEqual({ claimsToAddOrOverride: { other: 'x', mfa_enabled: 'false' }, claimsToSuppress: ['phone_number'] });
  });

  it('fails the sign-in when the directory cannot be read, rather than issue a token without the fact', async () => {
    const broken: MfaDirectory = { totpEnabled: () => Promise.reject(new Error('throttled')) };
    await expect(preTokenGenerationHandler({ mfa: broken })(anEvent(['coordinator']))).rejects.toThrow('throttled');
  });
});
