// What the accounts use cases need from the identity provider (Cognito in AWS, cognito-local on npm start and in tests).
import type { Role } from '../identity/types.js';

export interface AccountDirectory {
  /** Sets attributes only an admin may write (`custom:municipality`, `custom:institution`). */
  setTrustedAttributes(username: string, attributes: Partial<Record<'municipality' | 'institution', string>>): Promise<void>;
  /** Puts the user into the group of `role` (idempotent). */
  addToGroup(username: string, role: Role): Promise<void>;
}

/** A staff account in the identity provider, as the users list and the acceptance need it. */
export interface DirectoryUser {
  sub: string;
  /** The pool's username (the sub in an email-alias pool). */
  username: string;
  email: string;
  enabled: boolean;
  /** FORCE_CHANGE_PASSWORD until a password was set: nobody can sign in yet. */
  status: string;
  groups: Role[];
  mfa: boolean;
  attributes: Record<string, string>;
}

/** Cognito's admin API for staff accounts (the same calls against cognito-local). Every method is idempotent. */
export interface StaffDirectory {
  find(email: string): Promise<DirectoryUser | undefined>;
  /** Creates a user nobody can sign in as (no welcome message, an unknown temporary password); UsernameTaken if it exists. */
  create(email: string, attributes: Record<string, string>): Promise<DirectoryUser>;
  setAttributes(username: string, attributes: Record<string, string>): Promise<void>;
  addToGroup(username: string, role: Role): Promise<void>;
  /** A permanent password: the step that makes the account usable. Refused by the pool's policy: WeakPassword. */
  setPassword(username: string, password: string): Promise<void>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
  /** Every account in the group of `role` (ListUsersInGroup, page by page), without MFA: `find` one for that. */
  listGroup(role: Role): Promise<GroupMember[]>;
}

/** An account as a group's listing shows it. */
export type GroupMember = Omit<DirectoryUser, 'groups' | 'mfa'>;

export class UsernameTaken extends Error {}
export class WeakPassword extends Error {}

/** The account's second factor as the identity provider holds it (AdminGetUser's UserMFASettingList). */
export interface MfaDirectory {
  /** Whether TOTP (SOFTWARE_TOKEN_MFA) is turned on for the user, so every sign-in asks for a code. */
  totpEnabled(username: string): Promise<boolean>;
}

/** Sign-in of an account at the identity provider (AdminDisableUser in Cognito). */
export interface AccountSignIn {
  /** Disables sign-in and revokes the account's access and refresh tokens (idempotent). */
  disable(username: string): Promise<void>;
}
