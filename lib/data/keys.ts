// Every key of every item is built here and nowhere else (see table.ts for the access patterns).

export const keys = {
  municipality: (code: string) => ({ pk: `MUNI#${code}`, sk: 'PROFILE' }),
  municipalityYouthContact: (code: string) => ({ pk: `MUNI#${code}`, sk: 'CONTACT#YOUTH' }),
  municipalityListing: (code: string) => ({ gsi1pk: 'MUNICIPALITIES', gsi1sk: code }),
  municipalitiesCollection: () => ({ gsi1pk: 'MUNICIPALITIES' }),
  /** The published (current) allocation line of one municipality: written by allocation publishing, read as the application ceiling. */
  publishedAllocation: (code: string) => ({ pk: 'ALLOCATION#CURRENT', sk: `MUNI#${code}` }),
  user: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  /** Project application: the head (state + working content) and its frozen versions share one partition. */
  applicationHead: (id: string) => ({ pk: `APP#${id}`, sk: 'HEAD' }),
  applicationVersion: (id: string, version: number) => ({ pk: `APP#${id}`, sk: `VERSION#${String(version).padStart(4, '0')}` }),
  applicationVersionsPrefix: (id: string) => ({ pk: `APP#${id}`, skPrefix: 'VERSION#' }),
  applicationAttachment: (id: string, attachmentId: string) => ({ pk: `APP#${id}`, sk: `ATTACH#${attachmentId}` }),
  applicationAttachmentsPrefix: (id: string) => ({ pk: `APP#${id}`, skPrefix: 'ATTACH#' }),
  /** Object key of an attachment's bytes in the file store (S3 bucket or local files directory). */
  applicationAttachmentBlob: (id: string, attachmentId: string) => `applications/${id}/${attachmentId}`,
  applicationOfMunicipality: (code: string, createdAt: string, id: string) => ({ gsi1pk: `APPS#${code}`, gsi1sk: `${createdAt}#${id}` }),
  applicationsOfMunicipality: (code: string) => ({ gsi1pk: `APPS#${code}` }),
  applicationInQueue: (status: string, cohort: number, since: string, id: string) => ({ gsi2pk: `APPQ#${status}#C${cohort}`, gsi2sk: `${since}#${id}` }),
  applicationQueue: (status: string, cohort: number) => ({ gsi2pk: `APPQ#${status}#C${cohort}` }),
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
  application: 'Application',
  applicationVersion: 'ApplicationVersion',
  applicationAttachment: 'ApplicationAttachment',
  allocationPointer: 'AllocationPointer',
  allocationRun: 'AllocationRun',
  headcountDataset: 'HeadcountDataset',
} as const;
