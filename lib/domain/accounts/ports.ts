// What the accounts use cases need from the identity provider (Cognito in AWS, cognito-local on npm start and in tests).
import type { Role } from '../identity/types.js';

export interface AccountDirectory {
  /** Sets attributes only an admin may write (`custom:municipality`, `custom:institution`). */
  setTrustedAttributes(username: string, attributes: Partial<Record<'municipality' | 'institution', string>>): Promise<void>;
  /** Puts the user into the group of `role` (idempotent). */
  addToGroup(username: string, role: Role): Promise<void>;
}

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
