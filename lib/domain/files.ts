// The BlobStore port: short-lived pre-signed upload/download URLs and a metadata probe (S3 in AWS, files locally; lib/files).

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the client must send unchanged: they are part of the signature (type and exact size). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface PresignedDownload {
  url: string;
  expiresAt: string;
}

export interface BlobStore {
  presignUpload(key: string, blob: { contentType: string; sizeBytes: number }, expiresInSeconds: number): Promise<PresignedUpload>;
  presignDownload(key: string, options: { filename: string; expiresInSeconds: number }): Promise<PresignedDownload>;
  /** What was actually uploaded under `key`, or undefined while nothing was. */
  head(key: string): Promise<{ contentType: string; sizeBytes: number } | undefined>;
}
