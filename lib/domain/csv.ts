// CSV (RFC 4180) for every export: one field rule, one line format. Pure.

export type CsvValue = string | number | null | undefined;

/**
 * One field: empty for null/undefined; a text starting with = + - @ tab or CR is prefixed with ' so a
 * spreadsheet never runs it as a formula (numbers are left as numbers, so -500 stays -500); quoted when it
 * holds a quote, comma, semicolon (the separator Latvian spreadsheets use) or a line break.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Header and rows as CSV text with CRLF line ends (and a final CRLF). */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A downloaded CSV file: a UTF-8 byte-order mark first, so spreadsheets read ā č ē … correctly. */
export const csvFile = (text: string): string => `\uFEFF${text}`;
