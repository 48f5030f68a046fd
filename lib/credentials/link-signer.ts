// HMAC-SHA256 signer for decision and consent links and their forms' CSRF tokens; the key comes from a key source.
import { createHmac } from 'node:crypto';
import type { LinkPurpose, LinkSigner } from '../domain/hours/decision-links.js';

export class HmacLinkSigner implements LinkSigner {
  private key: Promise<Uint8Array> | undefined;
  constructor(private readonly loadKey: () => Promise<Uint8Array>) {}

  async sign(purpose: LinkPurpose, value: string): Promise<string> {
    const key = await (this.key ??= this.loadKey());
    return createHmac('sha256', key).update(`${purpose}\n${value}`).digest('base64url');
  }
}
