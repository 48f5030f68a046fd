// The decision links' HMAC key: a Parameter Store SecureString in AWS (created on first use), a file locally.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';

const fresh = () => randomBytes(32).toString('base64url');

/** In AWS: the SecureString parameter `name`, created with a fresh key on first use. */
export async function linkKeyFromParameter(ssm: SSMClient, name: string): Promise<Uint8Array> {
  const read = async () => (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter?.Value;
  try {
    const value = await read();
    if (value) return Buffer.from(value, 'base64url');
  } catch (error) {
    if (!(error instanceof ParameterNotFound)) throw error;
  }
  try {
    await ssm.send(new PutParameterCommand({ Name: name, Type: 'SecureString', Value: fresh(), Overwrite: false, Description: 'HMAC key of supervisors\' decision links' }));
  } catch (error) {
    if (!(error instanceof ParameterAlreadyExists)) throw error; // another function created it first: use theirs
  }
  return Buffer.from((await read())!, 'base64url');
}

/** Locally: `<dir>/link-key`, created once (exclusive create; a concurrent creator's key wins). */
export function linkKeyFile(dir: string): Uint8Array {
  const path = join(dir, 'link-key');
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  } catch {
    mkdirSync(dirname(path), { recursive: true });
    try { writeFileSync(path, fresh(), { flag: 'wx', mode: 0o600 }); } catch { /* created meanwhile */ }
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  }
}
