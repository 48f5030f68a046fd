// Wires the accounts use cases and Cognito triggers: DynamoDB repositories, the municipality registry, Cognito's admin API.
import { cognitoClient, cognitoDirectory } from '../accounts/cognito-directory.js';
import { postConfirmationHandler, preSignUpHandler } from '../accounts/triggers.js';
import { repositories } from '../data/repositories.js';
import { systemClock } from '../domain/clock.js';
import type { RegistrationDeps } from '../domain/accounts/use-cases/register.js';
import { MUNICIPALITIES } from '../domain/municipalities/registry.js';

export function registrationDeps(): RegistrationDeps {
  return { hours: repositories().hours, municipalities: MUNICIPALITIES, clock: systemClock };
}

/** The trigger handlers by the name the local Lambda endpoint (and cognito-local's TriggerFunctions) know them by. */
export function triggerHandlers(): Record<string, (event: never) => Promise<unknown>> {
  return {
    PreSignUp: (event) => preSignUpHandler(registrationDeps())(event),
    PostConfirmation: (event: Parameters<ReturnType<typeof postConfirmationHandler>>[0]) => {
      const userPoolId = (event as { userPoolId: string }).userPoolId;
      return postConfirmationHandler({ ...registrationDeps(), directory: cognitoDirectory(cognitoClient(), userPoolId) })(event);
    },
  };
}
