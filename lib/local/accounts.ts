// Real accounts in cognito-local with the same SDK calls an admin and an app make in AWS: create, put in a group, turn TOTP on, sign in.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '../domain/identity/types.js';
import { totpCode } from './totp.js';

export interface AccountSpec {
  email: string;
  password: string;
  role: Role;
  name?: string;
  municipality?: string;
  institution?: string;
  /**
   * A fixed `sub` (cognito-local takes one on AdminCreateUser; Cognito always generates it), so demo accounts keep the
   * ids the demo data refers to.
   */
  sub?: string;
}

/**
 * Creates the account if the pool has none for the email (confirmed, email verified, no welcome mail), then sets its
 * password, trusted attributes and group on every call, so a persisted pool matches the spec after a restart.
 * Returns the pool's username.
 */
export async function ensureAccount(client: CognitoIdentityProviderClient, userPoolId: string, spec: AccountSpec): Promise<string> {
  const trusted = [
    ...(spec.municipality ? [{ Name: 'custom:municipality', Value: spec.municipality }] : []),
    ...(spec.institution ? [{ Name: 'custom:institution', Value: spec.institution }] : []),
  ];
  const existing = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: spec.email })).catch((e: Error) => {
    if (e.name === 'UserNotFoundException') return undefined;
    throw e;
  });
  let username = existing?.Username;
  if (!username) {
    const created = await client.send(new AdminCreateUserCommand({
      UserPoolId: userPoolId, Username: spec.email, MessageAction: 'SUPPRESS',
      UserAttributes: [
        ...(spec.sub ? [{ Name: 'sub', Value: spec.sub }] : []),
        { Name: 'email', Value: spec.email }, { Name: 'email_verified', Value: 'true' },
        ...(spec.name ? [{ Name: 'name', Value: spec.name }] : []),
        ...trusted,
      ],
    }));
    username = created.User!.Username!;
  } else if (trusted.length > 0) {
    await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: username, UserAttributes: trusted }));
  }
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: spec.password, Permanent: true }));
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: spec.role }));
  return username;
}

/** Signs in with the password, answering the TOTP challenge with `totpSecret`'s current code when the account has TOTP on. */
export async function signIn(
  client: CognitoIdentityProviderClient, clientId: string, email: string, password: string, totpSecret?: string,
): Promise<AuthenticationResultType> {
  const first = await client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));
  if (first.AuthenticationResult) return first.AuthenticationResult;
  if (first.ChallengeName !== 'SOFTWARE_TOKEN_MFA' || !totpSecret) throw new Error(`sign-in of ${email} stopped at the ${first.ChallengeName} challenge`);
  const answered = await client.send(new RespondToAuthChallengeCommand({
    ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: first.Session,
    ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: totpCode(totpSecret) },
  }));
  return answered.AuthenticationResult!;
}

/**
 * What a staff member does in the app to turn TOTP on, with their access token: AssociateSoftwareToken (the secret
 * for the authenticator app), VerifySoftwareToken (a first code), SetUserMFAPreference (TOTP enabled and preferred).
 * Returns the secret.
 */
export async function turnOnTotp(client: CognitoIdentityProviderClient, accessToken: string): Promise<string> {
  const { SecretCode } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: totpCode(SecretCode!), FriendlyDeviceName: 'authenticator' }));
  await client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
  return SecretCode!;
}
