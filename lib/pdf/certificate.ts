// The certificate PDF (apliecinājums par veikto brīvprātīgo darbu): A4 landscape, Latvian or English, DejaVu fonts, vector QR code.
import {
  beginMarkedContent,
  endMarkedContent,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';
import {
  formatHoursLong,
  formatHoursShort,
  formatIssueDate,
  formatNumericDate,
  municipalityLocativeLv,
} from '../certificates/format.js';
import type { CertificatePdfInput } from '../domain/certificates/ports.js';
import type { Bilingual } from '../domain/errors.js';
import { createPdf, savePdf } from './document.js';
import { embedFonts, textWidth, type FontName } from './fonts.js';
import { drawCentred as centred, fittedSize, wrapText } from './layout.js';

export type { CertificatePdfInput };

/** Marked-content tag around the QR modules, so tests (and tools) can find exactly what was drawn. */
export const QR_TAG = 'QRCode';
export const QR_ERROR_CORRECTION = 'M' as const;

const TEXT = {
  lv: {
    title: 'APLIECINĀJUMS',
    subtitle: 'par veikto brīvprātīgo darbu',
    certify: 'Ar šo apliecina, ka',
    did: (year: number, municipality: Bilingual, programme?: Bilingual) =>
      `${year}. gadā ${municipalityLocativeLv(municipality.lv)} veica brīvprātīgo darbu${programme ? ` programmā „${programme.lv}”` : ''}.`,
    hours: 'APSTIPRINĀTĀS STUNDAS',
    tier: 'SASNIEGTAIS LĪMENIS',
    period: 'PERIODS',
    institutions: 'IESTĀDES UN DARBĪBAS',
    more: (n: number) => `… un vēl ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'iestāde' : 'iestādes'}`,
    issued: (date: string) => `Izsniegts ${date}`,
    code: 'Apliecinājuma kods',
    verify: 'Pārbaudīt:',
    note: 'Dokuments sagatavots elektroniski. Tā īstumu var pārbaudīt, noskenējot QR kodu vai atverot norādīto saiti.',
  },
  en: {
    title: 'CERTIFICATE',
    subtitle: 'of volunteer work',
    certify: 'This is to certify that',
    did: (year: number, municipality: Bilingual, programme?: Bilingual) =>
      `did volunteer work in ${municipality.en} in ${year}${programme ? ` in the programme “${programme.en}”` : ''}.`,
    hours: 'APPROVED HOURS',
    tier: 'LEVEL REACHED',
    period: 'PERIOD',
    institutions: 'INSTITUTIONS AND ACTIVITIES',
    more: (n: number) => `… and ${n} more ${n === 1 ? 'institution' : 'institutions'}`,
    issued: (date: string) => `Issued on ${date}`,
    code: 'Certificate code',
    verify: 'Verify at:',
    note: 'This document was produced electronically. Its authenticity can be checked by scanning the QR code or opening the link.',
  },
} as const;

const NAVY = rgb(0.11, 0.2, 0.36);
const GOLD = rgb(0.72, 0.58, 0.25);
const INK = rgb(0.12, 0.12, 0.14);
const GREY = rgb(0.4, 0.42, 0.46);

const FONTS = ['serif', 'serifBold', 'serifItalic', 'sans', 'mono'] as const satisfies readonly FontName[];

/** The QR code as dark modules, one rectangle per horizontal run, inside a /QRCode marked-content section. */
function drawQr(page: PDFPage, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const n = qr.modules.size;
  const m = size / n;
  const ops = [beginMarkedContent(QR_TAG), pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      ops.push(rectangle(x + start * m, y + size - (row + 1) * m, (col - start) * m, m));
    }
  }
  ops.push(fill(), popGraphicsState(), endMarkedContent());
  page.pushOperators(...ops);
}

/** Every string in NFC, so "Ķ" typed as K + combining cedilla prints and extracts as the one letter. */
function nfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)])) as T;
  }
  return value;
}

/** Renders the certificate; the caller stores the bytes (S3 / .local) under the certificate code. */
export async function renderCertificatePdf(raw: CertificatePdfInput, options: { fontDir?: string } = {}): Promise<Uint8Array> {
  const input = nfc(raw);
  const t = TEXT[input.language];
  const lang = input.language;
  const pdf = await createPdf();
  const fonts = await embedFonts(pdf, FONTS, options.fontDir);

  const issued = new Date(`${input.issuedOn}T12:00:00Z`);
  pdf.setTitle(`${t.title} ${t.subtitle} — ${input.holderName}, ${input.year}`, { showInWindowTitleBar: true });
  pdf.setAuthor(input.issuerName[lang]);
  pdf.setSubject(`${input.code}`);
  pdf.setLanguage(lang === 'lv' ? 'lv-LV' : 'en-GB');
  pdf.setCreator('jaunatne-backend');
  pdf.setProducer('jaunatne-backend (pdf-lib)');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);

  const page = pdf.addPage([841.89, 595.28]); // A4 landscape
  const W = page.getWidth();
  const H = page.getHeight();

  // Frame: a strong outer border and a fine gold inner border.
  page.drawRectangle({ x: 22, y: 22, width: W - 44, height: H - 44, borderColor: NAVY, borderWidth: 2.5 });
  page.drawRectangle({ x: 30, y: 30, width: W - 60, height: H - 60, borderColor: GOLD, borderWidth: 0.75 });

  // Heading.
  centred(page, input.issuerName[lang].toLocaleUpperCase(lang === 'lv' ? 'lv-LV' : 'en-GB'), 530, fonts.sans, 10.5, GREY, W - 140);
  page.drawLine({ start: { x: W / 2 - 40, y: 516 }, end: { x: W / 2 + 40, y: 516 }, thickness: 1, color: GOLD });
  centred(page, t.title, 468, fonts.serifBold, 38, NAVY);
  centred(page, t.subtitle, 442, fonts.serifItalic, 16, NAVY);
  centred(page, t.certify, 408, fonts.serif, 12, GREY);
  centred(page, input.holderName, 372, fonts.serifBold, 28, INK, W - 160);
  centred(page, t.did(input.year, input.municipality.name, input.programmeName), 344, fonts.serif, 13, INK, W - 140);

  // The figures: hours, tier, period — centred columns with gold separators.
  const columns: { label: string; value: string; note?: string }[] = [
    { label: t.hours, value: formatHoursShort(input.totalMinutes), note: formatHoursLong(input.totalMinutes, lang) },
  ];
  if (input.tier) columns.push({ label: t.tier, value: input.tier.name[lang] });
  if (input.period) {
    columns.push({ label: t.period, value: `${formatNumericDate(input.period.from, lang)}–${formatNumericDate(input.period.to, lang)}` });
  }
  const colW = 210;
  const left = (W - colW * columns.length) / 2;
  columns.forEach((c, i) => {
    const cx = left + colW * i + colW / 2;
    const label = textWidth(fonts.sans, c.label, 8.5);
    page.drawText(c.label, { x: cx - label / 2, y: 304, size: 8.5, font: fonts.sans, color: GREY });
    const size = fittedSize(c.value, fonts.serifBold, { size: 18, maxWidth: colW - 16, min: 10, step: 0.5 });
    const value = textWidth(fonts.serifBold, c.value, size);
    page.drawText(c.value, { x: cx - value / 2, y: 282, size, font: fonts.serifBold, color: NAVY });
    if (c.note) {
      const note = textWidth(fonts.serif, c.note, 9);
      page.drawText(c.note, { x: cx - note / 2, y: 267, size: 9, font: fonts.serif, color: GREY });
    }
    if (i > 0) page.drawLine({ start: { x: left + colW * i, y: 264 }, end: { x: left + colW * i, y: 316 }, thickness: 0.75, color: GOLD });
  });

  // Institutions and activities, left column, above the signature.
  const textX = 70;
  const textW = 560;
  page.drawText(t.institutions, { x: textX, y: 236, size: 8.5, font: fonts.sans, color: GREY });
  const lineH = 13;
  const bottom = 128;
  let y = 220;
  const list = input.institutions;
  for (let i = 0; i < list.length; i++) {
    const inst = list[i]!;
    const head = `${inst.name} (${formatHoursShort(inst.minutes)})`;
    const rest = inst.activities.length > 0 ? ` — ${inst.activities.join(', ')}` : '';
    const lines = wrapText(head + rest, fonts.serif, 10.5, textW);
    const remaining = list.length - i;
    const needsMoreLine = remaining > 1;
    if (y - (lines.length - 1) * lineH < bottom + (needsMoreLine ? lineH : 0)) {
      page.drawText(t.more(remaining), { x: textX, y, size: 10.5, font: fonts.serifItalic, color: GREY });
      break;
    }
    lines.forEach((line, j) => {
      if (j === 0 && line.startsWith(inst.name)) {
        // The institution's name in bold, the rest of the first line in regular weight.
        page.drawText(inst.name, { x: textX, y, size: 10.5, font: fonts.serifBold, color: INK });
        const after = line.slice(inst.name.length);
        page.drawText(after, { x: textX + textWidth(fonts.serifBold, inst.name, 10.5), y, size: 10.5, font: fonts.serif, color: INK });
      } else {
        page.drawText(line, { x: textX + (j > 0 ? 12 : 0), y, size: 10.5, font: fonts.serif, color: INK });
      }
      y -= lineH;
    });
    y -= 3;
  }

  // Signature block and issue date.
  page.drawLine({ start: { x: textX, y: 112 }, end: { x: textX + 220, y: 112 }, thickness: 0.75, color: INK });
  page.drawText(input.signer.name, { x: textX, y: 98, size: 11, font: fonts.serifBold, color: INK });
  page.drawText(input.signer.position[lang], { x: textX, y: 85, size: 10, font: fonts.serif, color: INK });
  page.drawText(input.issuerName[lang], { x: textX, y: 72, size: 9, font: fonts.sans, color: GREY });
  page.drawText(t.issued(formatIssueDate(input.issuedOn, lang)), { x: 330, y: 98, size: 10.5, font: fonts.serif, color: INK });

  // QR code, the code and the verification URL, bottom right.
  const qrSize = 92;
  const qrX = W - 70 - qrSize;
  const qrY = 104;
  drawQr(page, input.verificationUrl, qrX, qrY, qrSize);
  const codeLabel = textWidth(fonts.sans, t.code, 7.5);
  page.drawText(t.code, { x: qrX + qrSize - codeLabel, y: 89, size: 7.5, font: fonts.sans, color: GREY });
  const codeW = textWidth(fonts.mono, input.code, 11);
  page.drawText(input.code, { x: qrX + qrSize - codeW, y: 75, size: 11, font: fonts.mono, color: INK });
  const verifyLine = `${t.verify} ${input.verificationUrl}`;
  const urlSize = fittedSize(verifyLine, fonts.sans, { size: 7, maxWidth: 360, min: 5, step: 0.25 });
  const urlW = textWidth(fonts.sans, verifyLine, urlSize);
  page.drawText(verifyLine, { x: qrX + qrSize - urlW, y: 61, size: urlSize, font: fonts.sans, color: GREY });

  centred(page, t.note, 40, fonts.sans, 7, GREY, W - 120);
  return savePdf(pdf);
}
