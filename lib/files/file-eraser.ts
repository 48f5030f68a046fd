// Server-side deletion in the file store: S3's DeleteObjects in AWS, the local files (and their .meta.json) otherwise.
import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { rm } from 'node:fs/promises';
import type { FileEraser } from '../domain/accounts/erasure.js';
import { safePath } from './safe-path.js';

/** DeleteObjects takes at most 1000 keys per call; a key that does not exist is no error there either. */
const BATCH = 1000;

export class S3FileEraser implements FileEraser {
  constructor(private readonly client: S3Client, private readonly bucket: string) {}

  async erase(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH) {
      const out = await this.client.send(new DeleteObjectsCommand({
        Bucket: this.bucket, Delete: { Objects: keys.slice(i, i + BATCH).map((Key) => ({ Key })), Quiet: true },
      }));
      if (out.Errors?.length) throw new Error(`files not deleted: ${out.Errors.map((e) => `${e.Key} (${e.Code})`).join(', ')}`);
    }
  }

  async erasePrefix(prefix: string): Promise<void> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      await this.erase((page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
      token = page.NextContinuationToken;
    } while (token);
  }
}

export class LocalFileEraser implements FileEraser {
  constructor(private readonly dir: string) {}

  async erase(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const file = safePath(this.dir, key);
      await Promise.all([rm(file, { force: true }), rm(`${file}.meta.json`, { force: true })]);
    }
  }

  async erasePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith('/')) throw new Error(`a prefix ends with "/": ${prefix}`);
    await rm(safePath(this.dir, prefix), { recursive: true, force: true });
  }
}
