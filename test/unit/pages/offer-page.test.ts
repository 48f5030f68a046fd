// The offer link's page: the form only while the offer is open, every outcome with its status, escaping, both languages.
import { describe, expect, it } from 'vitest';
import type { OfferPage } from '../../../lib/domain/youth-house/offer-links.js';
import type { Opportunity, SignUp } from '../../../lib/domain/youth-house/types.js';
import { offerEmail } from '../../../lib/domain/youth-house/emails.js';
import { offerPageStatus, renderOfferPage } from '../../../lib/pages/offer-page.js';
import { anOpportunityInput } from '../../support/youth-house-builders.js';

const START = '2026-06-12T15:00:00.000Z';
const opportunity: Opportunity = {
  ...anOpportunityInput({ title: { lv: '<b>Talka</b>', en: 'Clean-up' }, shifts: [{ start: START, durationMinutes: 60, places: 1 }], signUpDeadline: '2026-06-10T00:00:00.000Z' }),
  id: 'o-1', municipality: 'LV-042', status: 'published', registered: [1], createdAt: START, createdBy: 'c-1', updatedAt: START,
};
const signUp: SignUp = {
  opportunityId: 'o-1', shift: 0, youthId: 'y-1', municipality: 'LV-042', state: 'offered', position: null, date: '2026-06-12', startTime: '18:00', minutes: 60,
  createdAt: START, updatedAt: START, offer: { nonce: 'n'.repeat(22), offeredAt: START, expiresAt: '2026-06-11T09:00:00.000Z', mailedAt: START, outcome: null },
};

describe('the offer page', () => {
  it('asks with two forms carrying the CSRF token, the deadline in Riga time, the title escaped', () => {
    const page: OfferPage = { state: 'ask', opportunity, signUp, csrf: 'csrf-token' };
    const html = renderOfferPage(page, 'lv', '/o/tok?lang=lv');
    expect(offerPageStatus(page)).toBe(200);
    expect(html.match(/<form method="post" action="\/o\/tok\?lang=lv">/g)).toHaveLength(2);
    expect(html.match(/name="csrf" value="csrf-token"/g)).toHaveLength(2);
    expect(html).toContain('name="action" value="confirm"');
    expect(html).toContain('name="action" value="decline"');
    expect(html).toContain('līdz 11.06.2026. plkst. 12:00');
    expect(html).toContain('&lt;b&gt;Talka&lt;/b&gt;');
    expect(html).not.toContain('<b>Talka</b>');
    expect(html).toContain('href="/o/tok?lang=en"');
    expect(renderOfferPage(page, 'en', '/o/tok?lang=en')).toContain('Confirm my place');
  });

  it('states the shift as the offer email does: when and how long in Riga time, the place with its link, the whole contact', () => {
    const online: Opportunity = { ...opportunity, place: { type: 'online', url: 'https://meet.example.lv/x' }, contact: { name: 'Jauniešu centrs', email: 'jc@example.lv', phone: '+371 20000000' } };
    const page = renderOfferPage({ state: 'ask', opportunity: online, signUp, csrf: 'c' }, 'lv', '/o/tok');
    const mail = offerEmail(online, signUp, 'https://x.example.lv/o/tok').text;
    for (const fact of ['2026. gada 12. jūnijs 18:00', '(1 h)', 'tiešsaistē (https://meet.example.lv/x)', 'Jauniešu centrs, jc@example.lv, +371 20000000']) {
      expect(page, fact).toContain(fact);
      expect(mail, fact).toContain(fact);
    }
  });

  it('every outcome has its banner and status, and none has a form', () => {
    const cases: [OfferPage, number, string][] = [
      [{ state: 'accepted', opportunity, signUp, justNow: true }, 200, 'Dalība apstiprināta'],
      [{ state: 'declined', opportunity, justNow: false }, 200, 'Jūs jau atteicāties'],
      [{ state: 'expired', opportunity }, 410, 'Piedāvājuma termiņš beidzies'],
      [{ state: 'gone' }, 410, 'Piedāvājums vairs nav spēkā'],
      [{ state: 'invalid' }, 404, 'Saite nav derīga'],
    ];
    for (const [page, status, text] of cases) {
      expect(offerPageStatus(page)).toBe(status);
      const html = renderOfferPage(page, 'lv', '/o/tok?lang=lv');
      expect(html).toContain(text);
      expect(html).not.toContain('<form');
    }
  });
});
