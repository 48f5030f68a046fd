// Cognito post-confirmation trigger: the volunteer profile, the trusted custom:municipality and the youth group.
import { postConfirmation } from '../../lib/wiring/accounts.js';

export const handler = postConfirmation;
