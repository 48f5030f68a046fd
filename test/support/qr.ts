// Reads the QR code a PDF shows, the way a phone would see it: the first page rendered by poppler, decoded by jsQR.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';

// jsQR is CommonJS whose typings declare an ES default export: under NodeNext the function is the `default` property.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

/** Parses a binary PPM (P6, maxval 255) into RGBA pixels. */
function ppmToRgba(ppm: Buffer): { width: number; height: number; data: Uint8ClampedArray } {
  const tokens: string[] = [];
  let at = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[at]!))) at++;
    if (ppm[at] === 0x23) { while (ppm[at] !== 0x0a) at++; continue; } // a comment line
    let token = '';
    while (!/\s/.test(String.fromCharCode(ppm[at]!))) token += String.fromCharCode(ppm[at++]!);
    tokens.push(token);
  }
  at++; // the single whitespace after maxval
  const [magic, w, h, max] = tokens;
  if (magic !== 'P6' || max !== '255') throw new Error(`not an 8-bit P6 PPM: ${tokens.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = at; i < width * height; i++, j += 3) {
    data[i * 4] = ppm[j]!;
    data[i * 4 + 1] = ppm[j + 1]!;
    data[i * 4 + 2] = ppm[j + 2]!;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** The text of the QR code on the PDF's first page (pdftoppm from poppler-utils must be installed), or null. */
export function qrTextOfPdf(pdf: Uint8Array, dpi = 150): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-qr-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', join(dir, 'in.pdf'), join(dir, 'page')]);
    const { width, height, data } = ppmToRgba(readFileSync(join(dir, 'page.ppm')));
    return jsQR(data, width, height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the QR code of an SVG of qr-svg.ts the way a scanner would: its rects painted onto a bitmap, decoded by jsQR. */
export function decodeSvgQr(svg: string): string | undefined {
  const side = Number(/viewBox="0 0 (\d+) (\d+)"/.exec(svg)![1]);
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, w, h] of svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"\/>/g)) {
    for (let row = Number(y); row < Number(y) + Number(h); row++) {
      for (let col = Number(x); col < Number(x) + Number(w); col++) data.fill(0, (row * side + col) * 4, (row * side + col) * 4 + 3);
    }
  }
  return jsQR(data, side, side)?.data;
}
