// The local Mailer: every message becomes an RFC 5322 .eml file in <dataDir>/outbox/, openable in any mail client.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import { renderMime } from '../mail/mime.js';

export class OutboxMailer implements Mailer {
  constructor(private readonly dir: string, private readonly sender = 'Jaunatnes platforma <no-reply@jaunatne.local>') {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    const now = new Date();
    await mkdir(this.dir, { recursive: true });
    const file = `${now.toISOString().replace(/[:.]/g, '-')}-${messageId}.eml`;
    await writeFile(join(this.dir, file), renderMime(message, this.sender, { date: now, messageId }), 'utf8');
    return { messageId };
  }
}
