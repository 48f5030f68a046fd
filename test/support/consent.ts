// e2e helpers for guardian consent: a coordinator's paper consent (scan upload + record), and reading a consent email's link.
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Caller, Signer } from './hours-api.js';

/** A tiny PDF standing in for the scan of a signed form. */
export const SCAN = Buffer.from('%PDF-1.4\n% piekrišana — parakstīta veidlapa\n%%EOF\n', 'utf8');

/** A coordinator of the municipality uploads a scan and records the guardian's paper consent for the youth. */
export async function aPaperConsent(
  call: Caller, sign: Signer, municipality: string, volunteerId: string,
  consent: { name: string; relation: string; date: string }, coordinator?: string,
): Promise<{ status: number; json: any; text: string }> {
  const token = coordinator ?? await sign({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality });
  const asked = await call('POST', `/v1/guardian-consents/${volunteerId}/scan`, { token, body: { contentType: 'application/pdf', sizeBytes: SCAN.length } });
  if (asked.status !== 201) return asked;
  const put = await fetch(asked.json.upload.url, { method: 'PUT', headers: asked.json.upload.headers, body: SCAN });
  if (!put.ok) throw new Error(`scan upload failed: ${put.status}`);
  return call('PUT', `/v1/guardian-consents/${volunteerId}`, {
    token, body: { guardian: { name: consent.name, relation: consent.relation }, signedOn: consent.date, scanId: asked.json.scanId },
  });
}

/** The decoded text of the local outbox's consent email for the link `nonce`'s message, or undefined while none. */
async function decodedMails(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'outbox');
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: string[] = [];
  for (const name of names.filter((n) => n.startsWith('consent-'))) {
    const eml = await readFile(join(dir, name), 'utf8');
    const [head, ...rest] = eml.split('\r\n\r\n');
    const body = rest.join('\r\n\r\n');
    out.push(`${head}\n${/base64/i.test(head ?? '') ? Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') : body}`);
  }
  return out;
}

/** The consent link (path /c/<token>) mailed to `email`, newest first by the mail's token, or undefined. */
export async function consentLinkMailedTo(dataDir: string, email: string): Promise<{ path: string; mail: string } | undefined> {
  for (const mail of await decodedMails(dataDir)) {
    if (!mail.includes(`To: ${email}`) && !mail.includes(`<${email}>`)) continue;
    const m = /\/c\/([A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\?lang=lv/.exec(mail);
    if (m) return { path: `/c/${m[1]}`, mail };
  }
  return undefined;
}
