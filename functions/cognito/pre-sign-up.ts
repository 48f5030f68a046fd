// Cognito pre-sign-up trigger: refuses a self-registration outside the programme (municipality, age) with a Latvian message.
import { preSignUp } from '../../lib/wiring/accounts.js';

export const handler = preSignUp;
