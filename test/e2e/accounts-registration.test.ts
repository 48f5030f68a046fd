// Young people's self-registration end to end: cognito-local's SignUp → PreSignUp trigger (through the gateway's
// Lambda endpoint) → emailed code → ConfirmSignUp → PostConfirmation (group, municipality, profile) → a real ID token.
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../lib/data/client.js';
import { keys } from '../../lib/data/keys.js';
import { localClient } from '../../lib/data/admin.js';
import { rigaDate } from '../../lib/domain/clock.js';
import { cognito, confirm, lastCodeFor, signIn, signUp } from '../support/accounts.js';
import { call } from '../support/http.js';

const yearsAgo = (years: number, days = 0) => {
  const today = rigaDate(new Date());
  const d = new Date(`${Number(today.slice(0, 4)) - years}${today.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const email = () => `jaunietis-${randomUUID().slice(0, 8)}@example.lv`;

describe('self-registration of young people', () => {
  it('registers, confirms by the emailed code and signs in as a youth of the chosen municipality with a volunteer profile', async () => {
    const client = cognito();
    const address = email();
    const signedUp = await signUp(client, { email: address, name: 'Anna Bērziņa', birthdate: yearsAgo(16), municipality: 'LV-RIX' });
    expect(signedUp.UserConfirmed).toBe(false);
    const code = lastCodeFor(address);
    expect(code).toMatch(/^\d+$/);
    await confirm(client, address, code!);

    const poolUser = await client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address }));
    expect(poolUser.UserAttributes?.find((a) => a.Name === 'custom:municipality')?.Value).toBe('LV-RIX');
    // by the pool's username (cognito-local's AdminListGroupsForUser does not resolve the email alias)
    const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: inject('userPoolId'), Username: poolUser.Username }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['youth']);

    const auth = await signIn(client, address);
    const token = auth.AuthenticationResult!.IdToken!;
    const me = await call('GET', '/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ role: 'youth', municipality: { code: 'LV-RIX' }, email: address });
    const profile = await call('GET', '/v1/volunteers/me', { token });
    expect(profile.status).toBe(200);
    expect(profile.json).toMatchObject({ name: 'Anna Bērziņa', birthDate: yearsAgo(16), municipality: 'LV-RIX', email: address });
    // the post-authentication trigger keeps no sign-in of a young person (only staff accounts have one)
    const doc = createDocumentClient(localClient(inject('e2eDynamoEndpoint')));
    const kept = await doc.send(new GetCommand({ TableName: inject('e2eTableName'), Key: keys.staffAccount(poolUser.UserAttributes!.find((a) => a.Name === 'sub')!.Value!), ConsistentRead: true }));
    expect(kept.Item).toBeUndefined();
  });

  it.each([
    ['an unknown municipality', { birthdate: yearsAgo(16), municipality: 'LV-999' }, 'accounts.unknown-municipality', 'pašvaldība nav zināma'],
    ['a municipality that no longer exists', { birthdate: yearsAgo(16), municipality: 'LV-102' }, 'accounts.unknown-municipality', 'pašvaldība nav zināma'],
    ['a 12-year-old (one day short of 13)', { birthdate: yearsAgo(13, 1), municipality: 'LV-RIX' }, 'accounts.age-below-minimum', 'no 13 gadu vecuma'],
    ['a 26-year-old', { birthdate: yearsAgo(26), municipality: 'LV-RIX' }, 'accounts.age-above-maximum', 'līdz 25 gadu vecumam'],
    ['no birth date', { municipality: 'LV-RIX' }, 'accounts.birth-date', 'Dzimšanas datumam'],
  ])('refuses %s with a Latvian message and creates no user', async (_label, registration, rule, latvian) => {
    const client = cognito();
    const address = email();
    const refused = await signUp(client, { email: address, ...registration }).then(() => undefined, (e: Error) => e);
    expect(refused?.name).toBe('UserLambdaValidationException');
    expect(refused?.message).toContain(latvian);
    expect(refused?.message).toContain(`[${rule}]`);
    const lookup = await client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address })).then(() => 'found', (e: Error) => e.name);
    expect(lookup).toBe('UserNotFoundException');
  });

  it('refuses a second registration with the same email', async () => {
    const client = cognito();
    const address = email();
    await signUp(client, { email: address, birthdate: yearsAgo(17), municipality: 'LV-RIX' });
    const again = await signUp(client, { email: address, birthdate: yearsAgo(17), municipality: 'LV-RIX' }).then(() => undefined, (e: Error) => e);
    expect(again?.name).toBe('UsernameExistsException');
  });

  it.each(['parole', 'jaunatne-parole-2026', 'JAUNATNE-PAROLE-2026', 'Jaunatne-Parole-xx', 'Jaunatne2026parole'])(
    "refuses the weak password %s as Cognito's policy does (InvalidPasswordException), creating no user", async (password) => {
      const client = cognito();
      const address = email();
      const refused = await signUp(client, { email: address, birthdate: yearsAgo(17), municipality: 'LV-RIX', password }).then(() => undefined, (e: Error) => e);
      expect(refused?.name).toBe('InvalidPasswordException');
      const lookup = await client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address })).then(() => 'found', (e: Error) => e.name);
      expect(lookup).toBe('UserNotFoundException');
    },
  );

  it('an unconfirmed registration has no group and no municipality, and cannot sign in', async () => {
    const client = cognito();
    const address = email();
    await signUp(client, { email: address, birthdate: yearsAgo(17), municipality: 'LV-RIX' });
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address }));
    expect(user.UserAttributes?.find((a) => a.Name === 'custom:municipality')).toBeUndefined();
    const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: inject('userPoolId'), Username: user.Username }));
    expect(groups.Groups).toEqual([]);
    const refused = await signIn(client, address).then(() => undefined, (e: Error) => e.name);
    expect(refused).toBe('UserNotConfirmedException');
  });
});
