// Text layout shared by every PDF: line wrapping and fitting text into a width.
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { textWidth } from './fonts.js';

/** Splits text into lines no wider than `maxWidth` at `size` points, at word boundaries (an over-long word stays whole). */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(font, candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The largest size from `size` down to `min`, in `step`s, at which `text` fits `maxWidth` (`min` if none does). */
export function fittedSize(text: string, font: PDFFont, fit: { size: number; maxWidth: number; min: number; step: number }): number {
  let s = fit.size;
  while (s > fit.min && textWidth(font, text, s) > fit.maxWidth) s -= fit.step;
  return s;
}

/** Draws `text` centred on the page at height `y`, shrunk (down to 8 pt) to fit `maxWidth`. */
export function drawCentred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color: RGB, maxWidth = Infinity): void {
  const s = fittedSize(text, font, { size, maxWidth, min: 8, step: 0.5 });
  const w = textWidth(font, text, s);
  page.drawText(text, { x: (page.getWidth() - w) / 2, y, size: s, font, color });
}
