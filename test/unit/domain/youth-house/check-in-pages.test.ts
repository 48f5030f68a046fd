// The venue display's states and reloads, and the check-in form's refusals before anything is checked in.
import { describe, expect, it } from 'vitest';
import type { AttendanceDeps } from '../../../../lib/domain/youth-house/attendance.js';
import { CHECK_IN_STEP_SECONDS, venueDisplayPath } from '../../../../lib/domain/youth-house/check-in-code.js';
import { checkInByPage, openVenueDisplay, type CheckInPageDeps, type SignInResult } from '../../../../lib/domain/youth-house/check-in-pages.js';
import type { Opportunity } from '../../../../lib/domain/youth-house/types.js';
import { renderVenuePage } from '../../../../lib/pages/check-in-page.js';
import { anOpportunityInput } from '../../../support/youth-house-builders.js';

const key = new Uint8Array(32).fill(7);
const OPP = '7d1c6f0e-2b7a-4c55-9f59-1b0c1d2e3f40';
const START = '2026-06-01T10:00:00Z';
const anOpportunity = (overrides: Partial<Opportunity> = {}): Opportunity => ({
  ...anOpportunityInput({ shifts: [{ start: START, durationMinutes: 60, places: 5 }] }),
  id: OPP, municipality: 'LV-042', status: 'published', registered: [1], createdAt: '', createdBy: 'c', updatedAt: '', ...overrides,
});

function depsAt(now: string, o: Opportunity | undefined = anOpportunity(), signIn: SignInResult = { refused: 'credentials' }): CheckInPageDeps {
  return {
    youthHouse: { getOpportunity: async (id: string) => (o && id === o.id ? o : undefined) },
    clock: { now: () => new Date(now) }, checkInKey: async () => key, publicBaseUrl: 'https://jaunatne.example.lv',
    signIn: { signIn: async () => signIn },
  } as unknown as CheckInPageDeps;
}
const token = (until = '2026-06-01T11:00:00Z', opp = OPP) => venueDisplayPath(key, opp, 0, new Date(until)).slice('/venue/'.length);
const refreshOf = (page: string) => Number(/<meta http-equiv="refresh" content="([0-9]+)">/.exec(page)?.[1] ?? NaN);

describe('the venue display', () => {
  it('shows the current code while check-in is open and reloads one second after the code changes', async () => {
    const now = '2026-06-01T10:00:30Z';
    const page = await openVenueDisplay(depsAt(now) as AttendanceDeps, token());
    expect(page.state).toBe('show');
    if (page.state !== 'show') return;
    expect(page.checkInUrl).toBe(`https://jaunatne.example.lv/check-in/${OPP}/0?code=${page.code.code}`);
    const html = renderVenuePage(page, 'lv', '/venue/x', new Date(now), () => '<svg viewBox="0 0 8 8"></svg>');
    const stepEnd = (Math.floor(Date.parse(now) / 1000 / CHECK_IN_STEP_SECONDS) + 1) * CHECK_IN_STEP_SECONDS * 1000;
    expect(refreshOf(html)).toBe(Math.ceil((stepEnd - Date.parse(now)) / 1000 + 1));
    expect(html).toContain(`data-code>${page.code.code}<`);
  });

  it('before check-in opens says when, reloading at the opening but at least every 10 minutes', async () => {
    const soon = await openVenueDisplay(depsAt('2026-06-01T09:25:00Z') as AttendanceDeps, token());
    expect(soon).toMatchObject({ state: 'not-yet', opens: new Date('2026-06-01T09:30:00Z') });
    expect(refreshOf(renderVenuePage(soon, 'lv', '/venue/x', new Date('2026-06-01T09:25:00Z'), () => ''))).toBe(301);
    const early = await openVenueDisplay(depsAt('2026-06-01T06:00:00Z') as AttendanceDeps, token());
    const html = renderVenuePage(early, 'en', '/venue/x', new Date('2026-06-01T06:00:00Z'), () => '');
    expect(refreshOf(html)).toBe(600);
    expect(html).toContain('Check-in has not started yet');
  });

  it('has ended after the shift, past the link\'s end, or when the opportunity is cancelled; a changed link is invalid', async () => {
    expect((await openVenueDisplay(depsAt('2026-06-01T11:00:01Z') as AttendanceDeps, token())).state).toBe('ended');
    expect((await openVenueDisplay(depsAt('2026-06-01T10:30:00Z') as AttendanceDeps, token('2026-06-01T10:15:00Z'))).state).toBe('ended');
    expect((await openVenueDisplay(depsAt('2026-06-01T10:30:00Z', anOpportunity({ status: 'cancelled' })) as AttendanceDeps, token())).state).toBe('ended');
    const good = token();
    const later = good.replace(/\.([0-9]+)\./, (_, s: string) => `.${Number(s) + 3600}.`);
    expect((await openVenueDisplay(depsAt('2026-06-01T10:30:00Z') as AttendanceDeps, later)).state).toBe('invalid');
    expect((await openVenueDisplay(depsAt('2026-06-01T10:30:00Z') as AttendanceDeps, 'x.0.1.abc')).state).toBe('invalid');
    expect((await openVenueDisplay(depsAt('2026-06-01T10:30:00Z', anOpportunity({ status: 'draft' })) as AttendanceDeps, good)).state).toBe('invalid');
    const other = '0b7e1a4c-9a55-4c3b-8f2e-6d5c4b3a2f10';
    expect((await openVenueDisplay(depsAt('2026-06-01T10:30:00Z') as AttendanceDeps, token(undefined, other))).state).toBe('invalid');
    const ended = renderVenuePage({ state: 'ended', opportunity: anOpportunity(), shift: 0 }, 'lv', '/venue/x', new Date(), () => '');
    expect(ended).not.toContain('http-equiv');
  });
});

describe('the check-in form', () => {
  it.each([
    ['a wrong password', { refused: 'credentials' } as SignInResult, 'credentials'],
    ['an account that needs another step', { refused: 'challenge' } as SignInResult, 'challenge'],
    ['throttling', { refused: 'busy' } as SignInResult, 'busy'],
    ['a supervisor', { user: { sub: 's', role: 'supervisor', municipality: 'LV-042', institution: 'i', email: null, name: null } } as SignInResult, 'not-youth'],
  ])('comes back for %s with the email kept and the code checked', async (_, signIn, kind) => {
    const page = await checkInByPage(depsAt('2026-06-01T10:30:00Z', anOpportunity(), signIn), OPP, 0, { code: '123456', email: ' a@example.lv ', password: 'x' });
    expect(page).toMatchObject({ state: 'ask', code: '123456', email: 'a@example.lv', problem: { kind } });
  });

  it('asks again without signing in when the code, the email or the password is missing; an unknown shift is invalid', async () => {
    let asked = 0;
    const deps = { ...depsAt('2026-06-01T10:30:00Z'), signIn: { signIn: async () => { asked++; return { refused: 'credentials' } as SignInResult; } } };
    expect(await checkInByPage(deps, OPP, 0, { code: '12345', email: 'a@example.lv', password: 'x' })).toMatchObject({ problem: { kind: 'form' }, code: '' });
    expect(await checkInByPage(deps, OPP, 0, { code: '123456', email: '', password: 'x' })).toMatchObject({ problem: { kind: 'form' } });
    // not an address Cognito takes as a username: said on the form, never sent (Cognito would answer InvalidParameterException)
    expect(await checkInByPage(deps, OPP, 0, { code: '123456', email: 'a b@example.lv', password: 'x' })).toMatchObject({ problem: { kind: 'form' } });
    expect(await checkInByPage(deps, OPP, 0, { code: '123456', email: 'nobody', password: 'x' })).toMatchObject({ problem: { kind: 'form' } });
    expect(await checkInByPage(deps, OPP, 0, { code: '123456', email: 'a@example.lv' })).toMatchObject({ problem: { kind: 'form' } });
    expect(asked).toBe(0);
    expect((await checkInByPage(deps, OPP, 3, { code: '123456', email: 'a@example.lv', password: 'x' })).state).toBe('invalid');
  });
});
