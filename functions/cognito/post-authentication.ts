// Cognito post-authentication trigger: records a staff account's last sign-in for the municipality's users list.
import { postAuthentication } from '../../lib/wiring/accounts.js';

export const handler = postAuthentication;
