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
