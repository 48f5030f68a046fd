// Guardian consent over HTTP through the local gateway: the youth asks, the guardian's emailed link shows the text
// (a previewer's GET records nothing), the form's POST records consent once with its evidence, the same link
// withdraws; expired, tampered, cross-purpose and cross-site requests write nothing; hours and sign-ups wait for it.
import { randomBytes, randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linkKeyFile } from '../../lib/credentials/link-key.js';
import { HmacLinkSigner } from '../../lib/credentials/link-signer.js';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoConsentRepository } from '../../lib/data/consent-repository.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { keys } from '../../lib/data/keys.js';
import { linkToken, parseLinkToken } from '../../lib/domain/hours/decision-links.js';
import { requestGuardianConsent, type ConsentDeps } from '../../lib/domain/hours/use-cases/guardian-consent.js';
import { aPaperConsent, consentLinkMailedTo } from '../support/consent.js';
import { mailsNamed } from '../support/invitation-mail.js';
import { aWorld, aYouth, bornYearsAgo, daysAgo, expectStatus, type World } from '../support/hours-api.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { anOpportunityInput, inDays } from '../support/youth-house-builders.js';

const M = 'LV-091';
const client = localClient(inject('e2eDynamoEndpoint'));
const doc = createDocumentClient(client);
const table = inject('e2eTableName');
const consents = new DynamoConsentRepository(doc, table);
const signer = new HmacLinkSigner(async () => linkKeyFile(inject('e2eDataDir')));
let world: World;

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  ({ rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 (e2e guardian)', ...headers } });
const hidden = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page)?.[1];
const guardianEmail = () => `aizbildnis-${randomUUID().slice(0, 8)}@example.lv`;

async function aMinor() {
  return aYouth(call, tokenFor, M, { name: '<script>alert(1)</script>', birthDate: bornYearsAgo(14) });
}

async function ask(token: string, email: string) {
  return call('POST', '/v1/volunteers/me/guardian-consent', { token, body: { guardian: { name: 'Inga Šņore', email, relation: 'parent' } } });
}

async function mailedLink(email: string): Promise<{ path: string; mail: string }> {
  const found = await consentLinkMailedTo(inject('e2eDataDir'), email);
  expect(found, `no consent email to ${email}`).toBeDefined();
  return found!;
}

const logHours = (token: string, date = daysAgo(1)) => call('POST', '/v1/hour-entries', {
  token, body: { institutionId: world.institutionId, date, minutes: 60, activity: 'Bibliotēkas talka', category: 'culture' },
});

async function aPublishedOpportunity(): Promise<string> {
  const o = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, { token: world.coordinator, body: anOpportunityInput({ shifts: [
    { start: inDays(10, 10), durationMinutes: 120, places: 5 }, { start: inDays(11, 10), durationMinutes: 120, places: 5 },
  ] }) }), 201);
  await expectStatus(call('PUT', `/v1/opportunities/${o.json.id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
  return o.json.id;
}
/** The types of the outbox events that name a volunteer (the table is scanned page by page: a test-sized table). */
async function outboxTypesOf(volunteerId: string): Promise<string[]> {
  const types: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({
      TableName: table, ExclusiveStartKey: start, FilterExpression: 'entityType = :t AND contains(#e, :v)',
      ExpressionAttributeNames: { '#e': 'event' }, ExpressionAttributeValues: { ':t': 'OutboxEvent', ':v': volunteerId },
    }));
    types.push(...(page.Items ?? []).map((i) => String(i.eventType)));
    start = page.LastEvaluatedKey;
  } while (start);
  return types.sort();
}

const signUp = (token: string, opportunity: string, shift: number) => call('POST', `/v1/opportunities/${opportunity}/shifts/${shift}/sign-ups`, { token });

beforeAll(async () => {
  world = await aWorld(call, tokenFor, M);
});
afterAll(() => client.destroy());

describe('guardian consent by link', () => {
  it('refuses hours and sign-ups until the guardian consents by link, records the evidence once, and blocks new ones after a withdrawal', async () => {
    const minor = await aMinor();
    const opportunity = await aPublishedOpportunity();
    // before consent: the logbook and the youth house refuse with the same rule id
    expect((await expectStatus(logHours(minor.token), 422)).json.rule).toBe('hours.consent-missing');
    expect(JSON.stringify((await expectStatus(signUp(minor.token, opportunity, 0), 422)).json)).toContain('hours.consent-missing');
    // the youth cannot declare consent themselves any more
    const declared = await call('PUT', '/v1/volunteers/me', { token: minor.token, body: {
      name: 'X', birthDate: bornYearsAgo(14), email: 'x@example.lv', municipality: M, guardianConsent: { name: 'Es pats', relation: 'parent', date: daysAgo(3) },
    } });
    expect(declared.status).toBe(400);

    const email = guardianEmail();
    const asked = await expectStatus(ask(minor.token, email), 201);
    expect(asked.json).toMatchObject({ emailed: true, consent: { status: 'requested', via: 'email-link', guardian: { name: 'Inga Šņore', relation: 'parent', email } } });
    expect(asked.json.consent).not.toHaveProperty('linkNonce');
    const { path, mail } = await mailedLink(email);
    expect(mail).toContain('Labdien!');
    expect(mail).toContain('Open the link, read what you consent to');
    expect(mail).toContain(`${baseUrl()}${path}?lang=en`);

    // a mail scanner or link previewer opens it (three times): it sees the text and records nothing
    for (let i = 0; i < 3; i++) {
      const preview = await call('GET', path, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } });
      expect(preview.status).toBe(200);
      expect(preview.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(preview.headers.get('set-cookie')).toBeNull();
      expect(preview.text).toContain('Piekrišana brīvprātīgajam darbam');
      expect(preview.text).toContain('ārpus mācību laika');
      expect(preview.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(preview.text).not.toContain('<script>');
    }
    expect((await call('GET', '/v1/volunteers/me/guardian-consent', { token: minor.token })).json).toMatchObject({ status: 'requested', givenAt: null, version: 1 });
    expect((await call('GET', '/v1/volunteers/me', { token: minor.token })).json.guardianConsent).toBeNull();
    expect((await call('GET', `${path}?lang=en`)).text).toContain('outside study time');

    const page = (await call('GET', path)).text;
    const csrf = hidden(page, 'csrf')!;
    const textSha256 = hidden(page, 'textSha256')!;
    expect(textSha256).toMatch(/^[0-9a-f]{64}$/);
    // no CSRF token, another site's form, or a text other than the one shown: nothing recorded
    expect((await call('POST', path, form({ action: 'give', textSha256 }))).status).toBe(404);
    expect((await call('POST', path, form({ csrf, action: 'give', textSha256 }, { origin: 'https://evil.example' }))).status).toBe(404);
    const changed = await call('POST', path, form({ csrf, action: 'give', textSha256: '0'.repeat(64) }));
    expect(changed.status).toBe(409);
    expect(changed.text).toContain('teksts ir mainījies');
    expect((await call('GET', '/v1/volunteers/me/guardian-consent', { token: minor.token })).json.status).toBe('requested');

    const given = await call('POST', path, form({ csrf, action: 'give', textSha256 }, { origin: baseUrl() }));
    expect(given.status, given.text).toBe(200);
    expect(given.text).toContain('piekrišana saglabāta');
    // the young person is told, once
    const told = mailsNamed(`youth-consent-given-${minor.sub}-`);
    expect(told.map((m) => m.subject)).toEqual(['Piekrišana saņemta / Consent recorded']);
    expect(told[0]!.text).toContain('ir saņemta (ar e-pasta saiti)');
    const record = (await expectStatus(call('GET', `/v1/guardian-consents/${minor.sub}`, { token: world.coordinator }), 200)).json;
    expect(record).toMatchObject({
      status: 'given', via: 'email-link', guardian: { name: 'Inga Šņore', relation: 'parent' }, version: 2,
      evidence: { userAgent: 'Mozilla/5.0 (e2e guardian)', textVersion: 'guardian-consent/2026-12', textLanguage: 'lv', textSha256 },
    });
    expect(record.evidence.ip).not.toBe('');
    expect(Date.parse(record.givenAt)).toBeGreaterThan(Date.now() - 60_000);
    // reused: the form again records nothing new
    const again = await call('POST', path, form({ csrf, action: 'give', textSha256 }));
    expect(again.text).toContain('Piekrišana saņemta');
    expect((await call('GET', `/v1/guardian-consents/${minor.sub}`, { token: world.coordinator })).json).toMatchObject({ version: 2, givenAt: record.givenAt });
    // asking again once given is a conflict
    expect((await ask(minor.token, guardianEmail())).status).toBe(409);

    // after consent: hours from its day on and sign-ups are accepted (yesterday's work predates it)
    expect((await logHours(minor.token, daysAgo(1))).status).toBe(422);
    await expectStatus(logHours(minor.token, daysAgo(0)), 201);
    await expectStatus(signUp(minor.token, opportunity, 0), 201);

    // the same email's link withdraws
    const withdrawPage = await call('GET', path);
    expect(withdrawPage.text).toContain('Atsaukt piekrišanu');
    const withdrawn = await call('POST', path, form({ csrf: hidden(withdrawPage.text, 'csrf')!, action: 'withdraw' }));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.text).toContain('Piekrišana atsaukta');
    const refused = await expectStatus(logHours(minor.token, daysAgo(0)), 422);
    expect(refused.json.rule).toBe('hours.consent-missing');
    expect(refused.json.detail).toContain('atsaucis');
    expect(JSON.stringify((await expectStatus(signUp(minor.token, opportunity, 1), 422)).json)).toContain('hours.consent-missing');
    // the coordinator sees the withdrawal
    const list = await expectStatus(call('GET', `/v1/municipalities/${M}/guardian-consents?status=withdrawn`, { token: world.coordinator }), 200);
    expect(list.json.items).toContainEqual(expect.objectContaining({ volunteerId: minor.sub, status: 'withdrawn', withdrawnAt: expect.any(String) }));
    // withdrawing twice writes nothing, and mails nothing more
    await call('POST', path, form({ csrf, action: 'withdraw' }));
    expect((await call('GET', `/v1/guardian-consents/${minor.sub}`, { token: world.coordinator })).json.version).toBe(3);
    const toldWithdrawn = mailsNamed(`youth-consent-withdrawn-${minor.sub}-`);
    expect(toldWithdrawn.map((m) => m.subject)).toEqual(['Piekrišana atsaukta / Consent withdrawn']);
    expect(toldWithdrawn[0]!.text).toContain('jaunas stundas un pieteikumi netiek pieņemti');
    expect(mailsNamed(`youth-consent-given-${minor.sub}-`)).toHaveLength(1);
    // each change went to the outbox with it, once
    const consentEvents = (await outboxTypesOf(minor.sub)).filter((t) => t.startsWith('GuardianConsent'));
    expect(consentEvents).toEqual(['GuardianConsentGiven', 'GuardianConsentRequested', 'GuardianConsentWithdrawn']);
  });

  it('refuses a tampered token and a decision link token for the same nonce, writing nothing', async () => {
    const minor = await aMinor();
    const email = guardianEmail();
    await expectStatus(ask(minor.token, email), 201);
    const { path } = await mailedLink(email);
    const token = path.slice(3);
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const t = await call('GET', `/c/${tampered}`);
    expect(t.status).toBe(404);
    expect(t.text).toContain('Saite nav derīga');
    const { nonce } = parseLinkToken(token)!;
    const decisionToken = linkToken(nonce, await signer.sign('decision-link', nonce));
    expect((await call('GET', `/c/${decisionToken}`)).status).toBe(404);
    const csrf = hidden((await call('GET', path)).text, 'csrf')!;
    expect((await call('POST', `/c/${decisionToken}`, form({ csrf, action: 'give' }))).status).toBe(404);
    expect((await call('GET', `/l/${token}`)).status).toBe(404); // nor is a consent token a decision link
    expect((await call('GET', '/c/garbage')).status).toBe(404);
    expect((await consents.get(minor.sub))!.status).toBe('requested');
  });

  it('records one consent when the form is posted five times at once (a double click, a retrying client)', async () => {
    const minor = await aMinor();
    const email = guardianEmail();
    await expectStatus(ask(minor.token, email), 201);
    const { path } = await mailedLink(email);
    const page = (await call('GET', path)).text;
    const fields = { csrf: hidden(page, 'csrf')!, action: 'give', textSha256: hidden(page, 'textSha256')! };
    const results = await Promise.all(Array.from({ length: 5 }, () => call('POST', path, form(fields))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.every((r) => r.text.includes('Piekrišana saņemta'))).toBe(true);
    expect((await consents.get(minor.sub))).toMatchObject({ status: 'given', version: 2 });
    expect((await outboxTypesOf(minor.sub)).filter((t) => t === 'GuardianConsentGiven')).toHaveLength(1);
  });

  it('expires after 7 days with a clear page and records nothing', async () => {
    const minor = await aMinor();
    const sent: string[] = [];
    const deps: ConsentDeps = {
      hours: new DynamoHoursRepository(doc, table), municipalities: { get: async () => undefined }, consents, signer,
      mailer: { send: async (m) => { sent.push(m.text); return { messageId: 'm' }; } },
      blobs: { presignUpload: async () => { throw new Error('unused'); }, presignDownload: async () => { throw new Error('unused'); }, head: async () => undefined },
      clock: { now: () => new Date(Date.now() - 8 * 86_400_000) }, newNonce: () => randomBytes(16).toString('base64url'),
      baseUrl: baseUrl(), scanKey: keys.consentScanBlob,
    };
    await requestGuardianConsent(deps, { sub: minor.sub, role: 'youth', municipality: M, institution: null, email: null, name: null }, { guardian: { name: 'Inga', email: guardianEmail(), relation: 'guardian' } });
    const path = /\/c\/[A-Za-z0-9_.-]+(?=\?lang=lv)/.exec(sent[0]!)![0];
    const res = await call('GET', path);
    expect(res.status).toBe(410);
    expect(res.text).toContain('beidzies derīguma termiņš');
    expect(res.text).not.toContain('name="csrf"');
    expect((await consents.get(minor.sub))!.status).toBe('requested');
    expect((await logHours(minor.token)).status).toBe(422);
  });

  it('lets a coordinator record a paper consent with its uploaded scan instead; the pending email link then stops working', async () => {
    const minor = await aMinor();
    const email = guardianEmail();
    await expectStatus(ask(minor.token, email), 201);
    const { path } = await mailedLink(email);
    const coordinator = world.coordinator;
    // without an uploaded scan: refused
    const noScan = await call('PUT', `/v1/guardian-consents/${minor.sub}`, { token: coordinator, body: { guardian: { name: 'Jānis Šņore', relation: 'parent' }, signedOn: daysAgo(2), scanId: randomUUID() } });
    expect(noScan.status).toBe(422);
    expect(noScan.json.rule).toBe('hours.consent-scan-missing');
    // another municipality's coordinator may not
    const elsewhere = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: 'LV-042' });
    expect((await aPaperConsent(call, tokenFor, M, minor.sub, { name: 'Jānis', relation: 'parent', date: daysAgo(2) }, elsewhere)).status).toBe(403);
    const paper = await expectStatus(aPaperConsent(call, tokenFor, M, minor.sub, { name: 'Jānis Šņore', relation: 'parent', date: daysAgo(2) }, coordinator), 200);
    expect(paper.json).toMatchObject({ status: 'given', via: 'paper', paper: { signedOn: daysAgo(2), contentType: 'application/pdf' } });
    expect(paper.json.paper).not.toHaveProperty('scanKey');
    expect((await call('GET', path)).status).toBe(410);
    expect((await call('GET', '/v1/volunteers/me', { token: minor.token })).json.guardianConsent).toMatchObject({ via: 'paper', date: daysAgo(2), withdrawnAt: null });
    await expectStatus(logHours(minor.token), 201);
  });

  it('lets a coordinator record a withdrawal that came on paper: checked dates, no new hours from then on, once, in the outbox', async () => {
    const minor = await aMinor();
    const withdraw = (body: unknown, token = world.coordinator, id = minor.sub) => call('POST', `/v1/guardian-consents/${id}/withdrawal`, { token, body });
    // nothing given yet: nothing to withdraw
    expect((await withdraw({ receivedOn: daysAgo(0) })).status).toBe(404);
    await expectStatus(aPaperConsent(call, tokenFor, M, minor.sub, { name: 'Jānis Šņore', relation: 'parent', date: daysAgo(3) }, world.coordinator), 200);
    await expectStatus(logHours(minor.token, daysAgo(1)), 201);

    const elsewhere = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: 'LV-042' });
    expect((await withdraw({ receivedOn: daysAgo(0) }, elsewhere)).status).toBe(403);
    expect((await withdraw({ receivedOn: daysAgo(0) }, minor.token)).status).toBe(403);
    const future = await withdraw({ receivedOn: daysAgo(-2) });
    expect(future.json).toMatchObject({ status: 422, rule: 'hours.consent-date-future' });
    expect((await withdraw({ receivedOn: daysAgo(4) })).json).toMatchObject({ status: 422, rule: 'hours.withdrawal-before-consent' });
    const unknown = await withdraw({ receivedOn: daysAgo(0), reason: 'x' });
    expect(unknown.status).toBe(400);
    expect((await call('GET', `/v1/guardian-consents/${minor.sub}`, { token: world.coordinator })).json).toMatchObject({ status: 'given', version: 1 });

    const done = await expectStatus(withdraw({ receivedOn: daysAgo(0), note: 'iesniegums Nr. 12-3/45' }), 200);
    expect(done.json).toMatchObject({ status: 'withdrawn', via: 'paper', withdrawal: { receivedOn: daysAgo(0), note: 'iesniegums Nr. 12-3/45', recordedBy: expect.any(String) }, version: 2 });
    const refused = await expectStatus(logHours(minor.token, daysAgo(0)), 422);
    expect(refused.json.rule).toBe('hours.consent-missing');
    expect((await call('GET', '/v1/volunteers/me', { token: minor.token })).json.guardianConsent).toMatchObject({ via: 'paper', date: daysAgo(3), withdrawnAt: done.json.withdrawnAt });
    const list = await expectStatus(call('GET', `/v1/municipalities/${M}/guardian-consents?status=withdrawn`, { token: world.coordinator }), 200);
    expect(list.json.items).toContainEqual(expect.objectContaining({ volunteerId: minor.sub, status: 'withdrawn' }));
    // a second time: 409 in Latvian, nothing written
    const twice = await withdraw({ receivedOn: daysAgo(0) });
    expect(twice.json).toMatchObject({ status: 409, title: 'Piekrišana jau ir atsaukta' });
    expect((await call('GET', `/v1/guardian-consents/${minor.sub}`, { token: world.coordinator })).json.version).toBe(2);
    expect((await outboxTypesOf(minor.sub)).filter((t) => t === 'GuardianConsentWithdrawn')).toHaveLength(1);
    // the young person heard of both, as recorded by the coordinator
    expect(mailsNamed(`youth-consent-given-${minor.sub}-`)[0]!.text).toContain('pēc parakstītas veidlapas');
    expect(mailsNamed(`youth-consent-withdrawn-${minor.sub}-`).map((m) => m.text)).toEqual([expect.stringContaining('koordinators reģistrēja atsaukumu')]);
  });

  it('answers an adult that no consent is needed, and a youth without a profile 404', async () => {
    const adult = await aYouth(call, tokenFor, M);
    expect((await ask(adult.token, guardianEmail())).json).toMatchObject({ status: 422, rule: 'hours.consent-not-needed' });
    const nobody = await tokenFor({ role: 'youth', sub: `y-${randomUUID()}`, municipality: M });
    expect((await ask(nobody, guardianEmail())).status).toBe(404);
    expect((await call('POST', '/v1/volunteers/me/guardian-consent', { token: world.supervisor, body: { guardian: { name: 'X', email: 'x@example.lv', relation: 'parent' } } })).status).toBe(403);
  });
});
