// The demo users as real cognito-local accounts (group, custom:municipality, TOTP for staff), each with a ready ID token.
import { AdminDeleteUserCommand, AdminGetUserCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { requiresMfa } from '../domain/identity/types.js';
import { ensureAccount, signIn, turnOnTotp } from './accounts.js';
import type { DemoUser } from './demo.js';

export interface DemoAccount {
  user: DemoUser;
  /** The TOTP secret of a staff account, for an authenticator app (otpauth URI in `totpUri`). */
  totpSecret?: string;
  totpUri?: string;
  idToken: string;
}

export interface DemoAccountOptions {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
  /** Where the staff accounts' TOTP secrets are kept between starts (cognito-local has no API that reads one back). */
  secretsFile: string;
}

const otpauth = (user: DemoUser, secret: string) =>
  `otpauth://totp/${encodeURIComponent(`Jaunatne (local):${user.email}`)}?secret=${secret}&issuer=${encodeURIComponent('Jaunatne (local)')}`;

async function totpOn(client: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<boolean> {
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
}

/**
 * Makes every demo user a real account and signs each in as the app would: coordinators and agency staff turn TOTP
 * on the first time (as they must before the API admits them) and answer the TOTP challenge afterwards. A staff
 * account whose secret was lost (the secrets file removed, the pool kept) is deleted and made again.
 */
export async function seedDemoAccounts(users: readonly DemoUser[], options: DemoAccountOptions): Promise<DemoAccount[]> {
  const { client, userPoolId, clientId, secretsFile } = options;
  const secrets: Record<string, string> = existsSync(secretsFile) ? JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string> : {};
  const accounts: DemoAccount[] = [];
  for (const user of users) {
    const username = await ensureAccount(client, userPoolId, user);
    if (!requiresMfa(user.role)) {
      accounts.push({ user, idToken: (await signIn(client, clientId, user.email, user.password)).IdToken! });
      continue;
    }
    let secret = secrets[user.email];
    if (await totpOn(client, userPoolId, user.email)) {
      if (!secret) {
        await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
        await ensureAccount(client, userPoolId, user);
      }
    } else secret = undefined;
    if (!secret) {
      const first = await signIn(client, clientId, user.email, user.password);
      secret = await turnOnTotp(client, first.AccessToken!);
      secrets[user.email] = secret;
      writeFileSync(secretsFile, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    }
    const auth = await signIn(client, clientId, user.email, user.password, secret);
    accounts.push({ user, totpSecret: secret, totpUri: otpauth(user, secret), idToken: auth.IdToken! });
  }
  return accounts;
}
