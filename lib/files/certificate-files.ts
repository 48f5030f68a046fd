// Certificate PDFs in the file store: server-side writes and reads beside the pre-signed download links (S3 or local files).
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CertificateFiles } from '../domain/certificates/ports.js';
import type { BlobStore } from './blob-store.js';
import { safePath } from './safe-path.js';

export class S3CertificateFiles implements CertificateFiles {
  constructor(private readonly client: S3Client, private readonly bucket: string, private readonly blobs: BlobStore) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return res.Body ? await res.Body.transformToByteArray() : undefined;
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.blobs.head(key)) !== undefined;
  }

  presignDownload(key: string, options: { filename: string; expiresInSeconds: number }) {
    return this.blobs.presignDownload(key, options);
  }
}

/** Writes files the way the local file store serves them (`<key>` + `<key>.meta.json`). */
export class LocalCertificateFiles implements CertificateFiles {
  constructor(private readonly dir: string, private readonly blobs: BlobStore) {}

  private path(key: string): string {
    return safePath(this.dir, key);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.path(key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.part`, bytes);
    await writeFile(`${file}.meta.json`, JSON.stringify({ contentType }));
    await rename(`${file}.part`, file);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    return readFile(this.path(key)).then((b) => new Uint8Array(b), () => undefined);
  }

  async exists(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  presignDownload(key: string, options: { filename: string; expiresInSeconds: number }) {
    return this.blobs.presignDownload(key, options);
  }
}
