// The emails the local stack wrote (its .eml outbox): text, subject and, for invitations, the link, for the e2e tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The local outbox's emails whose idempotency key (the file name) starts with `prefix`: decoded text and subject. */
export function mailsNamed(prefix: string): { text: string; subject: string }[] {
  const outbox = join(inject('e2eDataDir'), 'outbox');
  const files = (existsSync(outbox) ? readdirSync(outbox) : []).filter((f) => f.startsWith(prefix));
  return files.map((f) => {
    const eml = readFileSync(join(outbox, f), 'utf8');
    const text = Buffer.from(eml.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
    const subjectWords = /^Subject: (.*(?:\r\n .*)*)/m.exec(eml)![1]!.split(/\r\n /);
    const subject = subjectWords.map((w) => {
      const encoded = /=\?UTF-8\?B\?(.*)\?=/.exec(w);
      return encoded ? Buffer.from(encoded[1]!, 'base64').toString('utf8') : w;
    }).join('');
    return { text, subject };
  });
}

/** The invitation email of one (re)send: its text and the link's token. */
export function mailOf(invitationId: string): { text: string; subject: string; token: string; link: URL }[] {
  return mailsNamed(`invitation-${invitationId}-`).map(({ text, subject }) => {
    const link = new URL(/https?:\/\/\S+/.exec(text)![0]);
    return { text, subject, token: link.searchParams.get('token')!, link };
  });
}
