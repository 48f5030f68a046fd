// The invitation emails the local stack wrote (its .eml outbox): text, subject and the link, for the e2e tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The invitation email of one (re)send: its text and the link's token. */
export function mailOf(invitationId: string): { text: string; subject: string; token: string; link: URL }[] {
  const outbox = join(inject('e2eDataDir'), 'outbox');
  const files = (existsSync(outbox) ? readdirSync(outbox) : []).filter((f) => f.startsWith(`invitation-${invitationId}-`));
  return files.map((f) => {
    const eml = readFileSync(join(outbox, f), 'utf8');
    const text = Buffer.from(eml.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
    const subjectWords = /^Subject: (.*(?:\r\n .*)*)/m.exec(eml)![1]!.split(/\r\n /);
    const subject = subjectWords.map((w) => {
      const encoded = /=\?UTF-8\?B\?(.*)\?=/.exec(w);
      return encoded ? Buffer.from(encoded[1]!, 'base64').toString('utf8') : w;
    }).join('');
    const link = new URL(/https?:\/\/\S+/.exec(text)![0]);
    return { text, subject, token: link.searchParams.get('token')!, link };
  });
}
