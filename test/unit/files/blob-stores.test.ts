import { S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../../lib/files/s3-blob-store.js';
import { LocalBlobStore, signGrant, verifyGrant } from '../../../lib/local/file-store.js';

const s3 = new S3BlobStore(new S3Client({ region: 'eu-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }), 'jaunatne-files');

describe('S3 pre-signed URLs', () => {
  it('signs the upload’s content type and length, so S3 refuses any other type or size', async () => {
    const upload = await s3.presignUpload('applications/a/b', { contentType: 'application/pdf', sizeBytes: 1234 }, 300);
    const url = new URL(upload.url);
    expect(url.hostname).toBe('jaunatne-files.s3.eu-north-1.amazonaws.com');
    expect(url.pathname).toBe('/applications/a/b');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';').sort()).toEqual(['content-length', 'content-type', 'host']);
    expect(upload.headers).toEqual({ 'content-type': 'application/pdf', 'content-length': '1234' });
  });

  it('signs downloads that name the file in UTF-8', async () => {
    const { url } = await s3.presignDownload('applications/a/b', { filename: 'tāme.xlsx', expiresInSeconds: 300 });
    expect(new URL(url).searchParams.get('response-content-disposition')).toBe("attachment; filename*=UTF-8''t%C4%81me.xlsx");
  });
});

describe('local file-store grants', () => {
  const secret = 'a-local-secret-of-some-length';

  it.each([
    ['a valid grant', (t: string) => t, 1_000, true],
    ['an expired grant', (t: string) => t, 61_000, false],
    ['a grant signed with another secret', () => signGrant('another-secret-of-some-length', { k: 'k', m: 'PUT', exp: 60 }), 1_000, false],
    ['a tampered payload', (t: string) => `${Buffer.from(JSON.stringify({ k: 'other', m: 'PUT', exp: 60 })).toString('base64url')}.${t.split('.')[1]}`, 1_000, false],
    ['garbage', () => 'not-a-token', 1_000, false],
  ])('accepts only %s', (_, tamper, nowMs, valid) => {
    const token = tamper(signGrant(secret, { k: 'k', m: 'PUT', exp: 60 }));
    expect(verifyGrant(secret, token, nowMs) !== undefined).toBe(valid);
  });

  it('refuses keys that would escape the files directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'files-'));
    try {
      const store = new LocalBlobStore(dir, 'http://127.0.0.1:1', secret);
      await expect(store.presignUpload('../etc/passwd', { contentType: 'application/pdf', sizeBytes: 1 }, 60)).rejects.toThrow(/unsafe/);
      await expect(store.presignUpload('/abs', { contentType: 'application/pdf', sizeBytes: 1 }, 60)).rejects.toThrow(/unsafe/);
      expect(await store.head('applications/x/y')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
