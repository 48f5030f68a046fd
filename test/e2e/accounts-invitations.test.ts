// Staff invitations end to end: invite over the local gateway with real tokens, the emailed one-time link (local .eml
// outbox), acceptance opening a cognito-local account that signs in with its role, resend, revoke, expiry, reuse,
// cross-municipality refusals that write nothing, the users list, deactivation and a deactivated supervisor's queue.
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { keys } from '../../lib/data/keys.js';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { rigaInstant } from '../../lib/local/scheduler.js';
import { linkKeyFile } from '../../lib/credentials/link-key.js';
import { HmacLinkSigner } from '../../lib/credentials/link-signer.js';
import { DynamoDecisionLinkStore } from '../../lib/data/decision-link-repository.js';
import { DynamoDigestStore } from '../../lib/data/digest-repository.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { DynamoInvitationRepository } from '../../lib/data/invitation-repository.js';
import { staffStatusOf } from '../../lib/domain/accounts/staff-status.js';
import { decisionDigest } from '../../lib/domain/hours/use-cases/decision-links.js';
import { sendDecisionDigests, type DigestDeps } from '../../lib/domain/hours/use-cases/decision-digest.js';
import type { User } from '../../lib/domain/identity/types.js';
import type { MailMessage } from '../../lib/domain/mail.js';
import { MUNICIPALITIES } from '../../lib/domain/municipalities/registry.js';
import { cognito, signIn, STRONG_PASSWORD } from '../support/accounts.js';
import { ensureAccount, signIn as signInWithTotp, turnOnTotp } from '../../lib/local/accounts.js';
import { aWorld, aYouth, anEntry, expectStatus } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';
import { mailOf } from '../support/invitation-mail.js';

const MUNI = 'LV-056';
const digestMails: MailMessage[] = [];
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());
/** The digest's deps on the stack's table (its mail captured; only this suite's municipality). */
function digestDeps(): DigestDeps {
  const client = createDocumentClient(localClient(inject('e2eDynamoEndpoint')));
  const table = inject('e2eTableName');
  const key = linkKeyFile(inject('e2eDataDir'));
  return {
    hours: new DynamoHoursRepository(client, table), municipalities: { get: async (c) => MUNICIPALITIES.find((m) => m.code === c), list: async () => MUNICIPALITIES.filter((m) => m.code === MUNI) },
    links: new DynamoDecisionLinkStore(client, table), digests: new DynamoDigestStore(client, table), staff: staffStatusOf(new DynamoInvitationRepository(client, table)),
    signer: new HmacLinkSigner(async () => key), newNonce: () => randomBytes(16).toString('base64url'),
    mailer: { send: async (m) => { digestMails.push(m); return { messageId: randomUUID() }; } },
    clock: { now: () => new Date() }, baseUrl: 'http://localhost',
  };
}
const OTHER = 'LV-067';
const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.lv`;
const agency = () => tokenFor({ role: 'agency', sub: `a-${randomUUID()}` });
const coordinatorOf = (municipality: string) => tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality });

/** The link token of an invitation sent once. */
const tokenOf = (invitationId: string) => {
  const mails = mailOf(invitationId);
  expect(mails).toHaveLength(1);
  return mails[0]!.token;
};
/** The token of the newest send: the one that is not among `old`. */
const newTokenOf = (invitationId: string, ...old: string[]) => mailOf(invitationId).map((m) => m.token).find((t) => !old.includes(t))!;

async function invite(token: string, body: Record<string, unknown>, municipality: string | null = MUNI) {
  return call('POST', municipality ? `/v1/municipalities/${municipality}/invitations` : '/v1/agency/invitations', { token, body: { name: 'Ilze Kalniņa', ...body } });
}

const accept = (id: string, token: string, password = STRONG_PASSWORD) => call('POST', `/v1/invitations/${id}/acceptance`, { body: { token, password } });

async function usersOf(token: string, municipality = MUNI) {
  return (await expectStatus(call('GET', `/v1/municipalities/${municipality}/users`, { token }), 200)).json.items as Record<string, any>[];
}

describe('staff invitations', () => {
  it('a coordinator invites a supervisor of two institutions, who opens the account from the Latvian email and signs in with the role', async () => {
    const world = await aWorld(call, tokenFor, MUNI);
    const second = await expectStatus(call('POST', `/v1/municipalities/${MUNI}/institutions`, { token: world.coordinator, body: { name: 'Bibliotēka' } }), 201);
    const address = email('vaditajs');
    const invited = await expectStatus(invite(world.coordinator, { email: address, role: 'supervisor', institutions: [world.institutionId, second.json.id] }), 201);
    expect(invited.json).toMatchObject({ status: 'pending', role: 'supervisor', municipality: MUNI, emailed: true, language: 'lv' });
    expect(Date.parse(invited.json.expiresAt) - Date.parse(invited.json.sentAt)).toBe(7 * 86_400_000);
    // no account exists before acceptance
    const before = await cognito().send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address })).then(() => 'found', (e: Error) => e.name);
    expect(before).toBe('UserNotFoundException');

    const [mail] = mailOf(invited.json.id);
    expect(mail!.subject).toBe('Uzaicinājums uz Jaunatnes darba platformu');
    expect(mail!.text).toContain('Labdien, Ilze Kalniņa!');
    expect(mail!.text).toContain('Līvānu novads');

    const opened = await expectStatus(accept(invited.json.id, mail!.token), 201);
    expect(opened.json).toMatchObject({ email: address, role: 'supervisor', municipality: MUNI });
    const groups = await cognito().send(new AdminListGroupsForUserCommand({ UserPoolId: inject('userPoolId'), Username: opened.json.sub }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['supervisor']);

    const unsigned = (await usersOf(world.coordinator)).find((u) => u.email === address)!;
    expect(unsigned.lastSignInAt).toBeNull();
    const signingIn = new Date().toISOString();
    const auth = await signIn(cognito(), address);
    const idToken = auth.AuthenticationResult!.IdToken!;
    const me = await expectStatus(call('GET', '/v1/me', { token: idToken }), 200);
    expect(me.json).toMatchObject({ role: 'supervisor', municipality: { code: MUNI }, institution: world.institutionId });
    // both institutions' queues are the supervisor's
    await expectStatus(call('GET', '/v1/supervisors/me/queue', { token: idToken }), 200);
    const listed = (await usersOf(world.coordinator)).find((u) => u.email === address)!;
    expect(listed).toMatchObject({ role: 'supervisor', status: 'active', sub: opened.json.sub, mfa: false, invitedAt: invited.json.invitedAt });
    expect([...listed.institutions].sort()).toEqual([world.institutionId, second.json.id].sort());
    // the post-authentication trigger recorded the sign-in; a later one moves it on
    expect(listed.lastSignInAt >= signingIn && listed.lastSignInAt <= new Date().toISOString()).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    await signIn(cognito(), address);
    const later = (await usersOf(world.coordinator)).find((u) => u.email === address)!;
    expect(later.lastSignInAt > listed.lastSignInAt).toBe(true);

    // reused: the same link again
    const again = await expectStatus(accept(invited.json.id, mail!.token), 422);
    expect(again.json.rule).toBe('accounts.invitation-used');
  });

  it('sends the email in English on request', async () => {
    const invited = await expectStatus(invite(await agency(), { email: email('coord'), role: 'coordinator', language: 'en' }, OTHER), 201);
    const [mail] = mailOf(invited.json.id);
    expect(mail!.subject).toBe('Invitation to the youth work platform');
    expect(mail!.text).toContain('Ogre Municipality');
  });

  it.each([
    ['the agency', 'coordinator', OTHER, 201],
    ['the agency', 'agency', null, 201],
    ['the agency', 'supervisor', MUNI, 403],
    ['a coordinator', 'coordinator', MUNI, 201],
    ['a coordinator', 'supervisor', MUNI, 201],
    ['a coordinator', 'agency', null, 403],
    ['a coordinator', 'coordinator', OTHER, 403],
    ['a coordinator', 'supervisor', OTHER, 403],
  ] as const)('%s inviting a %s of %s answers %i', async (who, role, municipality, status) => {
    const inviter = who === 'the agency' ? await agency() : await coordinatorOf(MUNI);
    const world = role === 'supervisor' ? await aWorld(call, tokenFor, municipality ?? MUNI) : undefined;
    const address = email(role);
    const res = await invite(inviter, { email: address, role, ...(world ? { institutions: [world.institutionId] } : {}) }, municipality);
    expect(res.status, res.text).toBe(status);
    if (status === 403) {
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json.rule).toMatch(/^accounts\.invite-/);
      // nothing written: the same email can be invited by someone who may, and no mail went out
      const allowed = world ? world.coordinator : await agency();
      const ok = await invite(allowed, { email: address, role, ...(world ? { institutions: [world.institutionId] } : {}) }, municipality);
      expect(ok.status, ok.text).toBe(201);
      expect(mailOf(ok.json.id)).toHaveLength(1);
    }
  });

  it('refuses supervisors and young people as inviters, and a supervisor bound to another municipality\'s institution, writing nothing', async () => {
    const world = await aWorld(call, tokenFor, MUNI);
    const elsewhere = await aWorld(call, tokenFor, OTHER);
    const address = email('x');
    const youth = await aYouth(call, tokenFor, MUNI);
    expect((await invite(world.supervisor, { email: address, role: 'supervisor', institutions: [world.institutionId] })).status).toBe(403);
    expect((await invite(youth.token, { email: address, role: 'supervisor', institutions: [world.institutionId] })).status).toBe(403);
    const cross = await expectStatus(invite(world.coordinator, { email: address, role: 'supervisor', institutions: [elsewhere.institutionId] }), 403);
    expect(cross.json.rule).toBe('accounts.invite-institution-other-municipality');
    expect((await usersOf(world.coordinator)).some((u) => u.email === address)).toBe(false);
    const valid = await expectStatus(invite(world.coordinator, { email: address, role: 'supervisor', institutions: [world.institutionId] }), 201);
    expect(valid.json.email).toBe(address);
  });

  it('refuses a second invitation for the same email and an email that has an account (409)', async () => {
    const coordinator = await coordinatorOf(MUNI);
    const address = email('dup');
    await expectStatus(invite(coordinator, { email: address, role: 'coordinator' }), 201);
    await expectStatus(invite(coordinator, { email: address.toUpperCase(), role: 'coordinator' }), 409);
  });

  it('resends with a new link (the old one stops working) and revokes (the link stops working, the email is free again)', async () => {
    const coordinator = await coordinatorOf(MUNI);
    const address = email('resend');
    const invited = await expectStatus(invite(coordinator, { email: address, role: 'coordinator' }), 201);
    const first = tokenOf(invited.json.id);
    const resent = await expectStatus(call('POST', `/v1/invitations/${invited.json.id}/resend`, { token: coordinator }), 200);
    expect(resent.json.expiresAt > invited.json.expiresAt).toBe(true);
    expect(mailOf(invited.json.id)).toHaveLength(2);
    const second = newTokenOf(invited.json.id, first);
    expect((await accept(invited.json.id, first)).status).toBe(404);

    // another municipality's coordinator may neither resend nor revoke it
    const stranger = await coordinatorOf(OTHER);
    expect((await call('POST', `/v1/invitations/${invited.json.id}/resend`, { token: stranger })).status).toBe(403);
    expect((await call('DELETE', `/v1/invitations/${invited.json.id}`, { token: stranger })).status).toBe(403);

    const revoked = await expectStatus(call('DELETE', `/v1/invitations/${invited.json.id}`, { token: coordinator }), 200);
    expect(revoked.json.status).toBe('revoked');
    const late = await expectStatus(accept(invited.json.id, second), 422);
    expect(late.json.rule).toBe('accounts.invitation-revoked');
    expect((await call('POST', `/v1/invitations/${invited.json.id}/resend`, { token: coordinator })).json.rule).toBe('accounts.invitation-revoked');
    await expectStatus(invite(coordinator, { email: address, role: 'coordinator' }), 201);
  });

  it('refuses an expired invitation (422) until it is resent', async () => {
    const coordinator = await coordinatorOf(MUNI);
    const invited = await expectStatus(invite(coordinator, { email: email('late'), role: 'coordinator' }), 201);
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('e2eDynamoEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
    // eight days later, as far as the stored invitation knows
    await db.send(new UpdateCommand({
      TableName: inject('e2eTableName'), Key: keys.invitation(invited.json.id),
      UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 86_400_000).toISOString() },
    }));
    expect((await usersOf(coordinator)).find((u) => u.invitationId === invited.json.id)?.status).toBe('expired');
    const first = tokenOf(invited.json.id);
    const expired = await expectStatus(accept(invited.json.id, first), 422);
    expect(expired.json.rule).toBe('accounts.invitation-expired');
    expect(expired.json.detail).toContain('derīguma termiņš');
    await expectStatus(call('POST', `/v1/invitations/${invited.json.id}/resend`, { token: coordinator }), 200);
    await expectStatus(accept(invited.json.id, newTokenOf(invited.json.id, first)), 201);
  });

  it('refuses a weak password or a tampered token before creating any account', async () => {
    const coordinator = await coordinatorOf(MUNI);
    const address = email('weak');
    const invited = await expectStatus(invite(coordinator, { email: address, role: 'coordinator' }), 201);
    const token = tokenOf(invited.json.id);
    const weak = await expectStatus(accept(invited.json.id, token, 'short'), 400);
    expect(weak.json.errors[0]).toMatchObject({ field: 'password', rule: 'min-length-12' });
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await accept(invited.json.id, tampered)).status).toBe(404);
    const lookup = await cognito().send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address })).then(() => 'found', (e: Error) => e.name);
    expect(lookup).toBe('UserNotFoundException');
    await expectStatus(accept(invited.json.id, token), 201);
  });
});

describe('a municipality\'s users', () => {
  it('lists staff to its coordinator and the agency, never to another municipality or a supervisor', async () => {
    const world = await aWorld(call, tokenFor, MUNI);
    expect((await call('GET', `/v1/municipalities/${MUNI}/users`, { token: await coordinatorOf(OTHER) })).status).toBe(403);
    expect((await call('GET', `/v1/municipalities/${MUNI}/users`, { token: world.supervisor })).status).toBe(403);
    await usersOf(await agency());
  });

  it('deactivates a supervisor (Cognito disabled), shows their pending queue to the coordinator, who reassigns the institution; reactivates', async () => {
    const world = await aWorld(call, tokenFor, MUNI);
    const address = email('deact');
    const invited = await expectStatus(invite(world.coordinator, { email: address, role: 'supervisor', institutions: [world.institutionId] }), 201);
    const { json: account } = await expectStatus(accept(invited.json.id, tokenOf(invited.json.id)), 201);
    const youth = await aYouth(call, tokenFor, MUNI);
    const entry = await anEntry(call, youth.token, world.institutionId);

    // another municipality's coordinator cannot touch the account
    expect((await call('PUT', `/v1/municipalities/${OTHER}/users/${account.sub}/active`, { token: await coordinatorOf(OTHER), body: { active: false } })).status).toBe(404);
    expect((await call('PUT', `/v1/municipalities/${MUNI}/users/${account.sub}/active`, { token: await coordinatorOf(OTHER), body: { active: false } })).status).toBe(403);

    // the accepted supervisor gets the daily digest without opting in, and a decision link works
    const digests = digestDeps();
    expect((await digests.digests.subscribers(MUNI)).find((s) => s.sub === account.sub)).toMatchObject({ email: address, institution: world.institutionId });
    const supervisor: User = { sub: account.sub, role: 'supervisor', municipality: MUNI, institution: world.institutionId, email: address, name: 'Ilze Kalniņa' };
    const [item] = (await decisionDigest(digests, supervisor)).filter((i) => i.entry.id === entry.id);
    expect((await call('GET', `/l/${item!.tokens.approve}`)).status).toBe(200);

    const off = await expectStatus(call('PUT', `/v1/municipalities/${MUNI}/users/${account.sub}/active`, { token: world.coordinator, body: { active: false } }), 200);
    expect(off.json).toMatchObject({ sub: account.sub, status: 'deactivated' });
    // deactivated: the emailed link decides nothing and the digest skips them
    const revoked = await call('GET', `/l/${item!.tokens.approve}`);
    expect(revoked.status).toBe(403);
    expect(revoked.text).toContain('Saite vairs nav spēkā');
    const eight = rigaInstant(Number(today().slice(0, 4)), Number(today().slice(5, 7)), Number(today().slice(8, 10)), '08:00');
    const counts = await sendDecisionDigests(digests, eight);
    expect(counts.deactivated).toBeGreaterThanOrEqual(1);
    expect(digestMails.filter((m) => m.to === address)).toHaveLength(0);
    const poolUser = await cognito().send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address }));
    expect(poolUser.Enabled).toBe(false);

    const queue = await expectStatus(call('GET', `/v1/municipalities/${MUNI}/users/${account.sub}/queue`, { token: world.coordinator }), 200);
    expect(queue.json.items.map((e: { id: string }) => e.id)).toContain(entry.id);
    // reassign: another supervisor takes the institution and sees the entry
    const successor = `s-${randomUUID()}`;
    await expectStatus(call('PUT', `/v1/institutions/${world.institutionId}/supervisors/${successor}`, { token: world.coordinator }), 200);
    const theirs = await expectStatus(call('GET', '/v1/supervisors/me/queue', { token: await tokenFor({ role: 'supervisor', sub: successor, municipality: MUNI, institution: world.institutionId }) }), 200);
    expect(theirs.json.items.map((e: { id: string }) => e.id)).toContain(entry.id);

    const on = await expectStatus(call('PUT', `/v1/municipalities/${MUNI}/users/${account.sub}/active`, { token: world.coordinator, body: { active: true } }), 200);
    expect(on.json.status).toBe('active');
    expect((await call('GET', `/l/${item!.tokens.approve}`)).status).toBe(200);
    expect((await cognito().send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: address }))).Enabled).toBe(true);
  });

  it('lists and deactivates accounts opened without an invitation; the agency lists its own staff', async () => {
    const world = await aWorld(call, tokenFor, MUNI);
    const byHand = email('byhand');
    const sub = randomUUID();
    await ensureAccount(cognito(), inject('userPoolId'), { email: byHand, password: STRONG_PASSWORD, role: 'supervisor', municipality: MUNI, sub, name: 'Roberts Rokdarbs' });
    await expectStatus(call('PUT', `/v1/institutions/${world.institutionId}/supervisors/${sub}`, { token: world.coordinator }), 200);
    const listed = (await usersOf(world.coordinator)).find((u) => u.email === byHand);
    expect(listed).toMatchObject({ invitationId: null, sub, name: 'Roberts Rokdarbs', role: 'supervisor', institutions: [world.institutionId], status: 'active', invitedAt: null, mfa: false });
    // not another municipality's
    expect((await usersOf(await coordinatorOf(OTHER), OTHER)).some((u) => u.email === byHand)).toBe(false);
    expect((await call('PUT', `/v1/municipalities/${OTHER}/users/${sub}/active`, { token: await coordinatorOf(OTHER), body: { active: false } })).status).toBe(404);

    const off = await expectStatus(call('PUT', `/v1/municipalities/${MUNI}/users/${sub}/active`, { token: world.coordinator, body: { active: false } }), 200);
    expect(off.json).toMatchObject({ invitationId: null, sub, status: 'deactivated' });
    expect((await cognito().send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: byHand }))).Enabled).toBe(false);
    await expectStatus(call('PUT', `/v1/municipalities/${MUNI}/users/${sub}/active`, { token: world.coordinator, body: { active: true } }), 200);

    // the agency's own staff: only to the agency
    const officer = email('officer');
    await ensureAccount(cognito(), inject('userPoolId'), { email: officer, password: STRONG_PASSWORD, role: 'agency', sub: randomUUID() });
    const invitedOfficer = email('officer-inv');
    await expectStatus(invite(await agency(), { email: invitedOfficer, role: 'agency' }, null), 201);
    const agencyStaff = (await expectStatus(call('GET', '/v1/agency/users', { token: await agency() }), 200)).json.items as Record<string, any>[];
    expect(agencyStaff.find((u) => u.email === officer)).toMatchObject({ invitationId: null, role: 'agency', status: 'active' });
    expect(agencyStaff.find((u) => u.email === invitedOfficer)).toMatchObject({ role: 'agency', status: 'invited', invitationId: expect.any(String) });
    expect(agencyStaff.some((u) => u.email === byHand)).toBe(false);
    expect((await call('GET', '/v1/agency/users', { token: world.coordinator })).status).toBe(403);
  });

  it('subscribes a supervisor made by hand to the daily digest at their first sign-in; one who turned it off stays off', async () => {
    const world = await aWorld(call, tokenFor, MUNI);
    const address = email('digest-byhand');
    const sub = randomUUID();
    await ensureAccount(cognito(), inject('userPoolId'), { email: address, password: STRONG_PASSWORD, role: 'supervisor', municipality: MUNI, institution: world.institutionId, sub, name: 'Daina Rokdare' });
    const digests = digestDeps().digests;
    expect((await digests.subscribers(MUNI)).some((s) => s.sub === sub)).toBe(false);
    const token = (await signInWithTotp(cognito(), inject('userPoolClientId'), address, STRONG_PASSWORD)).IdToken!;
    expect((await digests.subscribers(MUNI)).find((s) => s.sub === sub)).toMatchObject({ email: address, institution: world.institutionId, name: 'Daina Rokdare' });

    expect((await expectStatus(call('PUT', '/v1/supervisors/me/digest', { token, body: { enabled: false } }), 200)).json.enabled).toBe(false);
    await signInWithTotp(cognito(), inject('userPoolClientId'), address, STRONG_PASSWORD);
    expect((await digests.subscribers(MUNI)).some((s) => s.sub === sub)).toBe(false);
    expect((await expectStatus(call('PUT', '/v1/supervisors/me/digest', { token, body: { enabled: true } }), 200)).json).toEqual({ enabled: true, email: address });
    expect((await digests.subscribers(MUNI)).some((s) => s.sub === sub)).toBe(true);
  });

  it('refuses a coordinator deactivating themselves or the agency acting on nobody', async () => {
    const agencyToken = await agency();
    const address = email('self');
    const invited = await expectStatus(invite(agencyToken, { email: address, role: 'coordinator' }), 201);
    const { json: account } = await expectStatus(accept(invited.json.id, tokenOf(invited.json.id)), 201);
    // an invited coordinator signs in without TOTP first: refused until they turn it on
    const first = (await signIn(cognito(), address)).AuthenticationResult!;
    const refused = await expectStatus(call('PUT', `/v1/municipalities/${MUNI}/users/${account.sub}/active`, { token: first.IdToken!, body: { active: false } }), 403);
    expect(refused.json.rule).toBe('identity.mfa-required');
    const secret = await turnOnTotp(cognito(), first.AccessToken!);
    const own = (await signInWithTotp(cognito(), inject('userPoolClientId'), address, STRONG_PASSWORD, secret)).IdToken!;
    const self = await expectStatus(call('PUT', `/v1/municipalities/${MUNI}/users/${account.sub}/active`, { token: own, body: { active: false } }), 422);
    expect(self.json.rule).toBe('accounts.deactivate-self');
    await expectStatus(call('PUT', `/v1/municipalities/${MUNI}/users/nobody/active`, { token: agencyToken, body: { active: false } }), 404);
  });
});
