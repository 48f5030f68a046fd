// The certificate verification page over HTTP through the local gateway: statuses, languages, escaping, CSP,
// the browser redirect from the API URL, and the PDF's QR code and printed URL carrying the short URL.
import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../lib/domain/certificates/code.js';
import { issueCertificates, type Holder } from '../support/issued-certificates.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { qrTextOfPdf } from '../support/qr.js';
import { seededRandom } from '../support/seeded-random.js';

const M = 'LV-077';
const YEAR = 2025;
const tag = randomUUID().slice(0, 8);
const valid: Holder = { id: `page-${tag}-1`, name: 'Ģirts Ķēniņš-Šņore', minutes: [3000, 750] };
const scripted: Holder = { id: `page-${tag}-2`, name: '<script>alert(1)</script>', minutes: [3600] };
const revoked: Holder = { id: `page-${tag}-3`, name: 'Anna Bērziņa', minutes: [3600] };
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let codes: Map<string, string>;
const codeOf = (h: Holder) => codes.get(h.id)!;
const text = (page: string) => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

beforeAll(async () => {
  const issued = await issueCertificates(M, YEAR, [valid, scripted, revoked]);
  codes = issued.codes;
  const res = await call('POST', `/v1/certificates/${codeOf(revoked)}/revoke`, { token: issued.coordinator, body: { reason: 'Iekšēja piezīme par Annu' } });
  expect(res.status, res.text).toBe(200);
});

describe('GET /v/{code}', () => {
  it('shows a valid certificate in Latvian: banner first, then what the certificate says, with a strict CSP', async () => {
    const res = await call('GET', `/v/${codeOf(valid).toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-language')).toBe('lv');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('set-cookie')).toBeNull();
    const t = text(res.text);
    expect(t.indexOf('Derīgs apliecinājums')).toBeGreaterThanOrEqual(0);
    expect(t.indexOf('Derīgs apliecinājums')).toBeLessThan(t.indexOf('Ģirts Ķēniņš-Šņore'));
    for (const shown of ['Ģirts Ķēniņš-Šņore', 'Gads 2025', 'Apstiprinātās stundas 62,5', 'Pašvaldība', codeOf(valid), 'Izsniegts', 'Kā tas tiek pārbaudīts']) expect(t).toContain(shown);
    expect(res.text).toContain(`href="/v1/certificates/${codeOf(valid)}/credential"`);
    expect(res.text).not.toMatch(/@example\.lv|page-[0-9a-f]{8}|<script/);
  });

  it('speaks English with ?lang=en and with Accept-Language: en, and ?lang wins over the header', async () => {
    const byQuery = await call('GET', `/v/${codeOf(valid)}?lang=en`);
    expect(byQuery.headers.get('content-language')).toBe('en');
    expect(text(byQuery.text)).toContain('Valid certificate');
    const byHeader = await call('GET', `/v/${codeOf(valid)}`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(text(byHeader.text)).toContain('Approved hours 62.5');
    expect(byHeader.headers.get('vary')).toContain('accept-language');
    const lvWins = await call('GET', `/v/${codeOf(valid)}?lang=lv`, { headers: { 'accept-language': 'en' } });
    expect(text(lvWins.text)).toContain('Derīgs apliecinājums');
  });

  it('renders a holder named <script>alert(1)</script> as text', async () => {
    const res = await call('GET', `/v/${codeOf(scripted)}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text(res.text)).toContain('<script>alert(1)</script>');
  });

  it('shows a revoked certificate with its date and reason category, not the coordinator\'s note', async () => {
    const res = await call('GET', `/v/${codeOf(revoked)}`);
    expect(res.status).toBe(200);
    const t = text(res.text);
    expect(t).toContain('Apliecinājums atsaukts');
    expect(t.indexOf('Apliecinājums atsaukts')).toBeLessThan(t.indexOf('Anna Bērziņa'));
    expect(t).toMatch(/Atsaukts: \d{4}\. gada \d{1,2}\. \p{L}+\./u);
    expect(t).toContain('Iemesls: to atsauca izdevēja pašvaldība.');
    expect(t).not.toContain('Iekšēja piezīme');
  });

  it('answers an unknown code with a 404 page, and says when the check character shows a typo', async () => {
    const unknown = await call('GET', `/v/${generate(seededRandom(99), M, YEAR)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(text(unknown.text)).toContain('Nezināms kods');
    expect(text(unknown.text)).toContain('šāds apliecinājums nav izsniegts');
    const code = codeOf(valid);
    const typo = code.slice(0, -2) + code.at(-1) + code.at(-2); // two neighbours swapped
    const mistyped = await call('GET', `/v/${typo === code ? code.slice(0, -1) + (code.at(-1) === '0' ? '1' : '0') : typo}?lang=en`);
    expect(mistyped.status).toBe(404);
    expect(text(mistyped.text)).toContain('most likely mistyped');
    const garbage = await call('GET', `/v/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(garbage.status).toBe(404);
    expect(garbage.text).not.toContain('<img');
  });
});

describe('the API URL the old certificates carry', () => {
  it('redirects a browser (303) to the page and keeps JSON for API clients', async () => {
    const code = codeOf(valid);
    const browser = await fetch(`${baseUrl()}/v1/certificates/${code}`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe(`/v/${code}`);
    const followed = await fetch(`${baseUrl()}/v1/certificates/${code}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(followed.url).toBe(`${baseUrl()}/v/${code}`);
    expect(text(await followed.text())).toContain('Derīgs apliecinājums');
    for (const accept of [undefined, '*/*', 'application/json']) {
      const api = await call('GET', `/v1/certificates/${code}`, { headers: accept ? { accept } : {} });
      expect(api.status).toBe(200);
      expect(api.json).toMatchObject({ code, status: 'valid', holderName: 'Ģirts Ķēniņš-Šņore' });
    }
  });
});

describe('the PDF', () => {
  it('carries the short URL in its QR code and its printed text, and that URL opens the page', async () => {
    const code = codeOf(valid);
    const youth = await tokenFor({ role: 'youth', sub: valid.id, municipality: M });
    for (const lang of ['lv', 'en'] as const) {
      const link = await call('GET', `/v1/certificates/${code}/download?lang=${lang}`, { token: youth });
      expect(link.status, link.text).toBe(200);
      const pdf = new Uint8Array(await (await fetch(link.json.url)).arrayBuffer());
      const shortUrl = `${baseUrl()}/v/${code}`;
      expect(qrTextOfPdf(pdf)).toBe(shortUrl);
      const { text: printed } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
      expect(printed.replace(/\s+/g, '')).toContain(shortUrl);
      expect(printed).not.toContain('/v1/certificates/');
      const page = await fetch(shortUrl);
      expect(page.status).toBe(200);
    }
  });
});
