// A young person moves to another municipality through the local gateway with a real (cognito-local) account: the
// youth asks, the new municipality's coordinator decides; approved, the profile and the account's custom:municipality
// name the new one from the next sign-in, and the hours logged so far stay with their programme.
import { randomUUID } from 'node:crypto';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { ensureAccount, signIn } from '../../lib/local/accounts.js';
import { cognito, STRONG_PASSWORD } from '../support/accounts.js';
import { aWorld, anEntry, bornYearsAgo, expectStatus, type World } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';
import { mailsNamed } from '../support/invitation-mail.js';
import { aPaperConsent } from '../support/consent.js';

const FROM = 'LV-042';
const TO = 'LV-077';
const MY_MOVE = '/v1/volunteers/me/municipality-move';
const client = localClient(inject('e2eDynamoEndpoint'));
const doc = createDocumentClient(client);
let world: World;

beforeAll(async () => {
  world = await aWorld(call, tokenFor, FROM);
});
afterAll(() => client.destroy());

async function aRealYouth() {
  const sub = `move-${randomUUID().slice(0, 8)}`;
  const email = `${sub}@example.lv`;
  const pool = cognito();
  await ensureAccount(pool, inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'youth', municipality: FROM, sub });
  const token = (await signIn(pool, inject('userPoolClientId'), email, STRONG_PASSWORD)).IdToken!;
  await expectStatus(call('PUT', '/v1/volunteers/me', { token, body: { name: 'Marta Pārcēlāja', birthDate: bornYearsAgo(19), email, municipality: FROM } }), 200);
  return { sub, email, token, pool };
}

async function outboxTypesOf(volunteerId: string): Promise<string[]> {
  const types: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({
      TableName: inject('e2eTableName'), ExclusiveStartKey: start, FilterExpression: 'entityType = :t AND contains(#e, :v)',
      ExpressionAttributeNames: { '#e': 'event' }, ExpressionAttributeValues: { ':t': 'OutboxEvent', ':v': volunteerId },
    }));
    types.push(...(page.Items ?? []).map((i) => String(i.eventType)));
    start = page.LastEvaluatedKey;
  } while (start);
  return types.sort();
}

describe('moving to another municipality', () => {
  it('the youth asks, the new coordinator approves; the account belongs there from the next sign-in, the old hours stay with their programme', async () => {
    const youth = await aRealYouth();
    const entry = await anEntry(call, youth.token, world.institutionId);
    expect((await expectStatus(call('GET', MY_MOVE, { token: youth.token }), 404)).json.status).toBe(404);

    // refused requests: the same municipality, one that does not exist, unknown fields
    expect((await call('POST', MY_MOVE, { token: youth.token, body: { to: FROM } })).json).toMatchObject({ status: 422, rule: 'accounts.move-same-municipality' });
    expect((await call('POST', MY_MOVE, { token: youth.token, body: { to: 'LV-999' } })).json).toMatchObject({ status: 422, rule: 'accounts.move-unknown-municipality' });
    expect((await call('POST', MY_MOVE, { token: youth.token, body: { to: TO, municipality: FROM } })).status).toBe(400);

    const first = await expectStatus(call('POST', MY_MOVE, { token: youth.token, body: { to: TO, note: 'Pārcēlos pie vecmāmiņas' } }), 201);
    expect(first.json).toMatchObject({ volunteerId: youth.sub, volunteerName: 'Marta Pārcēlāja', from: FROM, to: TO, status: 'requested', note: 'Pārcēlos pie vecmāmiņas' });
    const twice = await call('POST', MY_MOVE, { token: youth.token, body: { to: 'LV-059' } });
    expect(twice.json).toMatchObject({ status: 409, title: 'Jums jau ir neizskatīts pārcelšanās pieprasījums' });
    // withdrawn, and asked again
    expect((await expectStatus(call('DELETE', MY_MOVE, { token: youth.token }), 200)).json.status).toBe('withdrawn');
    await expectStatus(call('DELETE', MY_MOVE, { token: youth.token }), 404);
    const again = await expectStatus(call('POST', MY_MOVE, { token: youth.token, body: { to: TO } }), 201);
    const id = again.json.id as string;

    // who decides: the new municipality's coordinator, not the old one's, not a supervisor or the youth
    const newCoordinator = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: TO });
    const decide = (token: string, body: unknown) => call('POST', `/v1/municipality-moves/${id}/decision`, { token, body });
    await expectStatus(decide(world.coordinator, { decision: 'approve' }), 403);
    await expectStatus(decide(world.supervisor, { decision: 'approve' }), 403);
    await expectStatus(decide(youth.token, { decision: 'approve' }), 403);
    await expectStatus(call('GET', `/v1/municipalities/${TO}/municipality-moves`, { token: world.coordinator }), 403);
    const waiting = await expectStatus(call('GET', `/v1/municipalities/${TO}/municipality-moves`, { token: newCoordinator }), 200);
    expect(waiting.json.items).toContainEqual(expect.objectContaining({ id, volunteerName: 'Marta Pārcēlāja', from: FROM, status: 'requested' }));
    expect(waiting.json.items.map((i: { id: string }) => i.id)).not.toContain(first.json.id);
    expect((await expectStatus(decide(newCoordinator, { decision: 'refuse' }), 400)).json.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);

    // a guardian consent on record (a paper form, as a coordinator records it) goes with the profile
    await expectStatus(aPaperConsent(call, tokenFor, FROM, youth.sub, { name: 'Inese Pārcēlāja', relation: 'parent', date: entry.date }, world.coordinator), 200);
    const consentsOf = async (token: string, code: string) => (await expectStatus(call('GET', `/v1/municipalities/${code}/guardian-consents?status=given`, { token }), 200)).json.items.map((c: { volunteerId: string }) => c.volunteerId);
    expect(await consentsOf(world.coordinator, FROM)).toContain(youth.sub);

    const approved = await expectStatus(decide(newCoordinator, { decision: 'approve' }), 200);
    expect(await consentsOf(newCoordinator, TO)).toContain(youth.sub);
    expect(await consentsOf(world.coordinator, FROM)).not.toContain(youth.sub);
    expect((await expectStatus(call('GET', `/v1/guardian-consents/${youth.sub}`, { token: newCoordinator }), 200)).json).toMatchObject({ status: 'given', municipality: TO, version: 1 });
    expect(approved.json).toMatchObject({ id, status: 'approved', decidedAt: expect.any(String), emailed: true });
    // the young person is told, in Latvian and English, once
    const [told, ...more] = mailsNamed(`move-${id}-`);
    expect(more).toHaveLength(0);
    expect(told!.subject).toBe('Pāreja uz citu pašvaldību apstiprināta / Move approved');
    expect(told!.text).toContain('Jaunā pašvaldība: Rēzeknes novads');
    expect(told!.text).toContain('Your new municipality: Rēzekne Municipality');
    // the same decision again answers as it stands (and mails nothing); the other one is a conflict
    expect((await expectStatus(decide(newCoordinator, { decision: 'approve' }), 200)).json).toEqual({ ...approved.json, emailed: false });
    await expectStatus(decide(newCoordinator, { decision: 'refuse', reason: 'x' }), 409);
    expect((await expectStatus(call('GET', `/v1/municipalities/${TO}/municipality-moves`, { token: newCoordinator }), 200)).json.items.map((i: { id: string }) => i.id)).not.toContain(id);

    // the account's trusted attribute, and the token of the next sign-in
    const user = await youth.pool.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: youth.email }));
    expect(user.UserAttributes).toContainEqual({ Name: 'custom:municipality', Value: TO });
    const next = (await signIn(youth.pool, inject('userPoolClientId'), youth.email, STRONG_PASSWORD)).IdToken!;
    expect((await expectStatus(call('GET', '/v1/me', { token: next }), 200)).json.municipality).toMatchObject({ code: TO });
    expect((await expectStatus(call('GET', '/v1/volunteers/me', { token: next }), 200)).json.municipality).toBe(TO);
    expect((await expectStatus(call('GET', MY_MOVE, { token: next }), 200)).json).toMatchObject({ id, status: 'approved' });
    // the hours logged before stay with the old programme
    const year = Number(entry.date.slice(0, 4));
    const mine = await expectStatus(call('GET', `/v1/volunteers/me/hour-entries?year=${year}`, { token: next }), 200);
    expect(mine.json.items).toContainEqual(expect.objectContaining({ id: entry.id, programme: FROM }));

    expect((await outboxTypesOf(youth.sub)).filter((t) => t.startsWith('MunicipalityMove'))).toEqual([
      'MunicipalityMoveApproved', 'MunicipalityMoveRequested', 'MunicipalityMoveRequested', 'MunicipalityMoveWithdrawn',
    ]);
  });

  it('a refusal keeps the youth where they were, with the reason; staff cannot ask, a youth without a profile gets 404', async () => {
    const youth = await aRealYouth();
    const asked = await expectStatus(call('POST', MY_MOVE, { token: youth.token, body: { to: TO } }), 201);
    const newCoordinator = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: TO });
    const refused = await expectStatus(call('POST', `/v1/municipality-moves/${asked.json.id}/decision`, { token: newCoordinator, body: { decision: 'refuse', reason: 'Deklarētā dzīvesvieta nav mūsu novadā' } }), 200);
    expect(refused.json).toMatchObject({ status: 'refused', reason: 'Deklarētā dzīvesvieta nav mūsu novadā', emailed: true });
    const [told] = mailsNamed(`move-${asked.json.id}-refused`);
    expect(told!.subject).toContain('noraidīta');
    expect(told!.text).toContain('Iemesls: Deklarētā dzīvesvieta nav mūsu novadā');
    expect((await expectStatus(call('GET', '/v1/volunteers/me', { token: youth.token }), 200)).json.municipality).toBe(FROM);
    expect((await expectStatus(call('GET', MY_MOVE, { token: youth.token }), 200)).json).toMatchObject({ status: 'refused', reason: 'Deklarētā dzīvesvieta nav mūsu novadā' });
    const user = await youth.pool.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: youth.email }));
    expect(user.UserAttributes).toContainEqual({ Name: 'custom:municipality', Value: FROM });
    // a new request may follow a refusal
    await expectStatus(call('POST', MY_MOVE, { token: youth.token, body: { to: 'LV-059' } }), 201);

    await expectStatus(call('POST', MY_MOVE, { token: world.coordinator, body: { to: TO } }), 403);
    const stranger = await tokenFor({ role: 'youth', sub: `y-${randomUUID()}`, municipality: FROM });
    await expectStatus(call('POST', MY_MOVE, { token: stranger, body: { to: TO } }), 404);
  });
});
