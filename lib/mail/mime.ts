// RFC 5322 / MIME rendering of a MailMessage: UTF-8 bodies in base64, RFC 2047 encoded subjects, CRLF lines.
import { randomUUID } from 'node:crypto';
import type { MailMessage } from './mailer.js';

const CRLF = '\r\n';

function base64Lines(data: Uint8Array | string): string {
  const b64 = Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data).toString('base64');
  return (b64.match(/.{1,76}/g) ?? ['']).join(CRLF);
}

/** RFC 2047 encoded words (B encoding), each ≤ 75 characters, never splitting a character. */
export function encodeHeaderWord(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function part(contentType: string, data: Uint8Array | string, extra: string[] = []): string {
  return [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', ...extra, '', base64Lines(data)].join(CRLF);
}

function multipart(subtype: string, parts: string[]): { type: string; body: string } {
  const boundary = `=_${randomUUID()}`;
  return {
    type: `multipart/${subtype}; boundary="${boundary}"`,
    body: [...parts.map((p) => `--${boundary}${CRLF}${p}`), `--${boundary}--`, ''].join(CRLF),
  };
}

/** The whole message as RFC 5322 text (what SES sends raw and what the local outbox stores as .eml). */
export function renderMime(message: MailMessage, from: string, options: { date?: Date; messageId?: string } = {}): string {
  const textPart = part('text/plain; charset=UTF-8', message.text);
  let content: { type: string; body: string } = { type: 'text/plain; charset=UTF-8', body: base64Lines(message.text) };
  if (message.html) content = multipart('alternative', [textPart, part('text/html; charset=UTF-8', message.html)]);
  if (message.attachments?.length) {
    const first = message.html ? `Content-Type: ${content.type}${CRLF}${CRLF}${content.body}` : textPart;
    content = multipart('mixed', [first, ...message.attachments.map((a) => {
      const name = encodeHeaderWord(a.filename).replace(/"/g, '');
      return part(`${a.contentType}; name="${name}"`, a.content, [`Content-Disposition: attachment; filename="${name}"`]);
    })]);
  }
  const domain = from.split('@')[1]?.replace(/>.*$/, '') ?? 'localhost';
  const headers = [
    `From: ${from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeaderWord(message.subject)}`,
    `Date: ${(options.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${options.messageId ?? randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    `Content-Type: ${content.type}`,
    ...(content.type.startsWith('text/') ? ['Content-Transfer-Encoding: base64'] : []),
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${content.body}`;
}
