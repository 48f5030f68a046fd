// The Mailer port is the domain's (lib/domain/mail.ts); re-exported for the adapters in this directory.
export type { MailAttachment, MailMessage, Mailer } from '../domain/mail.js';
