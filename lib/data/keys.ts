// Every key of every item is built here and nowhere else (see table.ts for the access patterns).

export const keys = {
  municipality: (code: string) => ({ pk: `MUNI#${code}`, sk: 'PROFILE' }),
  municipalityYouthContact: (code: string) => ({ pk: `MUNI#${code}`, sk: 'CONTACT#YOUTH' }),
  municipalityListing: (code: string) => ({ gsi1pk: 'MUNICIPALITIES', gsi1sk: code }),
  municipalitiesCollection: () => ({ gsi1pk: 'MUNICIPALITIES' }),
  /** The published (current) allocation line of one municipality: written by allocation publishing, read as the application ceiling. */
  publishedAllocation: (code: string) => ({ pk: 'ALLOCATION#CURRENT', sk: `MUNI#${code}` }),
  user: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
} as const;

export const ENTITY = {
  municipality: 'Municipality',
  youthContact: 'YouthContact',
  user: 'User',
  publishedAllocation: 'PublishedAllocation',
} as const;
