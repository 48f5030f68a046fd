// The user pool's password policy, in one place: infra sets it on the Cognito pool, the local stack on cognito-local's
// pool and in front of it (cognito-local does not enforce it), and the invitation acceptance checks it before any
// account is created.

export const PASSWORD_POLICY = { minLength: 12, lowercase: true, uppercase: true, digits: true, symbols: true } as const;

/** Why `password` breaks the policy (a rule id), or null when it meets it. */
export function passwordIssue(password: string): string | null {
  if (password.length < PASSWORD_POLICY.minLength) return `min-length-${PASSWORD_POLICY.minLength}`;
  if (PASSWORD_POLICY.lowercase && !/[a-z]/.test(password)) return 'lowercase';
  if (PASSWORD_POLICY.uppercase && !/[A-Z]/.test(password)) return 'uppercase';
  if (PASSWORD_POLICY.digits && !/[0-9]/.test(password)) return 'digit';
  if (PASSWORD_POLICY.symbols && !/[^A-Za-z0-9]/.test(password)) return 'symbol';
  return null;
}
