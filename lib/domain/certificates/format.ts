// Certificate wording: hours, dates and place names as Latvian (and English) readers expect them.

export type Language = 'lv' | 'en';

/**
 * Short duration with SI symbols, the same in both languages: "62 h 30 min", "60 h", "0 h 45 min".
 * Chosen for the certificate's headline figure: unambiguous, no declension, no decimal comma to misread.
 */
export function formatHoursShort(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative integer: ${minutes}`);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Latvian number agreement: 1, 21, 31 … (but not 11) take the singular ("21 stunda", "11 stundas"). */
const lvSingular = (n: number) => n % 10 === 1 && n % 100 !== 11;

/** Spelled-out duration: "62 stundas 30 minūtes", "21 stunda 1 minūte" / "62 hours 30 minutes", "1 hour". */
export function formatHoursLong(minutes: number, language: Language): string {
  formatHoursShort(minutes);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (language === 'lv') {
    if (h > 0 || m === 0) parts.push(`${h} ${lvSingular(h) ? 'stunda' : 'stundas'}`);
    if (m > 0) parts.push(`${m} ${lvSingular(m) ? 'minūte' : 'minūtes'}`);
  } else {
    if (h > 0 || m === 0) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
    if (m > 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  }
  return parts.join(' ');
}

const LV_MONTHS_LOCATIVE = ['janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā', 'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parseDate(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) throw new RangeError(`not a calendar date: ${iso}`);
  return [y, mo, d];
}

/** "Issued on …": "2026. gada 15. janvārī" (locative, as after "izsniegts") / "15 January 2026". */
export function formatIssueDate(iso: string, language: Language): string {
  const [y, mo, d] = parseDate(iso);
  return language === 'lv' ? `${y}. gada ${d}. ${LV_MONTHS_LOCATIVE[mo - 1]}` : `${d} ${EN_MONTHS[mo - 1]} ${y}`;
}

/** Numeric date: "01.03.2025." (Latvian, with the closing dot) / "01/03/2025" (English, day first). */
export function formatNumericDate(iso: string, language: Language): string {
  const [y, mo, d] = parseDate(iso);
  const dd = String(d).padStart(2, '0');
  const mm = String(mo).padStart(2, '0');
  return language === 'lv' ? `${dd}.${mm}.${y}.` : `${dd}/${mm}/${y}`;
}

/**
 * "in the municipality": Latvian locative of the official names in the registry ("Jēkabpils novads" →
 * "Jēkabpils novadā", "Rīgas valstspilsēta" → "Rīgas valstspilsētā"); other names are kept as written.
 */
export function municipalityLocativeLv(name: string): string {
  if (name.endsWith(' novads')) return `${name.slice(0, -'novads'.length)}novadā`;
  if (name.endsWith(' valstspilsēta')) return `${name.slice(0, -'valstspilsēta'.length)}valstspilsētā`;
  return name;
}
