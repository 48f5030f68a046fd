// The Mailer adapter for AWS: Amazon SES v2, raw MIME so attachments and encodings are ours to control.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, MailMessage } from './mailer.js';
import { renderMime } from './mime.js';
import { isUndeliverable, UNDELIVERABLE } from '../domain/mail.js';

export class SesMailer implements Mailer {
  constructor(private readonly client: SESv2Client, private readonly sender: string) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    if (isUndeliverable(message.to)) return UNDELIVERABLE;
    const raw = renderMime(message, this.sender);
    const res = await this.client.send(new SendEmailCommand({
      FromEmailAddress: this.sender,
      Destination: { ToAddresses: [message.to] },
      Content: { Raw: { Data: Buffer.from(raw, 'utf8') } },
    }));
    return { messageId: res.MessageId ?? 'unknown' };
  }
}
