// The verification page: status first, escaping, languages, the mistyped-code hint, and a CSP that allows exactly its style.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../lib/domain/certificates/code.js';
import type { Certificate } from '../../../lib/domain/certificates/types.js';
import { verificationPage, type VerificationPageDeps } from '../../../lib/domain/certificates/use-cases/verification-page.js';
import { escapeHtml, html } from '../../../lib/pages/html.js';
import { renderCertificatePage } from '../../../lib/pages/certificate-page.js';
import { pageLanguage } from '../../../lib/pages/language.js';
import { PAGE_CSP } from '../../../lib/pages/layout.js';
import { JEKABPILS } from '../../support/in-memory-certificates.js';
import { seededRandom } from '../../support/seeded-random.js';

const CODE = generate(seededRandom(1), 'LV-042', 2025);

function aCertificate(overrides: Partial<Certificate> = {}): Certificate {
  return {
    code: CODE, programme: 'LV-042', year: 2025, volunteerId: 'v-1', holderName: 'Ģirts Ķēniņš-Šņore', holderEmail: 'g@example.lv',
    totalMinutes: 3750, thresholdMinutes: 3600, tier: { id: 'silver', name: 'Sudraba' }, period: { from: '2025-03-01', to: '2025-09-30' },
    institutions: [{ name: 'Jēkabpils bibliotēka', minutes: 3000, activities: ['Lasīšanas stundas'] }, { name: 'Sporta klubs "Zibens"', minutes: 750, activities: [] }],
    issuedAt: '2026-01-15T04:00:00.000Z', runId: 'r-1', credential: 'x.y.z', kid: 'k', pdfKey: `certificates/${CODE}.pdf`,
    status: 'valid', flag: null, revocation: null, announced: true,
    email: { state: 'sent', attempts: 1, lastAttemptAt: null, lastError: null, leaseUntil: null, sentAt: null } as unknown as Certificate['email'],
    ...overrides,
  };
}

const depsWith = (...certificates: Certificate[]): VerificationPageDeps => ({
  certificates: { getByCode: async (code) => certificates.find((c) => c.code === code) },
  municipalities: { get: async (code) => (code === JEKABPILS.code ? JEKABPILS : undefined) },
});

/** The page's visible text, tags dropped and entities decoded, whitespace collapsed. */
const textOf = (page: string) => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('html templates', () => {
  it('escape every interpolated value, in content and attributes, but not nested templates', () => {
    const name = `<script>alert(1)</script>" onmouseover='x' &`;
    expect(escapeHtml(name)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&#39;x&#39; &amp;');
    expect(html`<p title="${name}">${name}</p>${html`<b>${'<i>'}</b>`}${[1, null, false, undefined, 'a']}`.value)
      .toBe(`<p title="${escapeHtml(name)}">${escapeHtml(name)}</p><b>&lt;i&gt;</b>1a`);
  });
});

describe('the verification page', () => {
  it('shows a valid certificate: banner first, then holder, year, hours, tier, municipality, institutions, issue date and links', async () => {
    const page = renderCertificatePage(await verificationPage(depsWith(aCertificate()), CODE.toLowerCase()), 'lv');
    const text = textOf(page);
    expect(text.indexOf('Derīgs apliecinājums')).toBeLessThan(text.indexOf('Ģirts Ķēniņš-Šņore'));
    for (const shown of ['Ģirts Ķēniņš-Šņore', 'Gads 2025', 'Apstiprinātās stundas 62,5', 'Līmenis Sudraba', 'Pašvaldība Jēkabpils novads',
      'Jēkabpils bibliotēka', 'Sporta klubs "Zibens"', 'Izsniegts 2026. gada 15. janvāris', CODE, 'Kā tas tiek pārbaudīts']) expect(text).toContain(shown);
    expect(page).toContain(`href="/v1/certificates/${CODE}/credential"`);
    expect(page).toContain('href="/.well-known/jwks.json"');
    expect(page).toContain(`href="/v/${CODE}?lang=en"`);
    expect(page).toMatch(/^<!doctype html>\n<html lang="lv">/);
    expect(text).not.toContain('g@example.lv');
    expect(text).not.toContain('v-1');
  });

  it('speaks English when asked', async () => {
    const text = textOf(renderCertificatePage(await verificationPage(depsWith(aCertificate()), CODE), 'en'));
    for (const shown of ['Valid certificate', 'Approved hours 62.5', 'Municipality Jēkabpils Municipality', 'Issued 15 January 2026', 'How this is checked', 'Latviski']) expect(text).toContain(shown);
  });

  it('renders a holder named like a script as text', async () => {
    const page = renderCertificatePage(await verificationPage(depsWith(aCertificate({ holderName: '<script>alert(1)</script>', institutions: [{ name: '<img src=x onerror=alert(2)>', minutes: 60, activities: [] }] })), CODE), 'lv');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(textOf(page)).toContain('<script>alert(1)</script>');
  });

  it('shows a revoked certificate with the date and the reason category, never the free-text reason', async () => {
    const revocation = { reason: 'Personīgs komentārs par Ģirtu', at: '2026-02-01T10:00:00.000Z', by: 'c-1' };
    const reversed = await verificationPage(depsWith(aCertificate({ status: 'revoked', revocation, flag: { reason: 'reversal', approvedMinutes: 3000, at: '2026-01-20T10:00:00.000Z' } })), CODE);
    expect(reversed).toMatchObject({ status: 'revoked', revocation: { category: 'hours-reversed' } });
    const text = textOf(renderCertificatePage(reversed, 'lv'));
    expect(text.indexOf('Apliecinājums atsaukts')).toBeLessThan(text.indexOf('Saņēmējs'));
    expect(text).toContain('Atsaukts: 2026. gada 1. februāris.');
    expect(text).toContain('apstiprinātās stundas tika atsauktas');
    expect(text).not.toContain('Personīgs komentārs');
    const withdrawn = await verificationPage(depsWith(aCertificate({ status: 'revoked', revocation })), CODE);
    expect(textOf(renderCertificatePage(withdrawn, 'en'))).toContain('Reason: withdrawn by the issuing municipality.');
  });

  it('reads a flagged certificate as valid (the flag is internal)', async () => {
    const view = await verificationPage(depsWith(aCertificate({ status: 'flagged', flag: { reason: 'reversal', approvedMinutes: 3000, at: '2026-01-20T10:00:00.000Z' } })), CODE);
    expect(view.status).toBe('valid');
  });

  it('says a code is unknown, with a mistyped hint when the check character does not match', async () => {
    const last = CODE.at(-1)!;
    const typo = CODE.slice(0, -1) + (last === '0' ? '1' : '0');
    const mistyped = await verificationPage(depsWith(aCertificate()), typo);
    expect(mistyped).toMatchObject({ status: 'unknown', reason: 'check' });
    const text = textOf(renderCertificatePage(mistyped, 'lv'));
    expect(text).toContain('Nezināms kods');
    expect(text).toContain('ievadīts ar kļūdu');
    const notIssued = await verificationPage(depsWith(), CODE);
    expect(notIssued).toEqual({ status: 'unknown', typed: CODE });
    expect(textOf(renderCertificatePage(notIssued, 'en'))).toContain('no such certificate was issued');
    const malformed = textOf(renderCertificatePage(await verificationPage(depsWith(), '<b>nonsense</b>'), 'en'));
    expect(malformed).toContain('No certificate with the code <b>nonsense</b> was found.');
    expect(malformed).toContain('must look like LV042-2025-7K3Q-M9XD');
  });

  it('allows exactly its own inline style by hash, and nothing else', async () => {
    const page = renderCertificatePage(await verificationPage(depsWith(aCertificate()), CODE), 'lv');
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(PAGE_CSP).toContain(`style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(PAGE_CSP).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|https?:\/\//);
  });
});

describe('the page language', () => {
  it('takes ?lang= when it names lv or en, else the header choice', () => {
    expect(pageLanguage({ lang: 'en' }, 'lv')).toBe('en');
    expect(pageLanguage({ lang: 'LV' }, 'en')).toBe('lv');
    expect(pageLanguage({ lang: 'de' }, 'en')).toBe('en');
    expect(pageLanguage(undefined, 'lv')).toBe('lv');
  });
});
