// Certificate codes: unique, human-typable identifiers such as `LV042-2025-7K3Q-M9XD` with a check character.
import type { Bilingual } from '../errors.js';

/**
 * Shape: `<municipality>-<year>-<4 body chars>-<3 body chars + 1 check char>`.
 *
 * - municipality: the ISO 3166-2:LV code without its hyphen (LV-042 → `LV042`, LV-RIX → `LVRIX`);
 * - year: the certificate's calendar year (four digits);
 * - body: 7 random characters from {@link BODY_ALPHABET} (Crockford base32: no I, L, O, U) and one
 *   check character from the same alphabet.
 *
 * The check is a weighted sum modulo the prime 37 over the whole code without hyphens (17 characters,
 * each read as its value in 0–9A–Z, i.e. 0…35), with weights 2^k (2 is a primitive root mod 37, so the
 * 17 weights are distinct and non-zero). A code is valid when the sum is ≡ 0 (mod 37). Because every
 * character value is < 37 and every weight is a unit mod 37, any single-character substitution changes
 * the sum; because adjacent weights differ (w·(2−1) ≠ 0), any transposition of two different adjacent
 * characters changes it too (and, since 2² ≠ 1 mod 37, so does a jump transposition a·c → c·a).
 * The check value is one of 37 residues but only 32 are printable body characters, so {@link generate}
 * redraws the 7 random characters when the required check value is not in the alphabet (5 in 37 draws).
 * Uniqueness is probabilistic (32^7 ≈ 3.4·10^10 bodies per municipality and year); the store must still
 * insert a code with a condition that it does not exist and draw again on collision.
 */
export const BODY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VALUE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MODULUS = 37;
const BASE_WEIGHT = 2;
const RANDOM_CHARS = 7;

/** Randomness as a port, so tests are deterministic; `int(n)` returns a uniform integer in [0, n). */
export interface RandomSource {
  int(maxExclusive: number): number;
}

/** A certificate code in canonical form (upper case, hyphenated, no confusable letters). */
export type CertificateCode = string & { readonly __brand: 'CertificateCode' };

export type CodeInvalidReason = 'empty' | 'format' | 'municipality' | 'year' | 'alphabet' | 'check';

export type CodeValidation =
  | { ok: true; code: CertificateCode; municipality: string; year: number }
  | { ok: false; reason: CodeInvalidReason; message: Bilingual };

const MESSAGES: Record<CodeInvalidReason, Bilingual> = {
  empty: { lv: 'Apliecinājuma kods nav norādīts', en: 'The certificate code is missing' },
  format: {
    lv: 'Apliecinājuma kodam jābūt formā LV042-2025-7K3Q-M9XD',
    en: 'The certificate code must look like LV042-2025-7K3Q-M9XD',
  },
  municipality: {
    lv: 'Koda sākumā jābūt pašvaldības kodam, piemēram, LV042 vai LVRIX',
    en: 'The code must start with a municipality code such as LV042 or LVRIX',
  },
  year: { lv: 'Kodā jābūt gadam no 2000 līdz 2099', en: 'The code must contain a year between 2000 and 2099' },
  alphabet: {
    lv: 'Koda pēdējās astoņas rakstzīmes var būt tikai cipari un burti bez I, L, O, U',
    en: 'The last eight characters may only be digits and letters other than I, L, O, U',
  },
  check: {
    lv: 'Apliecinājuma kods nav pareizs: pārbaudiet, vai tas ievadīts bez kļūdām',
    en: 'The certificate code is not correct: check that it was typed without mistakes',
  },
};

/** ISO 3166-2:LV municipality code → code prefix (`LV-042` → `LV042`). */
export function municipalityPart(isoCode: string): string {
  if (!/^LV-(?:[0-9]{3}|[A-Z]{3})$/.test(isoCode)) throw new RangeError(`not an ISO 3166-2:LV code: ${isoCode}`);
  return isoCode.replace('-', '');
}

function checksum(chars: string): number {
  let sum = 0;
  for (const ch of chars) {
    const v = VALUE_ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`character outside 0-9A-Z: ${ch}`);
    // Horner's rule: sum = Σ v_i · 2^(n−1−i) mod 37.
    sum = (sum * BASE_WEIGHT + v) % MODULUS;
  }
  return sum;
}

/** The check character that makes `prefix + body7` valid, or null when the required value is not printable. */
function checkCharacter(unhyphenated16: string): string | null {
  // Appending c gives 2·s + v(c) ≡ 0  ⇒  v(c) ≡ −2·s (mod 37).
  const needed = (MODULUS - ((checksum(unhyphenated16) * BASE_WEIGHT) % MODULUS)) % MODULUS;
  const ch = VALUE_ALPHABET[needed];
  return ch !== undefined && BODY_ALPHABET.includes(ch) ? ch : null;
}

/** Draws a fresh code for a municipality (ISO code) and year. */
export function generate(random: RandomSource, isoMunicipality: string, year: number): CertificateCode {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`year out of range: ${year}`);
  const prefix = `${municipalityPart(isoMunicipality)}${year}`;
  for (;;) {
    let body = '';
    for (let i = 0; i < RANDOM_CHARS; i++) body += BODY_ALPHABET[random.int(BODY_ALPHABET.length)];
    const check = checkCharacter(prefix + body);
    if (check !== null) return format(prefix + body + check);
  }
}

function format(unhyphenated: string): CertificateCode {
  const m = unhyphenated.slice(0, 5);
  const y = unhyphenated.slice(5, 9);
  const b = unhyphenated.slice(9);
  return `${m}-${y}-${b.slice(0, 4)}-${b.slice(4)}` as CertificateCode;
}

const CONFUSABLE_DIGITS: Record<string, string> = { O: '0', I: '1', L: '1' };
const toDigits = (s: string) => s.replace(/[OIL]/g, (c) => CONFUSABLE_DIGITS[c]!);

/**
 * Canonical spelling of what a person typed: upper case, whitespace and hyphens (incl. en/em dashes)
 * dropped, then hyphens put back. O → 0 and I/L → 1 in the year and the body; in the municipality part
 * only when it is a numeric code (`LVO42` → `LV042`) — letter codes such as `LVRIX` keep their letters.
 * Returns the cleaned input unchanged in length when it has not 17 characters (validate reports why).
 */
export function normalise(input: string): string {
  const compact = input.toUpperCase().replace(/[\s\-‐‑‒–—_]/g, '');
  if (compact.length !== 17) return compact;
  let muni = compact.slice(0, 5);
  const muniTail = muni.slice(2);
  if (/[0-9]/.test(muniTail)) muni = muni.slice(0, 2) + toDigits(muniTail);
  return format(muni + toDigits(compact.slice(5, 9)) + toDigits(compact.slice(9)));
}

const fail = (reason: CodeInvalidReason): CodeValidation => ({ ok: false, reason, message: MESSAGES[reason] });

/** Normalises and checks a typed code; on success returns the canonical code and what it encodes. */
export function validate(input: string): CodeValidation {
  if (input.trim() === '') return fail('empty');
  const canonical = normalise(input);
  if (!/^[A-Z0-9]{5}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(canonical)) return fail('format');
  const [muni, yearText, b1, b2] = canonical.split('-') as [string, string, string, string];
  if (!/^LV(?:[0-9]{3}|[A-Z]{3})$/.test(muni)) return fail('municipality');
  if (!/^20[0-9]{2}$/.test(yearText)) return fail('year');
  const body = b1 + b2;
  for (const ch of body) if (!BODY_ALPHABET.includes(ch)) return fail('alphabet');
  if (checksum(muni + yearText + body) !== 0) return fail('check');
  return { ok: true, code: canonical as CertificateCode, municipality: `LV-${muni.slice(2)}`, year: Number(yearText) };
}

/** Random source backed by the platform CSPRNG (rejection-sampled, unbiased). */
export const cryptoRandom: RandomSource = {
  int(maxExclusive) {
    const limit = Math.floor(0x1_0000_0000 / maxExclusive) * maxExclusive;
    const buf = new Uint32Array(1);
    for (;;) {
      crypto.getRandomValues(buf);
      if (buf[0]! < limit) return buf[0]! % maxExclusive;
    }
  },
};
