// The consent and decision link pages in a real browser: headless Chromium (Debian's `chromium`, playwright-core) on a
// phone-sized screen opens each page, checks its text, submits its form as a person would (the browser's own Origin
// and the page's CSRF token), saves screenshots under test-results/pages/, and axe-core finds nothing serious; a
// volunteer named <script>alert(1)</script> is text.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linkKeyFile } from '../../lib/credentials/link-key.js';
import { HmacLinkSigner } from '../../lib/credentials/link-signer.js';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoDecisionLinkStore } from '../../lib/data/decision-link-repository.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { nextTally } from '../../lib/domain/hours/rules.js';
import { createDecisionLinks, type DecisionLinkDeps } from '../../lib/domain/hours/use-cases/decision-links.js';
import type { User } from '../../lib/domain/identity/types.js';
import { DynamoYouthHouseRepository } from '../../lib/data/youth-house-repository.js';
import { offerLinkPath } from '../../lib/domain/youth-house/offer-links.js';
import { consentLinkMailedTo } from '../support/consent.js';
import { anOpportunityInput } from '../support/youth-house-builders.js';
import { aProgramme, anHourEntry, anInstitution } from '../support/hours-builders.js';
import { aYouth, bornYearsAgo, expectStatus } from '../support/hours-api.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { staffStatusOf } from '../../lib/domain/accounts/staff-status.js';
import { cognito, signIn, STRONG_PASSWORD } from '../support/accounts.js';
import { mailOf } from '../support/invitation-mail.js';
import { aStartedShift, registered } from '../support/attendance-arrange.js';
import { ensureAccount } from '../../lib/local/accounts.js';
import { DynamoInvitationRepository } from '../../lib/data/invitation-repository.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'test-results', 'pages');
const M = 'LV-101';
const tag = randomUUID().slice(0, 8);
const SCRIPT = '<script>alert(1)</script>';
const client = localClient(inject('e2eDynamoEndpoint'));
const doc = createDocumentClient(client);
const hours = new DynamoHoursRepository(doc, inject('e2eTableName'));
const institutionId = `inst-browser-${tag}`;
const supervisor: User = { sub: `sup-browser-${tag}`, role: 'supervisor', municipality: M, institution: institutionId, email: null, name: null };
let links: DecisionLinkDeps;
let browser: Browser;
let phone: BrowserContext;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const key = linkKeyFile(inject('e2eDataDir'));
  links = {
    hours, links: new DynamoDecisionLinkStore(doc, inject('e2eTableName')), municipalities: { get: async () => undefined },
    clock: { now: () => new Date() }, signer: new HmacLinkSigner(async () => key), newNonce: () => randomBytes(16).toString('base64url'),
    staff: staffStatusOf(new DynamoInvitationRepository(doc, inject('e2eTableName'))),
  };
  await hours.createInstitution(anInstitution({ id: institutionId, municipality: M, name: 'Valkas bibliotēka' }));
  await hours.putAssignment({ institutionId, supervisorId: supervisor.sub, municipality: M, assignedAt: new Date().toISOString(), assignedBy: 'c' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'lv-LV' });
});
afterAll(async () => {
  await phone?.close();
  await browser?.close();
  client.destroy();
});

interface Watched { page: Page; dialogs: () => number; refused: string[] }

async function watched(): Promise<Watched> {
  const page = await phone.newPage();
  const refused: string[] = [];
  let dialogs = 0;
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  return { page, dialogs: () => dialogs, refused };
}

/** The page's main text, a screenshot, whether it overflows the phone's width, and axe's serious or critical findings. */
async function inspect(page: Page, shot: string) {
  await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  const overflow = await page.evaluate(() => { const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement; return d.scrollWidth > d.clientWidth; });
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return { text, overflow, serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}

async function pendingEntry() {
  const entry = anHourEntry({ id: randomUUID(), institutionId, institutionMunicipality: M, programme: M, volunteerId: `vol-${randomUUID().slice(0, 8)}`, volunteerName: SCRIPT, institutionName: 'Valkas bibliotēka', date: '2026-03-10' });
  const tally = await hours.getTally(entry.volunteerId, M, 2026);
  await hours.createEntry(entry, nextTally(tally, { pending: entry.minutes, approved: 0 }, aProgramme({ municipality: M }), 'now').tally,
    { entryId: entry.id, at: new Date().toISOString(), by: entry.volunteerId, from: null, to: 'pending', reason: null }, []);
  return entry;
}

describe('the consent link page in Chromium on a phone', () => {
  it('shows what the guardian consents to, records consent with the button, then offers the withdrawal', async () => {
    const youth = await aYouth(call, tokenFor, M, { name: SCRIPT, birthDate: bornYearsAgo(14) });
    const email = `browser-guardian-${tag}@example.lv`;
    await expectStatus(call('POST', '/v1/volunteers/me/guardian-consent', { token: youth.token, body: { guardian: { name: 'Inga Šņore', email, relation: 'parent' } } }), 201);
    const { path } = (await consentLinkMailedTo(inject('e2eDataDir'), email))!;
    const w = await watched();
    try {
      await w.page.goto(`${baseUrl()}${path}`);
      const ask = await inspect(w.page, 'consent-ask-lv');
      expect(ask.text).toContain('Piekrišana brīvprātīgajam darbam');
      expect(ask.text).toContain('ārpus mācību laika');
      expect(ask.text).toContain('rakstisku līgumu');
      expect(ask.text).toContain(SCRIPT);
      expect(ask.overflow).toBe(false);
      expect(ask.serious).toEqual([]);
      await w.page.getByRole('button', { name: 'Piekrītu' }).click();
      await w.page.waitForLoadState();
      const given = await inspect(w.page, 'consent-given-lv');
      expect(given.text).toContain('Piekrišana saņemta');
      expect(given.serious).toEqual([]);
      expect((await call('GET', '/v1/volunteers/me/guardian-consent', { token: youth.token })).json).toMatchObject({ status: 'given', evidence: { textLanguage: 'lv' } });
      await w.page.getByRole('button', { name: 'Atsaukt piekrišanu' }).click();
      await w.page.waitForLoadState();
      const withdrawn = await inspect(w.page, 'consent-withdrawn-lv');
      expect(withdrawn.text).toContain('Piekrišana atsaukta');
      expect(withdrawn.serious).toEqual([]);
      expect(w.dialogs()).toBe(0);
      expect(w.refused).toEqual([]);
    } finally {
      await w.page.close();
    }
  });

  it('reads in English and says clearly when a link is not valid', async () => {
    const youth = await aYouth(call, tokenFor, M, { birthDate: bornYearsAgo(15) });
    const email = `browser-guardian-en-${tag}@example.lv`;
    await expectStatus(call('POST', '/v1/volunteers/me/guardian-consent', { token: youth.token, body: { guardian: { name: 'John Smith', email, relation: 'guardian' } } }), 201);
    const { path } = (await consentLinkMailedTo(inject('e2eDataDir'), email))!;
    const w = await watched();
    try {
      await w.page.goto(`${baseUrl()}${path}?lang=en`);
      const en = await inspect(w.page, 'consent-ask-en');
      expect(en.text).toContain('outside study time');
      expect(en.serious).toEqual([]);
      await w.page.goto(`${baseUrl()}/c/${'A'.repeat(22)}.${'B'.repeat(43)}`);
      const invalid = await inspect(w.page, 'consent-invalid-lv');
      expect(invalid.text).toContain('Saite nav derīga');
      expect(invalid.serious).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});

describe('the decision link pages in Chromium on a phone', () => {
  it('shows a volunteer named <script>alert(1)</script> as text and approves fewer minutes through the form', async () => {
    const entry = await pendingEntry();
    const tokens = await createDecisionLinks(links, supervisor, entry);
    const w = await watched();
    try {
      await w.page.goto(`${baseUrl()}/l/${tokens['approve-fewer']}`);
      const confirm = await inspect(w.page, 'decision-approve-fewer-lv');
      expect(confirm.text).toContain('Apstiprināt mazāk stundu?');
      expect(confirm.text).toContain(SCRIPT);
      expect(confirm.overflow).toBe(false);
      expect(confirm.serious).toEqual([]);
      await w.page.getByLabel('Apstiprināmās minūtes (15 minūšu solī)').fill('30');
      await w.page.getByLabel('Pamatojums').fill('Aizgāja agrāk');
      await w.page.getByRole('button', { name: 'Apstiprināt norādīto ilgumu' }).click();
      await w.page.waitForLoadState();
      const done = await inspect(w.page, 'decision-done-lv');
      expect(done.text).toContain('lēmums saglabāts');
      expect(done.serious).toEqual([]);
      expect(await hours.getEntry(entry.id)).toMatchObject({ state: 'approved', approvedMinutes: 30 });
      await w.page.goto(`${baseUrl()}/l/${tokens.approve}?lang=en`);
      const decided = await inspect(w.page, 'decision-decided-en');
      expect(decided.text).toContain('This entry was already decided');
      expect(decided.serious).toEqual([]);
      expect(w.dialogs()).toBe(0);
      expect(w.refused).toEqual([]);
    } finally {
      await w.page.close();
    }
  });

  it('shows the reject confirmation and the used-link page without serious violations', async () => {
    const entry = await pendingEntry();
    const tokens = await createDecisionLinks(links, supervisor, entry);
    const w = await watched();
    try {
      await w.page.goto(`${baseUrl()}/l/${tokens.reject}`);
      const reject = await inspect(w.page, 'decision-reject-lv');
      expect(reject.text).toContain('Noraidīt ierakstu?');
      expect(reject.serious).toEqual([]);
      await w.page.getByLabel('Pamatojums').fill('Nebija klāt');
      await w.page.getByRole('button', { name: 'Noraidīt' }).click();
      await w.page.waitForLoadState();
      await w.page.goto(`${baseUrl()}/l/${tokens.reject}`);
      const used = await inspect(w.page, 'decision-used-lv');
      expect(used.text).toContain('Saite jau izmantota');
      expect(used.serious).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});

describe('the waitlist offer page in Chromium on a phone', () => {
  it('shows the offered shift with a title <script>alert(1)</script> as text, confirms the place with the button, then says so', async () => {
    const coordinator = await tokenFor({ role: 'coordinator', sub: `coord-browser-${tag}`, municipality: M });
    const o = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, {
      token: coordinator, body: anOpportunityInput({ title: { lv: SCRIPT, en: 'Clean-up' }, shifts: [{ start: anOpportunityInput().shifts[0]!.start, durationMinutes: 60, places: 1 }] }),
    }), 201);
    await expectStatus(call('PUT', `/v1/opportunities/${o.json.id}/status`, { token: coordinator, body: { status: 'published' } }), 200);
    const [a, b] = [await aYouth(call, tokenFor, M), await aYouth(call, tokenFor, M)];
    const signUps = `/v1/opportunities/${o.json.id}/shifts/0/sign-ups`;
    await expectStatus(call('POST', signUps, { token: a.token }), 201);
    await expectStatus(call('POST', signUps, { token: b.token }), 201);
    const cancelled = await expectStatus(call('DELETE', `${signUps}/me`, { token: a.token }), 200);
    const offered = await new DynamoYouthHouseRepository(doc, inject('e2eTableName')).getSignUp(b.sub, cancelled.json.offered.date, o.json.id, 0);
    const path = await offerLinkPath(links.signer, offered!.offer!.nonce);
    const w = await watched();
    try {
      await w.page.goto(`${baseUrl()}${path}`);
      const ask = await inspect(w.page, 'offer-ask-lv');
      expect(ask.text).toContain('Jums piedāvāta vieta');
      expect(ask.text).toContain(SCRIPT);
      expect(ask.overflow).toBe(false);
      expect(ask.serious).toEqual([]);
      await w.page.getByRole('button', { name: 'Apstiprināt dalību' }).click();
      await w.page.waitForLoadState();
      const accepted = await inspect(w.page, 'offer-accepted-lv');
      expect(accepted.text).toContain('Dalība apstiprināta');
      expect(accepted.serious).toEqual([]);
      const mine = (await call('GET', '/v1/volunteers/me/sign-ups', { token: b.token })).json.items as { opportunityId: string; state: string }[];
      expect(mine.find((s) => s.opportunityId === o.json.id)?.state).toBe('registered');
      await w.page.goto(`${baseUrl()}${path}?lang=en`);
      const again = await inspect(w.page, 'offer-accepted-en');
      expect(again.text).toContain('You already confirmed this place');
      expect(again.serious).toEqual([]);
      expect(w.dialogs()).toBe(0);
      expect(w.refused).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});

describe('check-in at the venue in Chromium', () => {
  it('the venue display shows the code and its QR; on the phone the check-in page signs the young person in and checks them in', async () => {
    const coordinator = await tokenFor({ role: 'coordinator', sub: `coord-venue-${tag}`, municipality: M });
    const email = `venue-${tag}@example.lv`;
    const youth = await aYouth(call, tokenFor, M, { email });
    await ensureAccount(cognito(), inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'youth', municipality: M, sub: youth.sub });
    const o = await aStartedShift(M, 'seed', { institutionId, title: { lv: SCRIPT, en: 'Library evening' }, creditedMinutesPerShift: 90 });
    await registered(o, [youth.sub]);
    const shown = await expectStatus(call('GET', `/v1/opportunities/${o.id}/shifts/0/check-in-code`, { token: coordinator }), 200);

    const screen = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'lv-LV' });
    try {
      const display = await screen.newPage();
      const refused: string[] = [];
      display.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
      await display.goto(shown.json.displayUrl);
      const seen = await inspect(display, 'venue-display-lv');
      expect(seen.text).toContain('Noskenējiet kodu ar tālruni');
      expect(seen.text).toContain(SCRIPT);
      // axe's meta-refresh rule (WCAG 2.2.1) is the one finding, and it is deliberate: the screen follows a code that
      // changes every 2 minutes (the real-time exception), and the page has nothing to type that a reload could lose
      expect(seen.serious.filter((v) => v.id !== 'meta-refresh')).toEqual([]);
      expect(await display.locator('[data-code]').innerText()).toMatch(/^[0-9]{6}$/);
      const box = await display.locator('.qr svg').boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(refused).toEqual([]);
    } finally {
      await screen.close();
    }

    const w = await watched();
    try {
      await w.page.goto(shown.json.qrText);
      const ask = await inspect(w.page, 'check-in-ask-lv');
      expect(ask.text).toContain('Reģistrēt ierašanos');
      expect(ask.text).toContain(SCRIPT);
      expect(ask.overflow).toBe(false);
      expect(ask.serious).toEqual([]);
      expect(await w.page.getByLabel('Kods').inputValue()).toBe(shown.json.code);
      await w.page.getByLabel('E-pasts').fill(email);
      await w.page.getByLabel('Parole').fill('Nepareiza-parole-1!');
      await w.page.getByRole('button', { name: 'Reģistrēt ierašanos' }).click();
      await w.page.waitForLoadState();
      const wrong = await inspect(w.page, 'check-in-wrong-password-lv');
      expect(wrong.text).toContain('E-pasts vai parole nav pareiza');
      expect(wrong.serious).toEqual([]);
      expect(await w.page.getByLabel('E-pasts').inputValue()).toBe(email);
      await w.page.getByLabel('Parole').fill(STRONG_PASSWORD);
      await w.page.getByRole('button', { name: 'Reģistrēt ierašanos' }).click();
      await w.page.waitForLoadState();
      const done = await inspect(w.page, 'check-in-done-lv');
      expect(done.text).toContain('Ierašanās reģistrēta');
      expect(done.text).toContain('ierakstīts laiks 1 h 30 min; tas gaida vadītāja apstiprinājumu');
      expect(done.serious).toEqual([]);
      const entries = (await call('GET', '/v1/volunteers/me/hour-entries', { token: youth.token })).json.items as { minutes: number; state: string }[];
      expect(entries).toMatchObject([{ minutes: 90, state: 'pending' }]);
      expect(w.dialogs()).toBe(0);
      expect(w.refused).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});

describe('the invitation page in Chromium on a phone', () => {
  it('shows an invitation for a name <script>alert(1)</script> as text, refuses two different passwords, opens the account with the form', async () => {
    const coordinator = await tokenFor({ role: 'coordinator', sub: `coord-invite-${tag}`, municipality: M });
    const address = `browser-invitee-${tag}@example.lv`;
    const invited = await expectStatus(call('POST', `/v1/municipalities/${M}/invitations`, {
      token: coordinator, body: { name: SCRIPT, email: address, role: 'supervisor', institutions: [institutionId] },
    }), 201);
    const [mail] = mailOf(invited.json.id);
    const w = await watched();
    try {
      await w.page.goto(`${baseUrl()}${mail!.link.pathname}${mail!.link.search}`);
      const ask = await inspect(w.page, 'invitation-ask-lv');
      expect(ask.text).toContain(`Labdien, ${SCRIPT}!`);
      expect(ask.text).toContain('Valkas bibliotēka');
      expect(ask.text).toContain(address);
      expect(ask.overflow).toBe(false);
      expect(ask.serious).toEqual([]);
      await w.page.getByLabel('Parole', { exact: true }).fill(STRONG_PASSWORD);
      await w.page.getByLabel('Parole vēlreiz').fill(`${STRONG_PASSWORD}x`);
      await w.page.getByRole('button', { name: 'Atvērt kontu' }).click();
      await w.page.waitForLoadState();
      const mismatch = await inspect(w.page, 'invitation-mismatch-lv');
      expect(mismatch.text).toContain('Paroles nesakrīt');
      expect(mismatch.serious).toEqual([]);
      await w.page.getByLabel('Parole', { exact: true }).fill(STRONG_PASSWORD);
      await w.page.getByLabel('Parole vēlreiz').fill(STRONG_PASSWORD);
      await w.page.getByRole('button', { name: 'Atvērt kontu' }).click();
      await w.page.waitForLoadState();
      const opened = await inspect(w.page, 'invitation-opened-lv');
      expect(opened.text).toContain('Konts ir atvērts');
      expect(opened.serious).toEqual([]);
      expect((await signIn(cognito(), address)).AuthenticationResult?.IdToken).toBeTruthy();
      expect(w.dialogs()).toBe(0);
      expect(w.refused).toEqual([]);
    } finally {
      await w.page.close();
    }
  });
});
