// The verification page in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core) on a
// phone-sized screen opens each status, checks the text, that the CSP-allowed style applies and nothing is refused,
// saves a screenshot under test-results/pages/, and axe-core reports no serious or critical violation.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../lib/domain/certificates/code.js';
import { baseUrl, call } from '../support/http.js';
import { issueCertificates, type Holder } from '../support/issued-certificates.js';
import { seededRandom } from '../support/seeded-random.js';

/** Debian's chromium package; CHROMIUM_PATH points elsewhere (`.ci/run` installs it when missing). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'test-results', 'pages');
const M = 'LV-094';
const YEAR = 2025;
const tag = randomUUID().slice(0, 8);
const valid: Holder = { id: `browser-${tag}-1`, name: 'Ģirts Ķēniņš-Šņore', minutes: [3000, 750] };
const scripted: Holder = { id: `browser-${tag}-2`, name: '<script>alert(1)</script>', minutes: [3600] };
const revoked: Holder = { id: `browser-${tag}-3`, name: 'Anna Bērziņa', minutes: [3600] };

let browser: Browser;
let phone: BrowserContext;
let codes: Map<string, string>;
const codeOf = (h: Holder) => codes.get(h.id)!;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const issued = await issueCertificates(M, YEAR, [valid, scripted, revoked]);
  codes = issued.codes;
  expect((await call('POST', `/v1/certificates/${codeOf(revoked)}/revoke`, { token: issued.coordinator, body: { reason: 'x' } })).status).toBe(200);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'lv-LV' });
});
afterAll(async () => {
  await phone?.close();
  await browser?.close();
});

interface Seen { text: string; bannerBackground: string; overflow: boolean; dialogs: number; refused: string[]; violations: { id: string; impact: string; nodes: number }[] }

/** Opens a page, screenshots it, and reports its text, the banner's computed colour, overflow, CSP refusals and axe's findings. */
async function open(path: string, shot: string, context = phone): Promise<Seen> {
  const page = await context.newPage();
  const refused: string[] = [];
  let dialogs = 0;
  // Chromium reports every CSP refusal on the console (the favicon's 404 is not one of ours to judge).
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
  try {
    const response = await page.goto(`${baseUrl()}${path}`);
    expect(response).not.toBeNull();
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    const bannerBackground = await page.locator('.banner').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
    const overflow = await page.evaluate(() => { const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement; return d.scrollWidth > d.clientWidth; });
    // axe runs through the DevTools protocol, which the page's CSP (no scripts at all) does not govern.
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
      const result = await (globalThis as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    return { text, bannerBackground, overflow, dialogs, refused, violations };
  } finally {
    await page.close();
  }
}

const serious = (s: Seen) => s.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('the verification page in Chromium on a phone', () => {
  it('shows a valid certificate, styled under its CSP, readable, without serious accessibility violations', async () => {
    const seen = await open(`/v/${codeOf(valid)}`, 'valid-lv');
    expect(seen.text).toContain('Derīgs apliecinājums');
    expect(seen.text.indexOf('Derīgs apliecinājums')).toBeLessThan(seen.text.indexOf('Ģirts Ķēniņš-Šņore'));
    expect(seen.text).toContain('Apstiprinātās stundas');
    expect(seen.text).toContain('62,5');
    expect(seen.bannerBackground).toBe('rgb(229, 244, 236)');
    expect(seen.overflow).toBe(false);
    expect(seen.refused).toEqual([]);
    expect(serious(seen)).toEqual([]);
  });

  it('follows the language link to English', async () => {
    const page = await phone.newPage();
    try {
      await page.goto(`${baseUrl()}/v/${codeOf(valid)}`);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      expect(await page.locator('h1').innerText()).toBe('Valid certificate');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await page.close();
    }
    const seen = await open(`/v/${codeOf(valid)}?lang=en`, 'valid-en');
    expect(seen.text).toContain('How this is checked');
    expect(serious(seen)).toEqual([]);
  });

  it('shows a holder named <script>alert(1)</script> as text and runs nothing', async () => {
    const seen = await open(`/v/${codeOf(scripted)}`, 'script-name');
    expect(seen.text).toContain('<script>alert(1)</script>');
    expect(seen.dialogs).toBe(0);
    expect(seen.refused).toEqual([]);
  });

  it('shows a revoked certificate with a red banner', async () => {
    const seen = await open(`/v/${codeOf(revoked)}`, 'revoked');
    expect(seen.text).toContain('Apliecinājums atsaukts');
    expect(seen.text).toContain('Iemesls: to atsauca izdevēja pašvaldība.');
    expect(seen.bannerBackground).toBe('rgb(251, 233, 233)');
    expect(serious(seen)).toEqual([]);
  });

  it('shows an unknown and a mistyped code', async () => {
    const unknown = await open(`/v/${generate(seededRandom(5), M, YEAR)}`, 'unknown');
    expect(unknown.text).toContain('Nezināms kods');
    expect(serious(unknown)).toEqual([]);
    const code = codeOf(valid);
    const mistyped = await open(`/v/${code.slice(0, -1)}${code.at(-1) === '0' ? '1' : '0'}`, 'mistyped');
    expect(mistyped.text).toContain('ievadīts ar kļūdu');
    expect(serious(mistyped)).toEqual([]);
  });

  it('lands on the page when a browser opens the URL of a certificate issued before the short one', async () => {
    const page = await phone.newPage();
    try {
      const response = await page.goto(`${baseUrl()}/v1/certificates/${codeOf(valid)}`);
      expect(page.url()).toBe(`${baseUrl()}/v/${codeOf(valid)}`);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await page.locator('h1').innerText()).toBe('Derīgs apliecinājums');
    } finally {
      await page.close();
    }
  });
});
