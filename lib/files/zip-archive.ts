// One zip archive from a list of files (fflate): the personal-data export's container.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportFile } from '../domain/accounts/use-cases/export-my-data.js';

/** PDFs are stored as they are (already compressed); text is deflated. Timestamps are the export's, so the archive is reproducible. */
export function zipArchive(files: readonly ExportFile[], at: Date): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) {
    const bytes = typeof f.content === 'string' ? strToU8(f.content) : f.content;
    entries[f.path] = [bytes, { level: f.path.endsWith('.pdf') ? 0 : 6, mtime: at }];
  }
  return zipSync(entries);
}
