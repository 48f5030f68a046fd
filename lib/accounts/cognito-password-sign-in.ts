// The pages' PasswordSignIn on Cognito: InitiateAuth with USER_PASSWORD_AUTH through the pages' own app client (the
// API's client keeps SRP only). The ID token comes straight from Cognito over TLS, so its claims are read, not verified
// again, and turned into the caller as the API's boundary does it (userFromClaims: role, municipality, MFA rules).
import { type CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { DomainError } from '../domain/errors.js';
import type { PasswordSignIn, SignInResult } from '../domain/youth-house/check-in-pages.js';
import { userFromClaims } from '../http/identity.js';

/**
 * What Cognito answers for a wrong password or an unknown, unconfirmed or disabled user. Not InvalidParameterException:
 * Cognito's answer when the client does not allow USER_PASSWORD_AUTH, a misconfiguration that must fail loudly (500,
 * alarm) rather than tell everyone their password is wrong; the page checks the email's shape before asking.
 */
const REFUSALS = new Set([
  'NotAuthorizedException', 'UserNotFoundException', 'UserNotConfirmedException',
  // cognito-local's answer to a wrong password (Cognito's is NotAuthorizedException)
  'InvalidPasswordException',
]);
/** The account must set a new password first: a step the page does not offer. */
const FURTHER_STEP = new Set(['PasswordResetRequiredException']);
/** Cognito's throttling: said as such, not as a wrong password. */
const BUSY = new Set(['TooManyRequestsException', 'LimitExceededException', 'TooManyFailedAttemptsException']);

export function cognitoPasswordSignIn(client: CognitoIdentityProviderClient, clientId: () => string): PasswordSignIn {
  return {
    async signIn(email, password): Promise<SignInResult> {
      let idToken: string | undefined;
      try {
        const answer = await client.send(new InitiateAuthCommand({
          ClientId: clientId(), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password },
        }));
        if (answer.ChallengeName || !answer.AuthenticationResult?.IdToken) return { refused: 'challenge' };
        idToken = answer.AuthenticationResult.IdToken;
      } catch (error) {
        if (error instanceof Error && REFUSALS.has(error.name)) return { refused: 'credentials' };
        if (error instanceof Error && BUSY.has(error.name)) return { refused: 'busy' };
        if (error instanceof Error && FURTHER_STEP.has(error.name)) return { refused: 'challenge' };
        throw error;
      }
      try {
        return { user: userFromClaims(decodeJwt(idToken) as Parameters<typeof userFromClaims>[0]) };
      } catch (error) {
        if (error instanceof DomainError) return { refused: 'identity' };
        throw error;
      }
    },
  };
}
