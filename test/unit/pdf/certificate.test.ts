import { decodePDFRawStream, PDFArray, PDFContentStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import QRCode from 'qrcode';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { QR_ERROR_CORRECTION, QR_TAG, renderCertificatePdf, type CertificatePdfInput } from '../../../lib/pdf/certificate.js';

const URL_LV042 = 'https://api.jaunatne.test/v1/certificates/LV042-2025-7K3Q-M9XD';
const aCertificatePdf = (over: Partial<CertificatePdfInput> = {}): CertificatePdfInput => ({
  language: 'lv',
  code: 'LV042-2025-7K3Q-M9XD',
  verificationUrl: URL_LV042,
  holderName: 'Ģirts Ķēniņš-Šņore',
  year: 2025,
  municipality: { name: { lv: 'Jēkabpils novads', en: 'Jēkabpils Municipality' } },
  issuerName: { lv: 'Jēkabpils novada pašvaldība', en: 'Jēkabpils Municipality' },
  programmeName: { lv: 'Jauniešu brīvprātīgais darbs', en: 'Youth volunteering' },
  totalMinutes: 62 * 60 + 30,
  tier: { name: { lv: 'Zelts', en: 'Gold' } },
  period: { from: '2025-03-01', to: '2025-12-20' },
  institutions: [
    { name: 'Jēkabpils Jauniešu centrs', activities: ['pasākumu organizēšana', 'sporta sacensību tiesāšana'], minutes: 40 * 60 },
    { name: 'Biedrība „Zaļā Daugava”', activities: ['krastu sakopšanas talka'], minutes: 22 * 60 + 30 },
  ],
  signer: { name: 'Līga Ozoliņa', position: { lv: 'Jaunatnes lietu speciāliste', en: 'Youth affairs specialist' } },
  issuedOn: '2026-01-15',
  ...over,
});

async function linesOf(bytes: Uint8Array): Promise<string[]> {
  const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(totalPages).toBe(1);
  return text.split('\n');
}

/** The QR modules drawn inside the /QRCode marked-content section, as a set of "row,col" plus the size. */
async function drawnQr(bytes: Uint8Array): Promise<{ size: number; dark: Set<string> }> {
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPage(0).node.normalizedEntries().Contents as PDFArray;
  let ops = '';
  for (let i = 0; i < contents.size(); i++) {
    // Loading wraps the page's own streams in q/Q content streams; ours are the flate-encoded raw ones.
    const stream = doc.context.lookup(contents.get(i));
    const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : (stream as PDFContentStream).getUnencodedContents();
    ops += Buffer.from(bytes).toString('latin1');
  }
  const section = ops.slice(ops.indexOf(`/${QR_TAG} BMC`), ops.indexOf('EMC', ops.indexOf(`/${QR_TAG} BMC`)));
  const rects = [...section.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
  expect(rects.length).toBeGreaterThan(0);
  const m = rects[0]![3];
  const x0 = Math.min(...rects.map((r) => r[0]));
  const top = Math.max(...rects.map((r) => r[1] + r[3]));
  const size = Math.round((Math.max(...rects.map((r) => r[0] + r[2])) - x0) / m);
  const dark = new Set<string>();
  for (const [x, y, w, h] of rects) {
    expect(h).toBeCloseTo(m, 6);
    const row = Math.round((top - y - h) / m);
    const col = Math.round((x - x0) / m);
    for (let c = col; c < col + Math.round(w / m); c++) dark.add(`${row},${c}`);
  }
  return { size, dark };
}

function expectQrOf(drawn: { size: number; dark: Set<string> }, url: string): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  expect(drawn.size).toBe(modules.size);
  let mismatches = 0;
  for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (Boolean(modules.get(r, c)) !== drawn.dark.has(`${r},${c}`)) mismatches++;
  expect(mismatches).toBe(0);
}

describe('the certificate PDF', () => {
  it('prints the Latvian input exactly, letter for letter', async () => {
    const lines = await linesOf(await renderCertificatePdf(aCertificatePdf()));
    expect(lines).toContain('Ģirts Ķēniņš-Šņore');
    expect(lines).toContain('APLIECINĀJUMS');
    expect(lines).toContain('par veikto brīvprātīgo darbu');
    expect(lines).toContain('2025. gadā Jēkabpils novadā veica brīvprātīgo darbu programmā „Jauniešu brīvprātīgais darbs”.');
    expect(lines).toContain('62 h 30 min');
    expect(lines).toContain('62 stundas 30 minūtes');
    expect(lines).toContain('Zelts');
    expect(lines).toContain('01.03.2025.–20.12.2025.');
    expect(lines).toContain('Jēkabpils Jauniešu centrs (40 h) — pasākumu organizēšana, sporta sacensību tiesāšana');
    expect(lines).toContain('Biedrība „Zaļā Daugava” (22 h 30 min) — krastu sakopšanas talka');
    expect(lines).toContain('Līga Ozoliņa');
    expect(lines).toContain('Jaunatnes lietu speciāliste');
    expect(lines).toContain('Jēkabpils novada pašvaldība');
    expect(lines.some((l) => l.startsWith('Izsniegts 2026. gada 15. janvārī'))).toBe(true);
    expect(lines).toContain('LV042-2025-7K3Q-M9XD');
    expect(lines).toContain(`Pārbaudīt: ${URL_LV042}`);
  });

  it('prints the English version on request, names and activities as entered', async () => {
    const lines = await linesOf(await renderCertificatePdf(aCertificatePdf({ language: 'en' })));
    expect(lines).toContain('CERTIFICATE');
    expect(lines).toContain('of volunteer work');
    expect(lines).toContain('Ģirts Ķēniņš-Šņore');
    expect(lines).toContain('did volunteer work in Jēkabpils Municipality in 2025 in the programme “Youth volunteering”.');
    expect(lines).toContain('62 hours 30 minutes');
    expect(lines).toContain('Gold');
    expect(lines).toContain('01/03/2025–20/12/2025');
    expect(lines).toContain('Jēkabpils Jauniešu centrs (40 h) — pasākumu organizēšana, sporta sacensību tiesāšana');
    expect(lines).toContain('Youth affairs specialist');
    expect(lines.some((l) => l.startsWith('Issued on 15 January 2026'))).toBe(true);
    expect(lines).toContain(`Verify at: ${URL_LV042}`);
    expect(lines.join('\n')).not.toContain('APLIECINĀJUMS');
  });

  it.each([
    ['Rīgas valstspilsēta', 'Rīgas valstspilsētā'],
    ['Augšdaugavas novads', 'Augšdaugavas novadā'],
  ])('says where in Latvian: %s → %s', async (name, locative) => {
    const lines = await linesOf(await renderCertificatePdf(aCertificatePdf({ municipality: { name: { lv: name, en: name } }, programmeName: undefined })));
    expect(lines).toContain(`2025. gadā ${locative} veica brīvprātīgo darbu.`);
  });

  it('prints a decomposed (NFD) name as the composed letters', async () => {
    const lines = await linesOf(await renderCertificatePdf(aCertificatePdf({ holderName: 'Ģirts Ķēniņš-Šņore'.normalize('NFD') })));
    expect(lines).toContain('Ģirts Ķēniņš-Šņore');
  });

  it('leaves out the tier and period columns when there are none', async () => {
    const lines = await linesOf(await renderCertificatePdf(aCertificatePdf({ tier: null, period: null })));
    expect(lines).not.toContain('SASNIEGTAIS LĪMENIS');
    expect(lines).not.toContain('PERIODS');
    expect(lines).toContain('APSTIPRINĀTĀS STUNDAS');
  });

  it('summarises the institutions that do not fit', async () => {
    const institutions = Array.from({ length: 30 }, (_, i) => ({ name: `Iestāde Nr. ${i + 1}`, activities: ['palīdzība pasākumos'], minutes: 120 }));
    const lines = await linesOf(await renderCertificatePdf(aCertificatePdf({ institutions })));
    const shown = lines.filter((l) => l.startsWith('Iestāde Nr.')).length;
    expect(shown).toBeGreaterThan(3);
    expect(lines).toContain(`… un vēl ${30 - shown} iestādes`);
  });

  it('renders concurrent certificates, each with its own glyphs and QR code', async () => {
    const names = ['Ģirts Ķēniņš-Šņore', 'Žanna Čukure', 'Ūdris Ļoļa', 'Ēvalds Ņikitins', 'Agnese Īvāne', 'Ōto Œuvre', 'Ārija Ģērķe', 'Ineta Zīle'];
    const pdfs = await Promise.all(
      names.map((holderName, i) =>
        renderCertificatePdf(aCertificatePdf({ holderName, verificationUrl: `${URL_LV042}?n=${i}`, language: i % 2 === 0 ? 'lv' : 'en' })),
      ),
    );
    for (const [i, pdf] of pdfs.entries()) {
      expect(await linesOf(pdf)).toContain(names[i]);
      expectQrOf(await drawnQr(pdf), `${URL_LV042}?n=${i}`);
    }
  });

  it('draws exactly the QR code of the verification URL', async () => {
    expectQrOf(await drawnQr(await renderCertificatePdf(aCertificatePdf())), URL_LV042);
  });

  it('draws the QR of its own URL and not of another certificate', async () => {
    const other = 'https://api.jaunatne.test/v1/certificates/LVRIX-2024-ABCD-EFG0';
    const drawn = await drawnQr(await renderCertificatePdf(aCertificatePdf({ code: 'LVRIX-2024-ABCD-EFG0', verificationUrl: other })));
    expectQrOf(drawn, other);
    expect(() => expectQrOf(drawn, URL_LV042)).toThrow();
  });

  it('is an A4 landscape page with embedded DejaVu subsets and Latvian metadata', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(aCertificatePdf()));
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(doc.getTitle()).toBe('APLIECINĀJUMS par veikto brīvprātīgo darbu — Ģirts Ķēniņš-Šņore, 2025');
    expect(doc.getAuthor()).toBe('Jēkabpils novada pašvaldība');
    expect(doc.getSubject()).toBe('LV042-2025-7K3Q-M9XD');
  });
});

/** Every code point the PDF's ToUnicode maps name (what text extraction can ever produce), over all its fonts. */
async function mappedCodePoints(bytes: Uint8Array): Promise<Set<number>> {
  const doc = await PDFDocument.load(bytes);
  const mapped = new Set<number>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const cmap = object.lookup(PDFName.of('ToUnicode'));
    if (!(cmap instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(cmap).decode()).toString('latin1');
    for (const [, unicode] of text.matchAll(/^<[0-9a-f]{4}> <([0-9a-f]+)>$/gim)) {
      mapped.add(String.fromCharCode(...unicode!.match(/.{4}/g)!.map((h) => parseInt(h, 16))).codePointAt(0)!);
    }
  }
  return mapped;
}

describe('certificates rendered one after another in one process (fonts parsed once and reused)', () => {
  const LETTERS = 'āčēģīķļņšūž';
  const pangram = `${LETTERS} ${LETTERS.toLocaleUpperCase('lv-LV')}`;
  // The first uses Ģ Ķ Š Ū Ž Ļ Č Ē Ī Ņ, whose glyphs are built from G K S U Z L C E I N; the second then uses those
  // base letters alone. A glyph cache shared between documents would have met them with no code points.
  const first = aCertificatePdf({
    holderName: 'Ģirts Ķēniņš-Šņore',
    signer: { name: 'Ūna Žīgure-Ļaudāča', position: { lv: 'Jaunatnes lietu speciāliste', en: 'Youth affairs specialist' } },
    institutions: [{ name: 'Ērgļu Īves nams', activities: [pangram], minutes: 62 * 60 + 30 }],
  });
  const second = aCertificatePdf({
    code: 'LVRIX-2024-ABCD-EFG0',
    verificationUrl: 'https://api.jaunatne.test/v1/certificates/LVRIX-2024-ABCD-EFG0',
    holderName: 'Gints Kalniņš-Celms',
    signer: { name: 'Zane Ulmane-Eniņa', position: { lv: 'Izglītības speciāliste', en: 'Education specialist' } },
    institutions: [{ name: 'Siguldas Novada Jauniešu māja', activities: [pangram], minutes: 62 * 60 + 30 }],
  });

  it('names every Latvian diacritic in both', () => {
    for (const input of [first, second]) {
      const names = [input.holderName, input.signer.name, ...input.institutions.flatMap((i) => [i.name, ...i.activities])].join(' ');
      for (const letter of LETTERS) {
        expect(names).toContain(letter);
        expect(names).toContain(letter.toLocaleUpperCase('lv-LV'));
      }
    }
  });

  it('extracts each exactly, letter for letter, and renders the same input to the same bytes again', async () => {
    const a = await renderCertificatePdf(first);
    const b = await renderCertificatePdf(second);
    const again = await renderCertificatePdf(first);
    const linesA = await linesOf(a);
    expect(linesA).toContain('Ģirts Ķēniņš-Šņore');
    expect(linesA).toContain('Ūna Žīgure-Ļaudāča');
    expect(linesA).toContain(`Ērgļu Īves nams (62 h 30 min) — ${pangram}`);
    const linesB = await linesOf(b);
    expect(linesB).toContain('Gints Kalniņš-Celms');
    expect(linesB).toContain('Zane Ulmane-Eniņa');
    expect(linesB).toContain(`Siguldas Novada Jauniešu māja (62 h 30 min) — ${pangram}`);
    expect(linesB).toContain('LVRIX-2024-ABCD-EFG0');
    expect(Buffer.from(again).equals(Buffer.from(a))).toBe(true);
  });

  it('extracts the same text from two renders of one input, and keeps one name\'s letters out of the next', async () => {
    const withOwnLetters = aCertificatePdf({ holderName: 'Ōskars Œhlenšlēgers-Ŗ', code: 'LVRIX-2024-WXYZ-0000' });
    const a = await renderCertificatePdf(withOwnLetters);
    const b = await renderCertificatePdf(second);
    const again = await renderCertificatePdf(withOwnLetters);
    const linesA = await linesOf(a);
    expect(linesA).toContain('Ōskars Œhlenšlēgers-Ŗ');
    expect(await linesOf(again)).toEqual(linesA);
    const inA = await mappedCodePoints(a);
    const inB = await mappedCodePoints(b);
    for (const letter of 'ŌŒŖ') {
      expect(inA.has(letter.codePointAt(0)!)).toBe(true);
      expect(inB.has(letter.codePointAt(0)!)).toBe(false);
    }
    expect((await linesOf(b)).join('\n')).not.toMatch(/[ŌŒŖ]/);
    // and the first's glyphs are still whole after the second: every letter of its name is mapped
    const inAgain = await mappedCodePoints(again);
    for (const ch of 'Ōskars Œhlenšlēgers-Ŗ'.replace(' ', '')) expect(inAgain).toContain(ch.codePointAt(0)!);
  });
});
