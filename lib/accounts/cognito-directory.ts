// The AccountDirectory port on Cognito's admin API (the same calls against cognito-local).
import { AdminAddUserToGroupCommand, AdminUpdateUserAttributesCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { AccountDirectory } from '../domain/accounts/ports.js';

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
