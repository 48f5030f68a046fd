// The StaffDirectory port on Cognito's admin API (the same calls against cognito-local): the invitation use cases' accounts.
import {
  AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminDisableUserCommand, AdminEnableUserCommand, AdminGetUserCommand,
  AdminListGroupsForUserCommand, AdminSetUserPasswordCommand, AdminUpdateUserAttributesCommand, ListUsersInGroupCommand,
  type CognitoIdentityProviderClient, type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { UsernameTaken, WeakPassword, type DirectoryUser, type GroupMember, type StaffDirectory } from '../domain/accounts/ports.js';
import { ROLES, type Role } from '../domain/identity/types.js';

export { STAFF_DIRECTORY_ACTIONS, STAFF_DIRECTORY_READ_ACTIONS } from './staff-directory-actions.js';

const named = (error: unknown, ...names: string[]) => names.includes((error as { name?: string })?.name ?? '');

/** A temporary password nobody learns (no welcome message is sent): the account is unusable until setPassword. */
const unknowable = () => `${randomBytes(24).toString('base64url')}aA1!`;

export function cognitoStaffDirectory(client: CognitoIdentityProviderClient, userPoolId: string): StaffDirectory {
  const groupsOf = async (username: string): Promise<Role[]> => {
    const out = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
    return (out.Groups ?? []).map((g) => g.GroupName).filter((g): g is Role => (ROLES as readonly string[]).includes(g ?? ''));
  };
  const toUser = async (user: Pick<UserType, 'Username' | 'Enabled' | 'UserStatus'> & { Attributes?: UserType['Attributes'] }, mfa: boolean): Promise<DirectoryUser> => {
    const attributes = Object.fromEntries((user.Attributes ?? []).map((a) => [a.Name!, a.Value ?? '']));
    return {
      sub: attributes.sub!, username: user.Username!, email: attributes.email ?? '', enabled: user.Enabled !== false,
      status: user.UserStatus ?? 'UNKNOWN', groups: await groupsOf(user.Username!), mfa, attributes,
    };
  };
  return {
    async find(email) {
      try {
        const out = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
        const mfa = (out.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
        return await toUser({ Username: out.Username, Enabled: out.Enabled, UserStatus: out.UserStatus, Attributes: out.UserAttributes }, mfa);
      } catch (error) {
        if (named(error, 'UserNotFoundException')) return undefined;
        throw error;
      }
    },
    async create(email, attributes) {
      try {
        const out = await client.send(new AdminCreateUserCommand({
          UserPoolId: userPoolId, Username: email, MessageAction: 'SUPPRESS', TemporaryPassword: unknowable(),
          UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
        }));
        return await toUser(out.User!, false);
      } catch (error) {
        if (named(error, 'UsernameExistsException', 'AliasExistsException')) throw new UsernameTaken(email);
        throw error;
      }
    },
    async setAttributes(username, attributes) {
      const list = Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
      if (list.length > 0) await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: username, UserAttributes: list }));
    },
    async addToGroup(username, role) {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: role }));
    },
    async setPassword(username, password) {
      try {
        await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }));
      } catch (error) {
        if (named(error, 'InvalidPasswordException')) throw new WeakPassword((error as Error).message);
        throw error;
      }
    },
    async listGroup(role) {
      const out: GroupMember[] = [];
      let next: string | undefined;
      do {
        const page = await client.send(new ListUsersInGroupCommand({ UserPoolId: userPoolId, GroupName: role, Limit: 60, NextToken: next }));
        for (const u of page.Users ?? []) {
          const attributes = Object.fromEntries((u.Attributes ?? []).map((a) => [a.Name!, a.Value ?? '']));
          out.push({ sub: attributes.sub!, username: u.Username!, email: attributes.email ?? '', enabled: u.Enabled !== false, status: u.UserStatus ?? 'UNKNOWN', attributes });
        }
        next = page.NextToken;
      } while (next);
      return out;
    },
    async setEnabled(username, enabled) {
      await client.send(enabled
        ? new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: username })
        : new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: username }));
    },
  };
}
