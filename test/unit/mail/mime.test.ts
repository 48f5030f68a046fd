import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../../lib/local/outbox-mailer.js';
import { encodeHeaderWord, renderMime } from '../../../lib/mail/mime.js';

/** Decodes RFC 2047 B-encoded words back to text (as a mail client would). */
const decodeWords = (header: string) =>
  header.replace(/\r\n /g, '').replace(/=\?UTF-8\?B\?([^?]+)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

const bodyOf = (eml: string) => eml.split('\r\n\r\n').slice(1).join('\r\n\r\n');

describe('MIME rendering', () => {
  it('leaves ASCII subjects alone and encodes Latvian ones as UTF-8 words of at most 75 characters', () => {
    expect(encodeHeaderWord('Receipt')).toBe('Receipt');
    const subject = 'Pieteikums saņemts — versija 1: Digitālais jaunatnes darbs Ķekavas novadā ar ļoti garu nosaukumu';
    const encoded = encodeHeaderWord(subject);
    for (const word of encoded.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(encoded)).toBe(subject);
  });

  it('renders a plain UTF-8 message with CRLF headers and a base64 body', () => {
    const eml = renderMime({ to: 'a@b.lv', subject: 'Ā', text: 'Labdien, ģimene!\n' }, 'JSPA <no-reply@jspa.lv>', { date: new Date('2024-02-01T10:00:00Z'), messageId: 'id-1' });
    expect(eml).toMatch(/^From: JSPA <no-reply@jspa.lv>\r\nTo: a@b.lv\r\nSubject: =\?UTF-8\?B\?xIA=\?=\r\nDate: Thu, 01 Feb 2024 10:00:00 \+0000\r\nMessage-ID: <id-1@jspa.lv>\r\nMIME-Version: 1.0\r\n/);
    expect(eml).toContain('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n');
    expect(Buffer.from(bodyOf(eml), 'base64').toString('utf8')).toBe('Labdien, ģimene!\n');
  });

  it('renders html as multipart/alternative and attachments as multipart/mixed', () => {
    const eml = renderMime({
      to: 'a@b.lv', subject: 's', text: 't', html: '<p>t</p>',
      attachments: [{ filename: 'apliecinājums.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 68, 70]) }],
    }, 'x@y.lv');
    expect(eml).toMatch(/Content-Type: multipart\/mixed; boundary="=_[0-9a-f-]+"/);
    expect(eml).toMatch(/Content-Type: multipart\/alternative; boundary=/);
    expect(eml).toContain('Content-Type: text/html; charset=UTF-8');
    expect(eml).toContain('Content-Disposition: attachment; filename="=?UTF-8?B?');
    expect(eml).toContain('JVBERg=='); // %PDF
  });
});

describe('the local outbox mailer', () => {
  it('writes one .eml file per message into the outbox directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const { messageId } = await new OutboxMailer(join(dir, 'outbox')).send({ to: 'anna@jekabpils.lv', subject: 'Pieteikums saņemts', text: 'Sveiki' });
      const files = readdirSync(join(dir, 'outbox'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(new RegExp(`${messageId}\\.eml$`));
      const eml = readFileSync(join(dir, 'outbox', files[0]!), 'utf8');
      expect(decodeWords(eml.match(/^Subject: (.*(?:\r\n .*)*)$/m)![1]!)).toBe('Pieteikums saņemts');
      expect(eml).toContain('To: anna@jekabpils.lv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("hands a message to a .invalid address (a closed account's) to no one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const sent = await new OutboxMailer(join(dir, 'outbox')).send({ to: 'closed-y-1@closed.invalid', subject: 'Apliecinājums', text: 'x' });
      expect(sent.messageId).toBe('undeliverable');
      expect(existsSync(join(dir, 'outbox')) ? readdirSync(join(dir, 'outbox')) : []).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps one file per idempotency key: a resend replaces it whole, and nothing is left beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const mailer = new OutboxMailer(join(dir, 'outbox'));
      const message = { to: 'anna@jekabpils.lv', subject: 'Apliecinājums', idempotencyKey: 'certificate-email-LV042-2025-7K3Q-M9XD' };
      await mailer.send({ ...message, text: 'pirmais' });
      await Promise.all([mailer.send({ ...message, text: 'otrais' }), mailer.send({ ...message, text: 'otrais' })]);
      await mailer.send({ to: 'janis@jekabpils.lv', subject: 'Cits', text: 'bez atslēgas' });
      const files = readdirSync(join(dir, 'outbox')).sort();
      expect(files).toHaveLength(2);
      expect(files).toContain('certificate-email-LV042-2025-7K3Q-M9XD.eml');
      const eml = readFileSync(join(dir, 'outbox', 'certificate-email-LV042-2025-7K3Q-M9XD.eml'), 'utf8');
      expect(Buffer.from(bodyOf(eml).replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('otrais');
      // Written beside the outbox and renamed in: the staging directory holds nothing once the sends are done.
      expect(readdirSync(join(dir, 'outbox.tmp'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
