// The AccountDirectory and MfaDirectory ports on Cognito's admin API (the same calls against cognito-local).
import { AdminAddUserToGroupCommand, AdminDeleteUserCommand, AdminDisableUserCommand, AdminGetUserCommand, AdminUpdateUserAttributesCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { AccountRemover } from '../domain/accounts/erasure.js';
import type { AccountDirectory, AccountSignIn, MfaDirectory } from '../domain/accounts/ports.js';

export function cognitoClient(endpoint = process.env.COGNITO_ENDPOINT): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    region: process.env.AWS_REGION ?? 'eu-north-1',
  });
}

export function cognitoDirectory(client: CognitoIdentityProviderClient, userPoolId: string): AccountDirectory {
  return {
    async setTrustedAttributes(username, attributes) {
      const list = Object.entries(attributes).filter(([, v]) => v !== undefined).map(([k, v]) => ({ Name: `custom:${k}`, Value: v! }));
      if (list.length === 0) return;
      await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: username, UserAttributes: list }));
    },
    async addToGroup(username, role) {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: role }));
    },
  };
}

/** TOTP is on when AdminGetUser lists SOFTWARE_TOKEN_MFA among the enabled methods (the pool offers no SMS factor). */
export function cognitoMfa(client: CognitoIdentityProviderClient, userPoolId: string): MfaDirectory {
  return {
    async totpEnabled(username) {
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
      return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
    },
  };
}

/** AdminDisableUser by the account's sub (Cognito takes the sub as Username; it also revokes the user's tokens); a user already gone is fine. */
export function cognitoSignIn(client: CognitoIdentityProviderClient, userPoolId: string): AccountSignIn {
  return {
    async disable(username) {
      try {
        await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: username }));
      } catch (error) {
        // an account no longer in the pool cannot sign in either
        if (!(error instanceof Error && error.name === 'UserNotFoundException')) throw error;
      }
    },
  };
}

/** AdminDeleteUser by the account's sub, at the end of a closed account's retention; an account already gone is fine. */
export function cognitoAccountRemover(client: CognitoIdentityProviderClient, userPoolId: string): AccountRemover {
  return {
    async remove(username) {
      try {
        await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
      } catch (error) {
        if ((error as { name?: string }).name !== 'UserNotFoundException') throw error;
      }
    },
  };
}
