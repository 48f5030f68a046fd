// The BlobStore port is the domain's (lib/domain/files.ts); re-exported for the adapters in this directory.
export type { BlobStore, PresignedDownload, PresignedUpload } from '../domain/files.js';
