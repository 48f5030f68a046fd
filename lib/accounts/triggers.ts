// Cognito triggers (pre-sign-up, post-confirmation, pre-token-generation, post-authentication) as plain handlers: the Lambda entries and the local Lambda endpoint run these.
import type { PostAuthenticationTriggerEvent, PostConfirmationTriggerEvent, PreSignUpTriggerEvent, PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { RuleViolation } from '../domain/errors.js';
import type { AccountDirectory, MfaDirectory } from '../domain/accounts/ports.js';
import { tokenClaims } from '../domain/accounts/use-cases/token-claims.js';
import { recordSignIn, subscribeSupervisor, type SignInDeps } from '../domain/accounts/use-cases/record-sign-in.js';
import { completeRegistration, validateSignUp, type RegistrationDeps } from '../domain/accounts/use-cases/register.js';

/**
 * Cognito shows a trigger's error message to the caller as "PreSignUp failed with error <message>.": the
 * message is Latvian first, then English, then the stable rule id in brackets, so clients can match on it.
 */
export function refusal(error: unknown): Error {
  if (error instanceof RuleViolation) return new Error(`${error.title.lv} / ${error.title.en} [${error.ruleId}]`);
  return error instanceof Error ? error : new Error(String(error));
}

export function preSignUpHandler(deps: RegistrationDeps) {
  return async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
    // Only self sign-up is open; accounts made by an admin (invitations) are checked by the inviting use case.
    if (event.triggerSource === 'PreSignUp_SignUp') {
      try {
        await validateSignUp(deps, event.request.userAttributes);
      } catch (error) {
        throw refusal(error);
      }
    }
    return event;
  };
}

export function postConfirmationHandler(deps: RegistrationDeps & { directory: AccountDirectory }) {
  return async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
    if (event.triggerSource === 'PostConfirmation_ConfirmSignUp') {
      const attributes = event.request.userAttributes;
      try {
        await completeRegistration(deps, { sub: attributes.sub!, username: event.userName, attributes });
      } catch (error) {
        throw refusal(error);
      }
    }
    return event;
  };
}

/**
 * Pre-token generation, event version 1 (the Lite plan's: it customises the ID token, the one the HTTP API's JWT
 * authorizer and lib/http/identity.ts accept): adds `mfa_enabled` for staff from the user's MFA settings, on every
 * sign-in and refresh. Claims already in the event's response (none today) are kept.
 */
export function preTokenGenerationHandler(deps: { mfa: MfaDirectory }) {
  return async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
    const claims = await tokenClaims(deps, { username: event.userName, groups: event.request.groupConfiguration?.groupsToOverride });
    const details = event.response.claimsOverrideDetails ?? {};
    event.response.claimsOverrideDetails = { ...details, claimsToAddOrOverride: { ...details.claimsToAddOrOverride, ...claims } };
    return event;
  };
}

/**
 * Post-authentication: records a staff account's sign-in for the users list, and subscribes a supervisor who never
 * chose to the daily digest. Cognito fails the sign-in when this
 * trigger throws, and a missed record must not lock anyone out: a failure is reported to `onError` and swallowed.
 */
export function postAuthenticationHandler(deps: SignInDeps & { onError: (error: unknown) => void }) {
  return async (event: PostAuthenticationTriggerEvent): Promise<PostAuthenticationTriggerEvent> => {
    const attributes = event.request.userAttributes;
    const sub = attributes.sub;
    try {
      if (sub) {
        await recordSignIn(deps, sub);
        await subscribeSupervisor(deps, { sub, email: attributes.email, name: attributes.name, municipality: attributes['custom:municipality'], institution: attributes['custom:institution'] });
      }
    } catch (error) {
      deps.onError(error);
    }
    return event;
  };
}
