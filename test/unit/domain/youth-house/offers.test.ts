// The offer's deadline, the API view of a sign-up, and the offer, reminder and cancellation emails.
import { describe, expect, it } from 'vitest';
import { cancellationEmail, offerEmail, reminderEmail } from '../../../../lib/domain/youth-house/emails.js';
import { offerDeadline } from '../../../../lib/domain/youth-house/offers.js';
import { DEFAULT_OFFER_HOURS, opportunityInputSchema, signUpView, type Opportunity, type SignUp } from '../../../../lib/domain/youth-house/types.js';
import { anOpportunityInput } from '../../../support/youth-house-builders.js';

const START = '2026-06-12T15:00:00.000Z'; // 18:00 in Riga (summer time)
const anOpportunity = (overrides: Partial<Opportunity> = {}): Opportunity => ({
  ...anOpportunityInput({ shifts: [{ start: START, durationMinutes: 90, places: 5 }], signUpDeadline: '2026-06-10T00:00:00.000Z' }),
  id: 'o-1', municipality: 'LV-042', status: 'published', registered: [5], createdAt: START, createdBy: 'c-1', updatedAt: START, ...overrides,
});
const anOffered = (): SignUp => ({
  opportunityId: 'o-1', shift: 0, youthId: 'y-1', municipality: 'LV-042', state: 'offered', position: null, date: '2026-06-12', startTime: '18:00', minutes: 90,
  createdAt: START, updatedAt: START, remindedAt: START,
  offer: { nonce: 'n'.repeat(22), offeredAt: '2026-06-10T09:00:00.000Z', expiresAt: '2026-06-11T09:00:00.000Z', mailedAt: null, outcome: null },
});

describe('offer deadline', () => {
  it('is the default 24 hours, or the opportunity\'s own, from now', () => {
    const now = new Date('2026-06-10T09:00:00.000Z');
    expect(DEFAULT_OFFER_HOURS).toBe(24);
    expect(offerDeadline(anOpportunity(), 0, now)?.toISOString()).toBe('2026-06-11T09:00:00.000Z');
    expect(offerDeadline(anOpportunity({ offerHours: 3 }), 0, now)?.toISOString()).toBe('2026-06-10T12:00:00.000Z');
  });

  it('never outlasts the shift\'s start, and there is none once the shift started', () => {
    expect(offerDeadline(anOpportunity(), 0, new Date('2026-06-12T05:00:00.000Z'))?.toISOString()).toBe(START);
    expect(offerDeadline(anOpportunity(), 0, new Date(START))).toBeNull();
  });

  it('offer and reminder hours are validated like every field', () => {
    const r = opportunityInputSchema.safeParse({ ...anOpportunityInput(), offerHours: 0, reminderHours: 200 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['offerHours', 'reminderHours']);
    expect(opportunityInputSchema.safeParse({ ...anOpportunityInput(), offerHours: 1, reminderHours: 0 }).success).toBe(true);
  });
});

describe('the API view of a sign-up', () => {
  it('shows the offer without its link nonce and drops the emails\' markers', () => {
    const view = signUpView(anOffered());
    expect(view.offer).toEqual({ offeredAt: '2026-06-10T09:00:00.000Z', expiresAt: '2026-06-11T09:00:00.000Z', mailedAt: null, outcome: null });
    expect(view).not.toHaveProperty('remindedAt');
    expect(JSON.stringify(view)).not.toContain('nnnn');
  });
});

describe('youth-house emails', () => {
  it('the offer: Latvian first, the deadline in Riga time, the link in both languages', () => {
    const mail = offerEmail(anOpportunity(), anOffered(), 'https://jaunatne.example.lv/o/abc.def');
    expect(mail.subject).toBe('Jums piedāvāta vieta: Talka Mežaparkā / A place for you');
    expect(mail.text.indexOf('Labdien!')).toBe(0);
    expect(mail.text).toContain('līdz 11.06.2026. plkst. 12:00.');
    expect(mail.text).toContain('by 11 June 2026, 12:00.');
    expect(mail.text).toContain('https://jaunatne.example.lv/o/abc.def?lang=lv');
    expect(mail.text).toContain('https://jaunatne.example.lv/o/abc.def?lang=en');
    expect(mail.text).toContain('Laiks: ');
    expect(mail.text).toContain('18:00');
    expect(mail.text).toContain('(1 h 30 min)');
    expect(mail.text).toContain('Vieta: Brīvības iela 120, Jēkabpils');
    expect(mail.text).toContain('Clean-up in the park');
  });

  it('the reminder and the cancellation name the shift; an online place says so', () => {
    const online = anOpportunity({ place: { type: 'online', url: 'https://meet.example.lv/x' } });
    const reminder = reminderEmail(online, anOffered());
    expect(reminder.subject).toBe('Atgādinājums: Talka Mežaparkā / Reminder');
    expect(reminder.text).toContain('Vieta: tiešsaistē (https://meet.example.lv/x)');
    expect(reminder.text).toContain('Where: online (https://meet.example.lv/x)');
    const cancelled = cancellationEmail(anOpportunity({ status: 'cancelled' }), anOffered());
    expect(cancelled.subject).toBe('Atcelts: Talka Mežaparkā / Cancelled');
    expect(cancelled.text).toContain('organizators ir atcēlis šo iespēju');
    expect(cancelled.text).toContain('Kontakts: Jēkabpils jauniešu centrs, jc@example.lv');
    // one shift called off, the opportunity goes on
    const shiftOnly = cancellationEmail(anOpportunity({ cancelledShifts: [0] }), anOffered());
    expect(shiftOnly.subject).toBe('Atcelta maiņa: Talka Mežaparkā / Shift cancelled');
    expect(shiftOnly.text).toContain('organizators ir atcēlis šo maiņu');
    expect(shiftOnly.text).toContain('the other shifts go ahead as planned');
  });
});
