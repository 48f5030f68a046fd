// A QR code as a small SVG (one rect per horizontal run of dark modules, 4-module quiet zone), from the qrcode core alone.
import { create } from 'qrcode/lib/core/qrcode.js';

/** The QR code of `text` as an SVG document; `moduleSize` user units per module. */
export function qrSvg(text: string, moduleSize = 8): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 4;
  const side = (n + 2 * quiet) * moduleSize;
  const rects: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) { col++; continue; }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      rects.push(`<rect x="${(start + quiet) * moduleSize}" y="${(row + quiet) * moduleSize}" width="${(col - start) * moduleSize}" height="${moduleSize}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side}" height="${side}" shape-rendering="crispEdges">`
    + `<rect width="${side}" height="${side}" fill="#fff"/><g fill="#000">${rects.join('')}</g></svg>`;
}
