// The BlobStore adapter for AWS: pre-signed S3 PUT/GET URLs whose signature covers content type and length.
import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BlobStore, PresignedDownload, PresignedUpload } from './blob-store.js';

export class S3BlobStore implements BlobStore {
  constructor(private readonly client: S3Client, private readonly bucket: string) {}

  async presignUpload(key: string, blob: { contentType: string; sizeBytes: number }, expiresIn: number): Promise<PresignedUpload> {
    const url = await getSignedUrl(this.client, new PutObjectCommand({
      Bucket: this.bucket, Key: key, ContentType: blob.contentType, ContentLength: blob.sizeBytes,
    }), { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) });
    return {
      url, method: 'PUT',
      headers: { 'content-type': blob.contentType, 'content-length': String(blob.sizeBytes) },
      expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
    };
  }

  async presignDownload(key: string, options: { filename: string; expiresInSeconds: number }): Promise<PresignedDownload> {
    const url = await getSignedUrl(this.client, new GetObjectCommand({
      Bucket: this.bucket, Key: key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
    }), { expiresIn: options.expiresInSeconds });
    return { url, expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000).toISOString() };
  }

  async head(key: string): Promise<{ contentType: string; sizeBytes: number } | undefined> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { contentType: res.ContentType ?? 'application/octet-stream', sizeBytes: res.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }
}
