// Picks the Mailer for this process: SES when SES_SENDER is configured, else the local .eml outbox.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { join } from 'node:path';
import { config } from '../config.js';
import type { Mailer } from './mailer.js';
import { SesMailer } from './ses-mailer.js';

export async function mailerFromConfig(): Promise<Mailer> {
  const { SES_SENDER, OUTBOX_DIR, AWS_REGION, STAGE } = config();
  if (SES_SENDER) return new SesMailer(new SESv2Client({ region: AWS_REGION }), SES_SENDER);
  if (STAGE === 'aws') throw new Error('Invalid environment: SES_SENDER is required to send mail in AWS');
  const { OutboxMailer } = await import('../local/outbox-mailer.js');
  return new OutboxMailer(OUTBOX_DIR ?? join(process.cwd(), '.local', 'outbox'));
}
