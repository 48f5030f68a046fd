// The Mailer port: what the domain needs to send one email (SES in AWS, .eml files in the local outbox; lib/mail).

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly MailAttachment[];
  /**
   * The same for every attempt to send this one message (e.g. the certificate's email): the local outbox keeps
   * one file per key; SES has no such key, so a send repeated after a crash arrives twice.
   */
  idempotencyKey?: string;
}

export interface Mailer {
  /** Hands the message to the mail service; resolves with the service's message id. */
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/**
 * RFC 2606 reserves `.invalid`: an address there can never receive mail (a closed account's, `closed-<sub>@closed.invalid`).
 * The mailers hand such a message to no one, so nothing bounces from a record that still names the closed address.
 */
export const UNDELIVERABLE = { messageId: 'undeliverable' } as const;
export function isUndeliverable(to: string): boolean {
  return /\.invalid$/i.test(to.trim());
}
