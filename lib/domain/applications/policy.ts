// Policy data of the Recovery Fund call (DOMAIN.md §2): windows, end date, team size, national targets.

/**
 * Implementation windows per cohort. DOMAIN.md only says cohort 1 implements "from spring 2024" and
 * cohort 2 "from early 2025": the exact start days below are UNVERIFIED assumptions, kept as data so
 * JSPA can correct them without touching the rules. The project end (2026-04-30) is established.
 */
export interface ApplicationPolicy {
  windows: Record<1 | 2, { start: string; end: string }>;
  projectEnd: string;
  team: { min: number; max: number };
  youthAge: { min: number; max: number };
  targets: { youngPeople: number; youthWorkers: number; municipalities: number };
}

export const DEFAULT_APPLICATION_POLICY: ApplicationPolicy = {
  windows: {
    1: { start: '2024-03-01', end: '2026-04-30' }, // start: assumption for "spring 2024"
    2: { start: '2025-01-01', end: '2026-04-30' }, // start: assumption for "early 2025"
  },
  projectEnd: '2026-04-30',
  team: { min: 6, max: 8 },
  youthAge: { min: 13, max: 25 },
  targets: { youngPeople: 10_000, youthWorkers: 300, municipalities: 43 },
};

/** The funder and programme as published in 360Giving data (identifiers are local 360G- ids, not registered org-ids). */
export const GRANT_PROGRAMME = {
  funder: { id: '360G-JSPA', name: 'Jaunatnes starptautisko programmu aģentūra' },
  programme: { code: 'ANM-DDJ', title: 'Digitālā darba ar jaunatni sistēmas attīstība pašvaldībās' },
  idPrefix: '360G-JSPA-',
} as const;
