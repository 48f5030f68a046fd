// Cognito pre-token-generation trigger (V1, ID token): adds `mfa_enabled` for coordinators and agency staff.
import { preTokenGeneration } from '../../lib/wiring/accounts.js';

export const handler = preTokenGeneration;
