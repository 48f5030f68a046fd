import { describe, expect, it } from 'vitest';
import { actsFor } from '../../../lib/domain/identity/types.js';
import { userFromClaims } from '../../../lib/http/identity.js';

describe('userFromClaims', () => {
  it('reads API Gateway\'s bracketed group string and the custom attributes', () => {
    expect(userFromClaims({ sub: 'u-1', 'cognito:groups': '[supervisor]', 'custom:municipality': 'LV-042', 'custom:institution': 'i-1' }))
      .toEqual({ sub: 'u-1', role: 'supervisor', municipality: 'LV-042', institution: 'i-1', email: null, name: null });
  });

  it('reads groups given as an array', () => {
    expect(userFromClaims({ sub: 'a', 'cognito:groups': ['agency'] })?.role).toBe('agency');
  });

  it('takes the narrowest role when a user sits in several groups', () => {
    expect(userFromClaims({ sub: 'a', 'cognito:groups': '[agency youth]', 'custom:municipality': 'LV-042' })?.role).toBe('youth');
  });

  it.each([
    [undefined],
    [{}],
    [{ sub: 'u-1' }],
    [{ sub: 'u-1', 'cognito:groups': '[admins]' }],
    [{ sub: 'u-1', 'cognito:groups': '[coordinator]', 'custom:municipality': 'Jēkabpils' }],
  ])('refuses claims without a known role or with a malformed municipality: %j', (claims) => {
    expect(userFromClaims(claims as never)).toBeUndefined();
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
