import { describe, expect, it } from 'vitest';
import type { AccountSignIn } from '../../../../lib/domain/accounts/ports.js';
import { closeMyAccount } from '../../../../lib/domain/accounts/use-cases/close-my-account.js';
import { NotFoundError } from '../../../../lib/domain/errors.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import { defaultProgramme, type Programme, type Volunteer } from '../../../../lib/domain/hours/types.js';
import { aVolunteer } from '../../../support/hours-builders.js';

const youth: User = { sub: 'v-1', role: 'youth', municipality: 'LV-042', institution: null, email: 'v@example.lv', name: 'Ilze' };
const clock = (iso: string) => ({ now: () => new Date(iso) });

function fakes(volunteer?: Volunteer, failDisable = false, programme?: Programme) {
  const store = new Map<string, Volunteer>(volunteer ? [[volunteer.id, volunteer]] : []);
  const disabled: string[] = [];
  const signIn: AccountSignIn = { disable: (u) => (failDisable ? Promise.reject(new Error('throttled')) : (disabled.push(u), Promise.resolve())) };
  const hours = {
    getVolunteer: (id: string) => Promise.resolve(store.get(id)), putVolunteer: (v: Volunteer) => (store.set(v.id, v), Promise.resolve()),
    getProgramme: (m: string) => Promise.resolve(programme?.municipality === m ? programme : undefined),
  };
  const renamed: string[] = [];
  const records = { pseudonymise: (id: string, name: string, email: string) => (renamed.push(`${id}:${name}:${email}`), Promise.resolve()) };
  return { store, disabled, signIn, hours, records, renamed };
}

describe('closeMyAccount', () => {
  it('pseudonymises name, email and the guardian, keeps birth date, municipality and consent, then disables sign-in', async () => {
    const f = fakes(aVolunteer({ id: 'v-1', name: 'Ilze Ozola', email: 'ilze@example.lv', guardianConsent: { name: 'Māra Ozola', relation: 'parent', date: '2025-01-02', via: 'email-link', withdrawnAt: null } }));
    const before = f.store.get('v-1')!;
    const closure = await closeMyAccount({ ...f, clock: clock('2026-12-03T10:00:00.000Z') }, youth);
    expect(closure).toEqual({ closedAt: '2026-12-03T10:00:00.000Z', retainedUntil: '2031-12-03' });
    expect(f.store.get('v-1')).toEqual({
      ...before, name: 'Slēgts konts', email: 'closed-v-1@closed.invalid',
      guardianConsent: { name: 'Slēgts konts', relation: 'parent', date: '2025-01-02', via: 'email-link', withdrawnAt: null },
      closedAt: '2026-12-03T10:00:00.000Z', retainedUntil: '2031-12-03', updatedAt: '2026-12-03T10:00:00.000Z',
    });
    expect(f.disabled).toEqual(['v-1']);
    expect(f.renamed).toEqual(['v-1:Slēgts konts:closed-v-1@closed.invalid']);
  });

  it("keeps the records for the volunteer's municipality's retention years (a programme setting, 5 by default)", async () => {
    expect(defaultProgramme('LV-042').retentionYears).toBe(5);
    const f = fakes(aVolunteer({ id: 'v-1', municipality: 'LV-042' }), false, { ...defaultProgramme('LV-042'), retentionYears: 10 });
    expect((await closeMyAccount({ ...f, clock: clock('2026-12-03T10:00:00.000Z') }, youth)).retainedUntil).toBe('2036-12-03');
    // another municipality's setting does not apply
    const g = fakes(aVolunteer({ id: 'v-1', municipality: 'LV-042' }), false, { ...defaultProgramme('LV-077'), retentionYears: 10 });
    expect((await closeMyAccount({ ...g, clock: clock('2026-12-03T10:00:00.000Z') }, youth)).retainedUntil).toBe('2031-12-03');
  });

  it('closing again keeps the first closedAt and disables again', async () => {
    const f = fakes(aVolunteer({ id: 'v-1' }));
    const first = await closeMyAccount({ ...f, clock: clock('2026-12-03T10:00:00.000Z') }, youth);
    const again = await closeMyAccount({ ...f, clock: clock('2027-02-01T10:00:00.000Z') }, youth);
    expect(again).toEqual(first);
    expect(f.disabled).toEqual(['v-1', 'v-1']);
  });

  it('leaves an account that can sign in and close again when disabling fails', async () => {
    const f = fakes(aVolunteer({ id: 'v-1' }), true);
    await expect(closeMyAccount({ ...f, clock: clock('2026-12-03T10:00:00.000Z') }, youth)).rejects.toThrow('throttled');
    expect(f.store.get('v-1')!.closedAt).toBe('2026-12-03T10:00:00.000Z');
  });

  it('refuses a youth without a profile (404) and disables nothing', async () => {
    const f = fakes();
    await expect(closeMyAccount({ ...f, clock: clock('2026-12-03T10:00:00.000Z') }, youth)).rejects.toBeInstanceOf(NotFoundError);
    expect(f.disabled).toEqual([]);
  });
});
