// DATA: CSP (Central Statistical Bureau) AREA codes of table IRD041 → ISO 3166-2:LV codes of the municipality registry.
//
// Provenance: the state-city codes LV0001000…LV0007000, Madona LV0038000, Varakļāni LV0055000 and merged
// Madona LV0038001 are in shared/DOMAIN.md §3 (marked unverified there). The novads codes follow the
// ATVK 2021 classification (alphabetical, LV0020000…LV0056000, LV0050000 unused) and agree across two
// independent public code bases that query the CSP PxWeb API (one lists LV0020000…LV0056000 without
// LV0050000; the other confirms Jēkabpils LV0031000, Madona LV0038000, Ogre LV0040000, Valmiera
// LV0054000, Varakļāni LV0055000). NOT confirmed against CSP's own IRD041 metadata: check
// `GET https://data.stat.gov.lv/api/v1/lv/OSP_PUB/POP/IR/IRD/IRD041` (AREA values) before a real run.
// ISO codes are also accepted directly wherever an AREA code is expected.

export interface AreaCodeEntry {
  csp: string;
  iso: string;
  /** The code stands for the municipality only for reference dates in [from, to] (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
}

/** Madona before its merger with Varakļāni, and after it (the registry keeps LV-059 for both). */
const MADONA_MERGER = '2025-07-01';

export const CSP_AREA_CODES: readonly AreaCodeEntry[] = [
  { csp: 'LV0001000', iso: 'LV-RIX' },
  { csp: 'LV0002000', iso: 'LV-DGV' },
  { csp: 'LV0003000', iso: 'LV-JEL' },
  { csp: 'LV0004000', iso: 'LV-JUR' },
  { csp: 'LV0005000', iso: 'LV-LPX' },
  { csp: 'LV0006000', iso: 'LV-REZ' },
  { csp: 'LV0007000', iso: 'LV-VEN' },
  { csp: 'LV0020000', iso: 'LV-002' }, // Aizkraukles
  { csp: 'LV0021000', iso: 'LV-007' }, // Alūksnes
  { csp: 'LV0022000', iso: 'LV-111' }, // Augšdaugavas
  { csp: 'LV0023000', iso: 'LV-011' }, // Ādažu
  { csp: 'LV0024000', iso: 'LV-015' }, // Balvu
  { csp: 'LV0025000', iso: 'LV-016' }, // Bauskas
  { csp: 'LV0026000', iso: 'LV-022' }, // Cēsu
  { csp: 'LV0027000', iso: 'LV-112' }, // Dienvidkurzemes
  { csp: 'LV0028000', iso: 'LV-026' }, // Dobeles
  { csp: 'LV0029000', iso: 'LV-033' }, // Gulbenes
  { csp: 'LV0030000', iso: 'LV-041' }, // Jelgavas
  { csp: 'LV0031000', iso: 'LV-042' }, // Jēkabpils
  { csp: 'LV0032000', iso: 'LV-047' }, // Krāslavas
  { csp: 'LV0033000', iso: 'LV-050' }, // Kuldīgas
  { csp: 'LV0034000', iso: 'LV-052' }, // Ķekavas
  { csp: 'LV0035000', iso: 'LV-054' }, // Limbažu
  { csp: 'LV0036000', iso: 'LV-056' }, // Līvānu
  { csp: 'LV0037000', iso: 'LV-058' }, // Ludzas
  { csp: 'LV0038000', iso: 'LV-059', to: '2025-06-30' }, // Madonas (before the merger)
  { csp: 'LV0038001', iso: 'LV-059', from: MADONA_MERGER }, // Madonas (merged with Varakļānu)
  { csp: 'LV0039000', iso: 'LV-062' }, // Mārupes
  { csp: 'LV0040000', iso: 'LV-067' }, // Ogres
  { csp: 'LV0041000', iso: 'LV-068' }, // Olaines
  { csp: 'LV0042000', iso: 'LV-073' }, // Preiļu
  { csp: 'LV0043000', iso: 'LV-077' }, // Rēzeknes
  { csp: 'LV0044000', iso: 'LV-080' }, // Ropažu
  { csp: 'LV0045000', iso: 'LV-087' }, // Salaspils
  { csp: 'LV0046000', iso: 'LV-088' }, // Saldus
  { csp: 'LV0047000', iso: 'LV-089' }, // Saulkrastu
  { csp: 'LV0048000', iso: 'LV-091' }, // Siguldas
  { csp: 'LV0049000', iso: 'LV-094' }, // Smiltenes
  { csp: 'LV0051000', iso: 'LV-097' }, // Talsu
  { csp: 'LV0052000', iso: 'LV-099' }, // Tukuma
  { csp: 'LV0053000', iso: 'LV-101' }, // Valkas
  { csp: 'LV0054000', iso: 'LV-113' }, // Valmieras
  { csp: 'LV0055000', iso: 'LV-102', to: '2025-06-30' }, // Varakļānu
  { csp: 'LV0056000', iso: 'LV-106' }, // Ventspils novads
];

export type AreaKind =
  | { kind: 'municipality'; iso: string }
  /** A code that means something else at this level or date: the country, a region, a town or parish, a superseded unit. */
  | { kind: 'other' }
  | { kind: 'unknown' };

const COUNTRY_OR_REGION = /^LV(?:0[0-9A-Z]{2})?$/; // LV, LV00A (statistical regions)
const SUB_MUNICIPAL = /^LV0[0-9]{6}$/; // towns, parishes, neighbourhoods: same width, tail ≠ 000

/** What an AREA value (CSP or ISO code) means on the reference date, given the registry's codes. */
export function classifyArea(code: string, referenceDate: string, isoCodes: ReadonlySet<string>): AreaKind {
  if (isoCodes.has(code)) return { kind: 'municipality', iso: code };
  const matches = CSP_AREA_CODES.filter((e) => e.csp === code);
  const current = matches.find((e) => (e.from ?? '0000-00-00') <= referenceDate && referenceDate <= (e.to ?? '9999-12-31'));
  if (current) return { kind: 'municipality', iso: current.iso };
  if (matches.length > 0 || COUNTRY_OR_REGION.test(code)) return { kind: 'other' };
  if (SUB_MUNICIPAL.test(code) && !code.endsWith('000')) return { kind: 'other' };
  return { kind: 'unknown' };
}
