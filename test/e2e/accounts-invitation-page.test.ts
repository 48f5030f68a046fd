// The invitee's page behind the emailed link, over the local gateway: GET shows the invitation and changes nothing
// (a link previewer opens no account), the form post with its CSRF token opens a cognito-local account that signs in;
// mismatched and weak passwords, a missing CSRF token, another site's form, a tampered, superseded, revoked, expired
// or used link each get their page and write nothing.
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { keys } from '../../lib/data/keys.js';
import { cognito, signIn, STRONG_PASSWORD } from '../support/accounts.js';
import { aWorld, expectStatus } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';
import { mailOf } from '../support/invitation-mail.js';

const MUNI = 'LV-056';
const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.lv`;
const hidden = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page)?.[1];
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  ({ rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
const accountOf = (address: string) =>
  cognito().send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address })).then(() => 'found', (e: Error) => e.name);

/** A pending supervisor invitation of a fresh world, with the path of its emailed link (token and language kept). */
async function invited(language: 'lv' | 'en' = 'lv', name = 'Ilze Kalniņa') {
  const world = await aWorld(call, tokenFor, MUNI);
  const address = email('vaditajs');
  const invitation = await expectStatus(call('POST', `/v1/municipalities/${MUNI}/invitations`, {
    token: world.coordinator, body: { name, email: address, role: 'supervisor', institutions: [world.institutionId], language },
  }), 201);
  const [mail] = mailOf(invitation.json.id);
  expect(mail!.link.pathname).toBe(`/invitations/${invitation.json.id}`);
  expect(mail!.link.searchParams.get('lang')).toBe(language);
  const path = `${mail!.link.pathname}?token=${encodeURIComponent(mail!.token)}`;
  return { world, address, id: invitation.json.id as string, token: mail!.token, path };
}

describe('the invitation page', () => {
  it('shows the invitation (GET opens nothing), and the form post opens an account that signs in with its role', async () => {
    const { world, address, path, id } = await invited();
    const page = await call('GET', `${path}&lang=lv`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('Labdien, Ilze Kalniņa!');
    expect(page.text).toContain('iestādes brīvprātīgā darba vadītājs');
    expect(page.text).toContain('Līvānu novads');
    expect(page.text).toContain(address);
    // a link previewer's GETs open nothing
    await call('GET', path);
    expect(await accountOf(address)).toBe('UserNotFoundException');

    const csrf = hidden(page.text, 'csrf')!;
    const opened = await call('POST', `${path}&lang=lv`, form({ csrf, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }));
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('Konts ir atvērts');
    const out = await signIn(cognito(), address);
    expect(out.AuthenticationResult?.IdToken).toBeTruthy();
    const listed = (await expectStatus(call('GET', `/v1/municipalities/${MUNI}/users`, { token: world.coordinator }), 200)).json.items.find((u: { invitationId: string }) => u.invitationId === id);
    // cognito-local resolves no email alias here: the pool's username is the sub
    const groups = await cognito().send(new AdminListGroupsForUserCommand({ UserPoolId: inject('userPoolId'), Username: listed.sub }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['supervisor']);
    expect(listed.status).toBe('active');

    // used: the same link now says so, and posting again changes nothing
    const again = await call('GET', path);
    expect(again.status).toBe(200);
    expect(again.text).toContain('jau ir izmantots');
    expect(again.text).not.toContain('name="password"');
    expect((await call('POST', path, form({ csrf, password: 'Cita-Parole-2026!x', confirm: 'Cita-Parole-2026!x' }))).text).toContain('jau ir izmantots');
    expect((await signIn(cognito(), address)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('refuses mismatched and weak passwords, a missing CSRF token and another site\'s form, writing nothing', async () => {
    const { address, path } = await invited('en');
    const page = await call('GET', path, { headers: { 'accept-language': 'en' } });
    expect(page.text).toContain('Hello Ilze Kalniņa,');
    const csrf = hidden(page.text, 'csrf')!;
    const mismatch = await call('POST', `${path}&lang=en`, form({ csrf, password: STRONG_PASSWORD, confirm: `${STRONG_PASSWORD}x` }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('The passwords differ');
    const weak = await call('POST', `${path}&lang=en`, form({ csrf, password: 'parole', confirm: 'parole' }));
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('does not meet the rules');
    expect((await call('POST', path, form({ password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }))).status).toBe(404);
    expect((await call('POST', path, form({ csrf: `${csrf.slice(0, -2)}AA`, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }))).status).toBe(404);
    expect((await call('POST', path, form({ csrf, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, { origin: 'https://evil.example' }))).status).toBe(404);
    expect(await accountOf(address)).toBe('UserNotFoundException');
    // the form still works afterwards
    expect((await call('POST', path, form({ csrf, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }))).status).toBe(200);
    expect(await accountOf(address)).toBe('found');
  });

  it('a tampered or superseded link, a revoked and an expired invitation get their pages and open nothing', async () => {
    const { world, id, token, path, address } = await invited();
    const tampered = await call('GET', `/invitations/${id}?token=${encodeURIComponent(`${token.slice(0, -2)}AA`)}`);
    expect(tampered.status).toBe(404);
    expect(tampered.text).toContain('Saite nav derīga');
    expect((await call('GET', `/invitations/${randomUUID()}?token=${encodeURIComponent(token)}`)).status).toBe(404);

    const csrf = hidden((await call('GET', path)).text, 'csrf')!;
    await expectStatus(call('POST', `/v1/invitations/${id}/resend`, { token: world.coordinator }), 200);
    const superseded = await call('POST', path, form({ csrf, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }));
    expect(superseded.status).toBe(404);
    const newest = mailOf(id).map((m) => m.token).find((t) => t !== token)!;
    const current = `/invitations/${id}?token=${encodeURIComponent(newest)}`;
    expect((await call('GET', current)).status).toBe(200);

    await expectStatus(call('DELETE', `/v1/invitations/${id}`, { token: world.coordinator }), 200);
    const revoked = await call('GET', current);
    expect(revoked.status).toBe(410);
    expect(revoked.text).toContain('Uzaicinājums atsaukts');
    expect(await accountOf(address)).toBe('UserNotFoundException');

    // expired: the stored expiry passed
    const other = await invited();
    const doc = createDocumentClient(localClient(inject('e2eDynamoEndpoint')));
    await doc.send(new UpdateCommand({
      TableName: inject('e2eTableName'), Key: keys.invitation(other.id), UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': '2026-01-01T00:00:00.000Z' },
    }));
    const expired = await call('GET', other.path);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('termiņš beidzies');
    expect(expired.text).not.toContain('name="password"');
  });

  it('renders what the inviter typed as text', async () => {
    const { path } = await invited('lv', '<script>alert(1)</script>');
    const page = await call('GET', path);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)</script>');
  });
});
