import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../../../lib/domain/errors.js';
import { actsFor } from '../../../lib/domain/identity/types.js';
import { userFromClaims } from '../../../lib/http/identity.js';

/** Claims as a verified Cognito ID token carries them (API Gateway passes them as strings); staff with TOTP on. */
const idToken = (claims: Record<string, string | string[]>) => ({ sub: 'u-1', token_use: 'id', mfa_enabled: 'true', ...claims });

const refusal = (claims: unknown): unknown => {
  try {
    userFromClaims(claims as never);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('userFromClaims', () => {
  it('reads API Gateway\'s bracketed group string and the custom attributes', () => {
    expect(userFromClaims(idToken({ 'cognito:groups': '[supervisor]', 'custom:municipality': 'LV-042', 'custom:institution': 'i-1' })))
      .toEqual({ sub: 'u-1', role: 'supervisor', municipality: 'LV-042', institution: 'i-1', email: null, name: null });
  });

  it.each([
    ['a JSON array (a token verified locally)', ['coordinator']],
    ['a JSON-array string', '["coordinator"]'],
    ['API Gateway\'s "[a b]" rendering', '[readers coordinator]'],
    ['one space-separated string', 'readers coordinator'],
  ])('reads groups given as %s', (_, groups) => {
    expect(userFromClaims(idToken({ 'cognito:groups': groups, 'custom:municipality': 'LV-042' })).role).toBe('coordinator');
  });

  it('takes the narrowest role when a user sits in several groups', () => {
    expect(userFromClaims(idToken({ 'cognito:groups': '[agency youth]', 'custom:municipality': 'LV-042' })).role).toBe('youth');
  });

  it('lets the agency act without a municipality', () => {
    expect(userFromClaims(idToken({ 'cognito:groups': ['agency'] }))).toMatchObject({ role: 'agency', municipality: null });
  });

  it.each([
    ['an access token', { sub: 'u-1', token_use: 'access', 'cognito:groups': '[coordinator]' }],
    ['a token without token_use', { sub: 'u-1', 'cognito:groups': ['agency'] }],
    ['no claims', undefined],
    ['empty claims', {}],
    ['claims without a subject', { token_use: 'id', 'cognito:groups': ['agency'] }],
  ])('refuses %s as unauthenticated (401)', (_, claims) => {
    expect(refusal(claims)).toBeInstanceOf(UnauthenticatedError);
  });

  it.each([
    ['a group whose name contains a comma', { 'cognito:groups': ['readers,agency'] }],
    ['the same rendered by API Gateway', { 'cognito:groups': '[readers,agency]' }],
    ['the same as one string', { 'cognito:groups': 'readers,agency' }],
    ['unknown groups only', { 'cognito:groups': '[admins Agency]' }],
    ['no groups', {}],
  ])('grants no role for %s (403 identity.role-missing)', (_, claims) => {
    const error = refusal(idToken(claims));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).reason?.rule).toBe('identity.role-missing');
  });

  it('ignores unknown groups beside a known one', () => {
    expect(userFromClaims(idToken({ 'cognito:groups': ['admins', 'readers,agency', 'youth'], 'custom:municipality': 'LV-042' })).role).toBe('youth');
  });

  it.each([
    ['a coordinator without a municipality', { 'cognito:groups': '[coordinator]' }, 'identity.municipality-missing'],
    ['a youth without a municipality', { 'cognito:groups': '[youth]' }, 'identity.municipality-missing'],
    ['a coordinator with an empty municipality', { 'cognito:groups': '[coordinator]', 'custom:municipality': '' }, 'identity.municipality-missing'],
    ['a coordinator with a malformed municipality', { 'cognito:groups': '[coordinator]', 'custom:municipality': 'Jēkabpils' }, 'identity.municipality-unknown'],
    ['a coordinator with a well-formed code not in the registry', { 'cognito:groups': '[coordinator]', 'custom:municipality': 'LV-999' }, 'identity.municipality-unknown'],
    ['a supervisor without an institution', { 'cognito:groups': '[supervisor]', 'custom:municipality': 'LV-042' }, 'identity.institution-missing'],
    ['a supervisor without a municipality', { 'cognito:groups': '[supervisor]', 'custom:institution': 'i-1' }, 'identity.municipality-missing'],
  ])('refuses %s (403)', (_, claims, rule) => {
    const error = refusal(idToken(claims));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).reason).toMatchObject({ rule, message: { lv: expect.any(String), en: expect.any(String) } });
  });
});

describe('actsFor', () => {
  const base = { sub: 's', institution: null, email: null, name: null };
  it('lets the agency act for every municipality and others only for their own', () => {
    expect(actsFor({ ...base, role: 'agency', municipality: null }, 'LV-042')).toBe(true);
    expect(actsFor({ ...base, role: 'coordinator', municipality: 'LV-042' }, 'LV-042')).toBe(true);
    expect(actsFor({ ...base, role: 'coordinator', municipality: 'LV-042' }, 'LV-RIX')).toBe(false);
    expect(actsFor({ ...base, role: 'youth', municipality: null }, 'LV-042')).toBe(false);
  });
});

describe('MFA for staff at the boundary', () => {
  const staff = { coordinator: { 'cognito:groups': '[coordinator]', 'custom:municipality': 'LV-042' }, agency: { 'cognito:groups': '[agency]' } };

  it.each(Object.entries(staff))('admits a %s whose token says TOTP is on', (role, claims) => {
    expect(userFromClaims(idToken(claims)).role).toBe(role);
    expect(userFromClaims({ ...idToken(claims), mfa_enabled: true } as never).role).toBe(role);
  });

  it.each<[string, Record<string, string | undefined>]>([
    ['a coordinator with mfa_enabled "false"', { ...staff.coordinator, mfa_enabled: 'false' }],
    ['an agency officer with mfa_enabled "false"', { ...staff.agency, mfa_enabled: 'false' }],
    ['a coordinator without the claim (no trigger ran)', { ...staff.coordinator, mfa_enabled: undefined }],
    ['an agency token with a claim that is not "true"', { ...staff.agency, mfa_enabled: 'TRUE' }],
  ])('refuses %s with 403 identity.mfa-required in both languages', (_, claims) => {
    const error = refusal(idToken(claims as never));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).reason).toMatchObject({ rule: 'identity.mfa-required', message: { lv: expect.stringContaining('divpakāpju'), en: expect.stringContaining('multi-factor') } });
  });

  it.each([
    ['a youth', { 'cognito:groups': '[youth]', 'custom:municipality': 'LV-042' }],
    ['a supervisor', { 'cognito:groups': '[supervisor]', 'custom:municipality': 'LV-042', 'custom:institution': 'i-1' }],
  ])('does not ask %s for MFA', (_, claims) => {
    const { mfa_enabled: _m, ...withoutClaim } = idToken(claims);
    expect(() => userFromClaims(withoutClaim)).not.toThrow();
    expect(() => userFromClaims({ ...withoutClaim, mfa_enabled: 'false' })).not.toThrow();
  });

  it('reports a missing municipality before a missing second factor', () => {
    expect((refusal(idToken({ 'cognito:groups': '[coordinator]', mfa_enabled: 'false' })) as ForbiddenError).reason?.rule).toBe('identity.municipality-missing');
  });
});
