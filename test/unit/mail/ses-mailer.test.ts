// The SES adapter (aws-sdk-client-mock for the service): raw MIME to one recipient, and nothing to a .invalid address.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { SesMailer } from '../../../lib/mail/ses-mailer.js';

describe('SesMailer', () => {
  it('sends raw MIME to the one recipient and answers the message id', async () => {
    const client = new SESv2Client({ region: 'eu-north-1' });
    const ses = mockClient(client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const sent = await new SesMailer(client, 'no-reply@jaunatne.lv').send({ to: 'anna@jekabpils.lv', subject: 'Sveiki', text: 'x' });
    expect(sent.messageId).toBe('m-1');
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual(['anna@jekabpils.lv']);
    expect(Buffer.from(input.Content!.Raw!.Data!).toString('utf8')).toContain('To: anna@jekabpils.lv');
  });

  it("hands a message to a closed account's .invalid address to no one", async () => {
    const client = new SESv2Client({ region: 'eu-north-1' });
    const ses = mockClient(client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-2' });
    const sent = await new SesMailer(client, 'no-reply@jaunatne.lv').send({ to: 'closed-y-1@closed.invalid', subject: 'Apliecinājums', text: 'x' });
    expect(sent.messageId).toBe('undeliverable');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});
