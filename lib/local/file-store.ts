// The local BlobStore: files under <dataDir>/files/, "pre-signed" URLs served by the gateway at /_local/files/<token>
// where the token is an HMAC-signed, expiring grant for one key, one method, one content type and one size.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import type { BlobStore, PresignedDownload, PresignedUpload } from '../files/blob-store.js';
import { safePath } from '../files/safe-path.js';

export const LOCAL_FILES_PREFIX = '/_local/files/';

interface Grant {
  k: string;
  m: 'PUT' | 'GET';
  exp: number;
  ct?: string;
  len?: number;
  fn?: string;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signGrant(secret: string, grant: Grant): string {
  const payload = b64(JSON.stringify(grant));
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyGrant(secret: string, token: string, nowMs = Date.now()): Grant | undefined {
  const [payload, mac] = token.split('.');
  if (!payload || !mac) return undefined;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Grant;
    return grant.exp * 1000 > nowMs ? grant : undefined;
  } catch {
    return undefined;
  }
}

export class LocalBlobStore implements BlobStore {
  constructor(private readonly dir: string, private readonly baseUrl: string, private readonly secret: string) {}

  async presignUpload(key: string, blob: { contentType: string; sizeBytes: number }, expiresIn: number): Promise<PresignedUpload> {
    safePath(this.dir, key);
    const exp = Math.floor(Date.now() / 1000) + expiresIn;
    const token = signGrant(this.secret, { k: key, m: 'PUT', exp, ct: blob.contentType, len: blob.sizeBytes });
    return {
      url: `${this.baseUrl}${LOCAL_FILES_PREFIX}${token}`, method: 'PUT',
      headers: { 'content-type': blob.contentType, 'content-length': String(blob.sizeBytes) },
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  async presignDownload(key: string, options: { filename: string; expiresInSeconds: number }): Promise<PresignedDownload> {
    const exp = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    const token = signGrant(this.secret, { k: key, m: 'GET', exp, fn: options.filename });
    return { url: `${this.baseUrl}${LOCAL_FILES_PREFIX}${token}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async head(key: string): Promise<{ contentType: string; sizeBytes: number } | undefined> {
    const file = safePath(this.dir, key);
    try {
      const [s, meta] = await Promise.all([stat(file), readFile(`${file}.meta.json`, 'utf8')]);
      return { contentType: (JSON.parse(meta) as { contentType: string }).contentType, sizeBytes: s.size };
    } catch {
      return undefined;
    }
  }
}

/**
 * The gateway's local-only handler for /_local/files/<token>: a PUT must carry exactly the signed content
 * type and length (like S3 with signed headers); a GET streams the file back. Refusals are S3-like XML-free
 * plain text with 403 (bad/expired token), 400 (header mismatch, malformed URL), 413 (too long) or 404.
 */
export function localFilesHandler(dir: string, secret: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const end = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    const raw = (req.url ?? '').split('?')[0]!.slice(LOCAL_FILES_PREFIX.length);
    let token: string;
    try {
      token = decodeURIComponent(raw);
    } catch {
      return end(400, 'malformed percent-encoding in the URL');
    }
    const grant = verifyGrant(secret, token);
    if (!grant || grant.m !== req.method) return end(403, 'signature invalid or expired');
    const file = safePath(dir, grant.k);
    if (grant.m === 'GET') {
      const meta = await readFile(`${file}.meta.json`, 'utf8').catch(() => undefined);
      if (!meta) return end(404, 'no such object');
      const { contentType } = JSON.parse(meta) as { contentType: string };
      res.writeHead(200, {
        'content-type': contentType, 'content-length': String((await stat(file)).size),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(grant.fn ?? 'file')}`,
      });
      createReadStream(file).pipe(res);
      return;
    }
    const type = (req.headers['content-type'] ?? '').trim();
    const length = Number(req.headers['content-length']);
    if (type !== grant.ct) return end(400, `content-type must be ${grant.ct}`);
    if (length !== grant.len) return end(400, `content-length must be ${grant.len}`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > grant.len!) return end(413, 'body longer than the signed content-length');
      chunks.push(chunk as Buffer);
    }
    if (size !== grant.len) return end(400, 'body shorter than the signed content-length');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.part`, Buffer.concat(chunks));
    await writeFile(`${file}.meta.json`, JSON.stringify({ contentType: type }));
    await rename(`${file}.part`, file);
    end(200, '');
  };
}

export const localFilesDir = (dataDir: string) => join(dataDir, 'files');
