// The local Mailer: every message becomes an RFC 5322 .eml file in <dataDir>/outbox/, openable in any mail client.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import { renderMime } from '../mail/mime.js';
import { isUndeliverable, UNDELIVERABLE } from '../domain/mail.js';

/**
 * Files appear whole or not at all: each is written under `<outbox>.tmp/` and renamed into the outbox (same
 * file system, so the rename is atomic); a process killed mid-write leaves nothing half-written in the outbox.
 * A message with an idempotency key is the file `<key>.eml`: sending it again replaces that one file.
 */
export class OutboxMailer implements Mailer {
  constructor(private readonly dir: string, private readonly sender = 'Jaunatnes platforma <no-reply@jaunatne.local>') {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    if (isUndeliverable(message.to)) return UNDELIVERABLE;
    const messageId = randomUUID();
    const now = new Date();
    const file = message.idempotencyKey !== undefined
      ? `${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`
      : `${now.toISOString().replace(/[:.]/g, '-')}-${messageId}.eml`;
    const staging = `${this.dir}.tmp`;
    await Promise.all([mkdir(this.dir, { recursive: true }), mkdir(staging, { recursive: true })]);
    const temporary = join(staging, `${messageId}-${file}`);
    await writeFile(temporary, renderMime(message, this.sender, { date: now, messageId }), 'utf8');
    await rename(temporary, join(this.dir, file));
    return { messageId };
  }
}
