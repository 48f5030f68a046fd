// A young person closes their account: POST /v1/me/closure disables sign-in (cognito-local) and pseudonymises the
// profile; the approved entries and the certificate stay, and the certificate still verifies with the name at issue;
// when the retention ends, the daily erasure deletes everything held about them, the account and the files.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { cognitoAccountRemover } from '../../lib/accounts/cognito-directory.js';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoErasureStore } from '../../lib/data/erasure-repository.js';
import { keys } from '../../lib/data/keys.js';
import { eraseExpiredAccounts } from '../../lib/domain/accounts/use-cases/erase-expired-accounts.js';
import { LocalFileEraser } from '../../lib/files/file-eraser.js';
import { aPaperConsent } from '../support/consent.js';
import { ensureAccount, signIn } from '../../lib/local/accounts.js';
import { cognito, STRONG_PASSWORD } from '../support/accounts.js';
import { issueCertificates } from '../support/issued-certificates.js';
import { call, tokenFor } from '../support/http.js';

describe('POST /v1/me/closure', () => {
  it('disables sign-in, pseudonymises the profile, and keeps a certificate that verifies with the name at issue', async () => {
    const id = `close-${randomUUID().slice(0, 8)}`;
    const { codes, coordinator } = await issueCertificates('LV-059', 2023, [{ id, name: 'Klāvs Slēdzējs', minutes: [1440, 1440, 1440] }]);
    const code = codes.get(id)!;
    const client = cognito();
    const email = `${id}@example.lv`;
    // a real account with the holder's sub (cognito-local takes a sub on AdminCreateUser)
    await ensureAccount(client, inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'youth', municipality: 'LV-059', sub: id });
    const token = (await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD)).IdToken!;

    const unconfirmed = await call('POST', '/v1/me/closure', { token, body: {} });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json.errors).toEqual([expect.objectContaining({ field: 'body.confirm' })]);

    const closed = await call('POST', '/v1/me/closure', { token, body: { confirm: true } });
    expect(closed.status, closed.text).toBe(200);
    const year = Number(closed.json.closedAt.slice(0, 4));
    expect(closed.json.retainedUntil).toBe(`${year + 5}${closed.json.closedAt.slice(4, 10)}`);

    // sign-in is off
    const pooled = await client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: email }));
    expect(pooled.Enabled).toBe(false);
    await expect(signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD)).rejects.toThrow(/disabled/);

    // the profile no longer names the holder (read with a token minted for the same sub: the ID token lives up to an hour)
    const same = await tokenFor({ role: 'youth', sub: id, municipality: 'LV-059' });
    const profile = await call('GET', '/v1/volunteers/me', { token: same });
    expect(profile.json).toMatchObject({ id, name: 'Slēgts konts', email: `closed-${id}@closed.invalid`, municipality: 'LV-059', closedAt: closed.json.closedAt });
    expect(profile.text).not.toContain('Klāvs');

    // an ID token issued before the closure writes nothing more with the name: no profile change, no entries
    const rename = await call('PUT', '/v1/volunteers/me', { token: same, body: { name: 'Klāvs Slēdzējs', birthDate: '2005-06-15', email: `${id}@example.lv`, municipality: 'LV-059' } });
    expect(rename.json).toMatchObject({ status: 403, rule: 'hours.account-closed' });
    const logged = await call('POST', '/v1/hour-entries', { token: same, body: { institutionId: randomUUID(), date: closed.json.closedAt.slice(0, 10), minutes: 60, activity: 'x', category: 'other' } });
    expect(logged.json).toMatchObject({ status: 403, rule: 'hours.account-closed' });
    expect((await call('GET', '/v1/volunteers/me', { token: same })).json.name).toBe('Slēgts konts');

    // closing again answers the same closure
    const again = await call('POST', '/v1/me/closure', { token: same, body: { confirm: true } });
    expect(again.json).toEqual(closed.json);

    // the copies of the name on the entries and of the address on the certificate are replaced too
    const db = localClient(inject('e2eDynamoEndpoint'));
    const doc = createDocumentClient(db);
    const entries = (await doc.send(new QueryCommand({
      TableName: inject('e2eTableName'), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :hours)',
      ExpressionAttributeValues: { ':pk': `VOL#${id}`, ':hours': 'HOURS#' },
    }))).Items ?? [];
    const certificate = (await doc.send(new GetCommand({ TableName: inject('e2eTableName'), Key: keys.certificate('LV-059', 2023, id) }))).Item;
    db.destroy();
    expect(entries.map((e) => e.volunteerName)).toEqual(['Slēgts konts', 'Slēgts konts', 'Slēgts konts']);
    expect(certificate).toMatchObject({ holderName: 'Klāvs Slēdzējs', holderEmail: `closed-${id}@closed.invalid` });

    // the certificate stays and verifies with the name as given at issue
    const verified = await call('GET', `/v1/certificates/${code}`, {});
    expect(verified.status, verified.text).toBe(200);
    expect(verified.text).toContain('Klāvs Slēdzējs');
    const roster = await call('GET', '/v1/municipalities/LV-059/certificate-roster.csv?year=2023', { token: coordinator });
    expect(roster.text).toContain(code);
  });

  it('erases the account, its records and files the day after the retention ends, and only then', async () => {
    const id = `erase-${randomUUID().slice(0, 8)}`;
    const { codes, coordinator } = await issueCertificates('LV-059', 2024, [{ id, name: 'Elza Dzēšamā', minutes: [1440, 1440, 1440] }]);
    const code = codes.get(id)!;
    const client = cognito();
    const email = `${id}@example.lv`;
    await ensureAccount(client, inject('userPoolId'), { email, password: STRONG_PASSWORD, role: 'youth', municipality: 'LV-059', sub: id });
    const token = (await signIn(client, inject('userPoolClientId'), email, STRONG_PASSWORD)).IdToken!;
    // more of what an account holds: a paper consent with its scan, two move requests, a calendar link, the English PDF
    expect((await aPaperConsent(call, tokenFor, 'LV-059', id, { name: 'Ieva Dzēšamā', relation: 'parent', date: '2024-02-01' }, coordinator)).status).toBe(200);
    expect((await call('POST', '/v1/volunteers/me/municipality-move', { token, body: { to: 'LV-042' } })).status).toBe(201);
    expect((await call('DELETE', '/v1/volunteers/me/municipality-move', { token })).status).toBe(200);
    expect((await call('POST', '/v1/volunteers/me/municipality-move', { token, body: { to: 'LV-077' } })).status).toBe(201);
    expect((await call('PUT', '/v1/me/calendar', { token })).status).toBe(200);
    expect((await call('GET', `/v1/certificates/${code}/download?lang=en`, { token: coordinator })).status).toBe(200);
    const closed = await call('POST', '/v1/me/closure', { token, body: { confirm: true } });
    expect(closed.status, closed.text).toBe(200);

    const db = localClient(inject('e2eDynamoEndpoint'));
    const doc = createDocumentClient(db);
    const table = inject('e2eTableName');
    const held = async (day?: string) => {
      const found: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      // what DynamoDB's TTL removes by then in AWS (outbox events, run batches; DynamoDB Local keeps them): everything else must go
      const gone = (i: Record<string, unknown>) => day !== undefined && typeof i.expiresAt === 'number' && i.expiresAt * 1000 < Date.parse(`${day}T00:00:00Z`);
      do {
        const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        found.push(...(page.Items ?? []).filter((i) => !gone(i) && JSON.stringify(i).includes(id)));
        start = page.LastEvaluatedKey;
      } while (start);
      return found;
    };
    const profile = (await doc.send(new GetCommand({ TableName: table, Key: keys.volunteer(id) }))).Item!;
    const consent = (await doc.send(new GetCommand({ TableName: table, Key: keys.guardianConsent(id) }))).Item!;
    const filesDir = join(inject('e2eDataDir'), 'files');
    const files = [`certificates/${code}.pdf`, `certificates/${code}.en.pdf`, String((consent.paper as { scanKey: string }).scanKey)];
    for (const f of files) expect(existsSync(join(filesDir, f)), f).toBe(true);
    // a scan uploaded but never recorded: no record names it, the erasure finds it by its prefix
    const stray = join(filesDir, 'consents', id, 'never-recorded');
    mkdirSync(dirname(stray), { recursive: true });
    writeFileSync(stray, 'scan');
    files.push(`consents/${id}/never-recorded`);
    const before = await held();
    expect(before.map((i) => String(i.sk))).toEqual(expect.arrayContaining(['PROFILE', 'CONSENT', 'MOVE', 'CALENDARLINK', 'CERTIFICATE', 'CODE']));

    // only this test's account: other files' closed accounts are theirs to keep
    const mine = new (class extends DynamoErasureStore {
      override async due(today: string, limit: number) { return (await super.due(today, limit)).filter((d) => d.volunteerId === id); }
    })(doc, table);
    const run = (day: string) => eraseExpiredAccounts({
      erasure: mine, files: new LocalFileEraser(filesDir), accounts: cognitoAccountRemover(client, inject('userPoolId')),
      clock: { now: () => new Date(`${day}T12:00:00+02:00`) },
    });
    const lastDay = String(profile.retainedUntil);
    expect(lastDay).toBe(closed.json.retainedUntil);
    // on the last retained day nothing goes
    expect(await run(lastDay)).toEqual({ erased: 0, failed: 0 });
    expect(await held()).toHaveLength(before.length);
    expect((await call('GET', `/v1/certificates/${code}`, {})).status).toBe(200);

    const next = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await run(next)).toEqual({ erased: 1, failed: 0 });
    expect(await held(next)).toEqual([]);
    for (const f of files) expect(existsSync(join(filesDir, f)), f).toBe(false);
    await expect(client.send(new AdminGetUserCommand({ UserPoolId: inject('userPoolId'), Username: email }))).rejects.toThrow(/not ?found|does not exist/i);
    expect((await call('GET', `/v1/certificates/${code}`, {})).status).toBe(404);
    // a second run finds nothing left to do
    expect(await run(next)).toEqual({ erased: 0, failed: 0 });
    db.destroy();
  });

  it('answers 404 for a youth without a profile and 403 for staff', async () => {
    const none = await call('POST', '/v1/me/closure', { token: await tokenFor({ role: 'youth', sub: `n-${randomUUID().slice(0, 6)}`, municipality: 'LV-042' }), body: { confirm: true } });
    expect(none.status).toBe(404);
    const staff = await call('POST', '/v1/me/closure', { token: await tokenFor({ role: 'agency', sub: 'a-close' }), body: { confirm: true } });
    expect(staff.status).toBe(403);
  });
});
