// Types of the QR encoder's core module (qrcode without its PNG/terminal renderers), imported alone to keep HTTP bundles small.
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): { modules: { size: number; get(row: number, col: number): number | boolean } };
}
