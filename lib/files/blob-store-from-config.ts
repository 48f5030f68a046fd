// Picks the BlobStore for this process: S3 when FILES_BUCKET is configured, else the local file store.
import { S3Client } from '@aws-sdk/client-s3';
import { config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

export async function blobStoreFromConfig(): Promise<BlobStore> {
  const { FILES_BUCKET, FILES_DIR, LOCAL_FILES_SECRET, LOCAL_FILES_BASE_URL, AWS_REGION, STAGE } = config();
  if (FILES_BUCKET) return new S3BlobStore(new S3Client({ region: AWS_REGION }), FILES_BUCKET);
  if (STAGE === 'aws' || !FILES_DIR || !LOCAL_FILES_SECRET || !LOCAL_FILES_BASE_URL) {
    throw new Error('Invalid environment: FILES_BUCKET is required (or, locally, FILES_DIR, LOCAL_FILES_SECRET and LOCAL_FILES_BASE_URL)');
  }
  const { LocalBlobStore } = await import('../local/file-store.js');
  return new LocalBlobStore(FILES_DIR, LOCAL_FILES_BASE_URL, LOCAL_FILES_SECRET);
}
