// The volunteer's yearly statement as a PDF (izziņa par veikto brīvprātīgo darbu), A4, in Latvian.
import { rgb } from 'pdf-lib';
import { hoursText, type StatementContent } from '../domain/hours/exports.js';
import { createPdf, savePdf } from './document.js';
import { embedFonts } from './fonts.js';
import { wrapText } from './layout.js';

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;

export async function renderHoursStatement(c: StatementContent, options: { fontDir?: string } = {}): Promise<Uint8Array> {
  const doc = await createPdf();
  doc.setTitle(`Izziņa par brīvprātīgo darbu ${c.year}`);
  doc.setLanguage('lv-LV');
  doc.setCreator('jaunatne');
  const fonts = await embedFonts(doc, ['sans', 'sansBold'], options.fontDir);
  let page = doc.addPage([...A4]);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const write = (text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) => {
    const size = options.size ?? 11;
    const font = options.bold ? fonts.sansBold : fonts.sans;
    for (const line of wrapText(text, font, size, width)) {
      if (y < MARGIN + size) {
        page = doc.addPage([...A4]);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.4;
    }
    y -= options.gap ?? 0;
  };

  write(c.municipalityName, { size: 12, bold: true, gap: 12 });
  write('Izziņa par veikto brīvprātīgo darbu', { size: 18, bold: true, gap: 16 });
  write(`Brīvprātīgais: ${c.volunteerName}`);
  write(`Gads: ${c.year}`);
  write(`Periods: ${c.period ? `${c.period.from} – ${c.period.to}` : 'apstiprinātu stundu nav'}`, { gap: 10 });
  write(`Apstiprinātās stundas kopā: ${hoursText(c.approvedMinutes)} (programmas slieksnis ${hoursText(c.thresholdMinutes)})`, { bold: true, gap: 10 });
  if (c.institutions.length) {
    write('Iestādes', { bold: true });
    for (const i of c.institutions) write(`• ${i.name}: ${hoursText(i.approvedMinutes)}`);
    y -= 8;
  }
  if (c.activities.length) {
    write('Veiktie darbi', { bold: true });
    for (const a of c.activities) write(`• ${a}`);
    y -= 8;
  }
  write(`Izsniegta ${c.issuedOn}. Izziņā ietvertas tikai uzraugu apstiprinātās stundas.`, { size: 9 });
  return savePdf(doc);
}
