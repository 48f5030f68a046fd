// The municipality registry: reference data for the 43 municipalities (shared/DOMAIN.md §3), seeded into the table.
import type { Municipality } from './types.js';

/** The 2021 administrative-territorial reform took effect on 1 July 2021. */
const REFORM = '2021-07-01';

/**
 * Varakļānu novads joins Madonas novads (Saeima, 2024-06-13); the councils stayed separate until the
 * municipal elections of 7 June 2025 and the new Madona council took over on 1 July 2025.
 * The exact last day is not confirmed by a primary source: it is data here, not logic.
 */
const VARAKLANI_LAST_DAY = '2025-06-30';

export const MUNICIPALITIES: readonly Municipality[] = [
  { code: 'LV-DGV', name: 'Daugavpils valstspilsēta', nameEn: 'Daugavpils State City', kind: 'state-city', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-JEL', name: 'Jelgavas valstspilsēta', nameEn: 'Jelgava State City', kind: 'state-city', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-JUR', name: 'Jūrmalas valstspilsēta', nameEn: 'Jūrmala State City', kind: 'state-city', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-LPX', name: 'Liepājas valstspilsēta', nameEn: 'Liepāja State City', kind: 'state-city', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-REZ', name: 'Rēzeknes valstspilsēta', nameEn: 'Rēzekne State City', kind: 'state-city', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-RIX', name: 'Rīgas valstspilsēta', nameEn: 'Rīga State City', kind: 'state-city', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-VEN', name: 'Ventspils valstspilsēta', nameEn: 'Ventspils State City', kind: 'state-city', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-002', name: 'Aizkraukles novads', nameEn: 'Aizkraukle Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-007', name: 'Alūksnes novads', nameEn: 'Alūksne Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-011', name: 'Ādažu novads', nameEn: 'Ādaži Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-015', name: 'Balvu novads', nameEn: 'Balvi Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-016', name: 'Bauskas novads', nameEn: 'Bauska Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-022', name: 'Cēsu novads', nameEn: 'Cēsis Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-026', name: 'Dobeles novads', nameEn: 'Dobele Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-033', name: 'Gulbenes novads', nameEn: 'Gulbene Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-041', name: 'Jelgavas novads', nameEn: 'Jelgava Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-042', name: 'Jēkabpils novads', nameEn: 'Jēkabpils Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-047', name: 'Krāslavas novads', nameEn: 'Krāslava Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-050', name: 'Kuldīgas novads', nameEn: 'Kuldīga Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-052', name: 'Ķekavas novads', nameEn: 'Ķekava Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-054', name: 'Limbažu novads', nameEn: 'Limbaži Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-056', name: 'Līvānu novads', nameEn: 'Līvāni Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-058', name: 'Ludzas novads', nameEn: 'Ludza Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-059', name: 'Madonas novads', nameEn: 'Madona Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-062', name: 'Mārupes novads', nameEn: 'Mārupe Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-067', name: 'Ogres novads', nameEn: 'Ogre Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-068', name: 'Olaines novads', nameEn: 'Olaine Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-073', name: 'Preiļu novads', nameEn: 'Preiļi Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-077', name: 'Rēzeknes novads', nameEn: 'Rēzekne Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-080', name: 'Ropažu novads', nameEn: 'Ropaži Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-087', name: 'Salaspils novads', nameEn: 'Salaspils Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-088', name: 'Saldus novads', nameEn: 'Saldus Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-089', name: 'Saulkrastu novads', nameEn: 'Saulkrasti Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-091', name: 'Siguldas novads', nameEn: 'Sigulda Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-094', name: 'Smiltenes novads', nameEn: 'Smiltene Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-097', name: 'Talsu novads', nameEn: 'Talsi Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-099', name: 'Tukuma novads', nameEn: 'Tukums Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-101', name: 'Valkas novads', nameEn: 'Valka Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-102', name: 'Varakļānu novads', nameEn: 'Varakļāni Municipality', kind: 'municipality', validFrom: REFORM, validTo: VARAKLANI_LAST_DAY, mergedInto: 'LV-059' },
  { code: 'LV-106', name: 'Ventspils novads', nameEn: 'Ventspils Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-111', name: 'Augšdaugavas novads', nameEn: 'Augšdaugava Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-112', name: 'Dienvidkurzemes novads', nameEn: 'South Kurzeme Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
  { code: 'LV-113', name: 'Valmieras novads', nameEn: 'Valmiera Municipality', kind: 'municipality', validFrom: REFORM, validTo: null, mergedInto: null },
];
