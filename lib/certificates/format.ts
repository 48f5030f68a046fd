// Certificate wording lives in the domain (lib/domain/certificates/format.ts); re-exported for the PDF renderer.
export * from '../domain/certificates/format.js';
