// Cognito triggers (pre-sign-up, post-confirmation) as plain handlers: the Lambda entries and the local Lambda endpoint run these.
import type { PostConfirmationTriggerEvent, PreSignUpTriggerEvent } from 'aws-lambda';
import { RuleViolation } from '../domain/errors.js';
import type { AccountDirectory } from '../domain/accounts/ports.js';
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
