// npm start's demo users as real cognito-local accounts: each gets a group, its municipality, TOTP for staff, and a token the API admits.
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDemoAccounts, type DemoAccount } from '../../lib/local/demo-accounts.js';
import { DEMO_USERS, type DemoUser } from '../../lib/local/demo.js';
import { cognito } from '../support/accounts.js';
import { call } from '../support/http.js';

/** The demo users under addresses of their own, so this suite leaves the shared pool's other accounts alone. */
const users: DemoUser[] = DEMO_USERS.map((u) => ({ ...u, email: `demo-${u.role}@seed.example.lv`, sub: `${u.sub}-seed` }));

describe('the demo accounts npm start seeds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-demo-'));
  const secretsFile = join(dir, 'demo-totp.json');
  const client = cognito();
  const seed = () => seedDemoAccounts(users, { client, userPoolId: inject('userPoolId'), clientId: inject('userPoolClientId'), secretsFile });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let first: DemoAccount[];

  it('makes every demo user an account in its group with its municipality and institution, and a token the API admits', async () => {
    first = await seed();
    expect(first.map((a) => a.user.role)).toEqual(['youth', 'supervisor', 'coordinator', 'agency']);
    for (const account of first) {
      const pooled = await client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: account.user.email }));
      const attribute = (name: string) => pooled.UserAttributes?.find((a) => a.Name === name)?.Value;
      expect(attribute('custom:municipality')).toBe(account.user.municipality);
      expect(attribute('custom:institution')).toBe(account.user.institution);
      const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: inject('userPoolId'), Username: pooled.Username }));
      expect(groups.Groups?.map((g) => g.GroupName)).toEqual([account.user.role]);

      const me = await call('GET', '/v1/me', { token: account.idToken });
      expect(me.status).toBe(200);
      expect(me.json).toMatchObject({ sub: account.user.sub, role: account.user.role, email: account.user.email });
    }
  });

  it('turns TOTP on for the coordinator and the agency officer only, and keeps their secrets private to the owner', () => {
    expect(first.filter((a) => a.totpSecret).map((a) => a.user.role)).toEqual(['coordinator', 'agency']);
    for (const a of first.filter((x) => x.totpSecret)) {
      expect(decodeJwt(a.idToken).mfa_enabled).toBe('true');
      expect(a.totpUri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&issuer=/);
    }
    expect(Object.keys(JSON.parse(readFileSync(secretsFile, 'utf8')) as object).sort()).toEqual(['demo-agency@seed.example.lv', 'demo-coordinator@seed.example.lv']);
    expect(statSync(secretsFile).mode & 0o077).toBe(0);
  });

  it('on the next start signs the same accounts in again with the kept secrets', async () => {
    const again = await seed();
    expect(again.map((a) => a.totpSecret)).toEqual(first.map((a) => a.totpSecret));
    for (const account of again) expect((await call('GET', '/v1/me', { token: account.idToken })).status).toBe(200);
  });

  it('makes a staff account again when its secret is lost', async () => {
    rmSync(secretsFile);
    const again = await seed();
    const coordinator = again.find((a) => a.user.role === 'coordinator')!;
    expect(coordinator.totpSecret).not.toBe(first.find((a) => a.user.role === 'coordinator')!.totpSecret);
    expect((await call('GET', '/v1/me', { token: coordinator.idToken })).json).toMatchObject({ sub: coordinator.user.sub, role: 'coordinator' });
  });
});
