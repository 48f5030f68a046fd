// Every key of every item is built here and nowhere else (see table.ts for the access patterns).

export const keys = {
  municipality: (code: string) => ({ pk: `MUNI#${code}`, sk: 'PROFILE' }),
  municipalityYouthContact: (code: string) => ({ pk: `MUNI#${code}`, sk: 'CONTACT#YOUTH' }),
  municipalityListing: (code: string) => ({ gsi1pk: 'MUNICIPALITIES', gsi1sk: code }),
  municipalitiesCollection: () => ({ gsi1pk: 'MUNICIPALITIES' }),
  /** The published (current) allocation line of one municipality: written by allocation publishing, read as the application ceiling. */
  publishedAllocation: (code: string) => ({ pk: 'ALLOCATION#CURRENT', sk: `MUNI#${code}` }),
  user: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  /** Every published allocation line (query pk, sk begins_with). */
  publishedAllocationLines: () => ({ pk: 'ALLOCATION#CURRENT', skPrefix: 'MUNI#' }),
  /** Which run is current, with a version every publication bumps (serialises concurrent publications). */
  currentAllocationPointer: () => ({ pk: 'ALLOCATION#CURRENT', sk: 'POINTER' }),
  /** One stored allocation run (draft or published) with its parameters and lines. */
  allocationRun: (id: string) => ({ pk: `ALLOC#RUN#${id}`, sk: 'RUN' }),
  allocationRunListing: (createdAt: string, id: string) => ({ gsi1pk: 'ALLOC#RUNS', gsi1sk: `${createdAt}#${id}` }),
  /** One imported youth head-count dataset with its provenance and per-municipality lines. */
  headcountDataset: (id: string) => ({ pk: `HEADCOUNT#${id}`, sk: 'DATASET' }),
  headcountDatasetListing: (importedAt: string, id: string) => ({ gsi1pk: 'HEADCOUNT#DATASETS', gsi1sk: `${importedAt}#${id}` }),
} as const;

export const ENTITY = {
  municipality: 'Municipality',
  youthContact: 'YouthContact',
  user: 'User',
  publishedAllocation: 'PublishedAllocation',
  allocationPointer: 'AllocationPointer',
  allocationRun: 'AllocationRun',
  headcountDataset: 'HeadcountDataset',
} as const;
