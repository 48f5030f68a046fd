// Certificates through the local gateway: a run over seeded tallies, public verification, VC-JWT + JWKS, revocation, rights, emails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localClient } from '../../lib/data/admin.js';
import { createDocumentClient } from '../../lib/data/client.js';
import { DynamoHoursRepository } from '../../lib/data/hours-repository.js';
import { generate } from '../../lib/domain/certificates/code.js';
import type { RevocationList } from '../../lib/credentials/revocation-list.js';
import { revocationListLookup } from '../../lib/credentials/revocation-list.js';
import { verifyCredential } from '../../lib/credentials/vc-jwt.js';
import { aVolunteer, anHourEntry } from '../support/hours-builders.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { seededRandom } from '../support/seeded-random.js';

const M = 'LV-042';
const YEAR = 2025;
const tag = randomUUID().slice(0, 8);
const holders = [
  { id: `cert-${tag}-1`, name: 'Ģirts Ķēniņš-Šņore', minutes: [3000, 600] },
  { id: `cert-${tag}-2`, name: 'Anna Bērziņa', minutes: [3750] },
];
const shortOne = { id: `cert-${tag}-3`, name: 'Ilze Īsā', minutes: [3585] };

const client = localClient(inject('e2eDynamoEndpoint'));
const hours = new DynamoHoursRepository(createDocumentClient(client), inject('e2eTableName'));

/** Seeds approved entries and their tally straight into the table (the logbook's keys), eligible at 60 h. */
async function seed(v: { id: string; name: string; minutes: number[] }) {
  await hours.putVolunteer(aVolunteer({ id: v.id, name: v.name, email: `${v.id}@example.lv`, municipality: M }));
  let total = 0;
  for (const [i, minutes] of v.minutes.entries()) {
    total += minutes;
    const date = `${YEAR}-0${i + 3}-15`;
    const entry = anHourEntry({ id: randomUUID(), volunteerId: v.id, volunteerName: v.name, date, minutes: Math.min(minutes, 1440), approvedMinutes: minutes, state: 'approved', programme: M, decidedAt: `${date}T12:00:00.000Z`, decidedBy: 's' });
    const tally = { volunteerId: v.id, programme: M, year: YEAR, approvedMinutes: total, pendingMinutes: 0, eligible: total >= 3600, thresholdReachedAt: total >= 3600 ? `${date}T12:00:00.000Z` : null, version: i + 1 };
    await hours.createEntry(entry, tally, { entryId: entry.id, at: `${date}T12:00:00.000Z`, by: 's', from: null, to: 'approved', reason: null }, []);
  }
}

const outbox = () => join(inject('e2eDataDir'), 'outbox');
const mailsWith = (code: string) => (existsSync(outbox()) ? readdirSync(outbox()) : []).filter((f) => readFileSync(join(outbox(), f), 'utf8').includes(`apliecinajums-${code}.pdf`));

let coordinator: string;
let codes: Map<string, string>;
let runId: string;

async function runUntilDone(token: string, body: unknown) {
  const started = await call('POST', '/v1/certificate-runs', { token, body });
  expect(started.status, started.text).toBe(202);
  let run = started.json;
  for (let i = 0; i < 200 && run.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    run = (await call('GET', `/v1/certificate-runs/${started.json.id}`, { token })).json;
  }
  return run;
}

beforeAll(async () => {
  for (const v of [...holders, shortOne]) await seed(v);
  coordinator = await tokenFor({ role: 'coordinator', sub: `coord-${tag}`, municipality: M });
  const run = await runUntilDone(coordinator, { year: YEAR });
  runId = run.id;
  expect(run.status).toBe('completed');
  const roster = await call('GET', `/v1/municipalities/${M}/certificate-roster.csv?year=${YEAR}`, { token: coordinator });
  expect(roster.status).toBe(200);
  codes = new Map(roster.text.split('\r\n').slice(1).filter(Boolean).map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return [cells[0]!, cells[2]!] as const;
  }));
});
afterAll(() => client.destroy());

describe('a recognition run', () => {
  it('issues a certificate to each volunteer with 60 h and none at 59 h 45 min, and a rerun issues nothing new', async () => {
    for (const h of holders) expect(codes.get(h.name)).toMatch(/^LV042-2025-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(codes.has(shortOne.name)).toBe(false);
    const again = await runUntilDone(coordinator, { year: YEAR });
    expect(again.id).not.toBe(runId);
    expect(again.issued).toBe(0);
    expect(again.skipped).toBe(again.eligible);
  });

  it('sends exactly one email with the PDF per certificate', async () => {
    for (const h of holders) expect(mailsWith(codes.get(h.name)!)).toHaveLength(1);
  });

  it('refuses a coordinator of another municipality (403) and a youth (403)', async () => {
    const other = await tokenFor({ role: 'coordinator', sub: `other-${tag}`, municipality: 'LV-056' });
    expect((await call('POST', '/v1/certificate-runs', { token: other, body: { year: YEAR, municipality: M } })).status).toBe(403);
    expect((await call('GET', `/v1/certificate-runs/${runId}`, { token: other })).status).toBe(403);
    expect((await call('GET', `/v1/municipalities/${M}/certificate-roster.csv?year=${YEAR}`, { token: other })).status).toBe(403);
    expect((await call('POST', `/v1/certificates/${codes.get(holders[0]!.name)}/revoke`, { token: other, body: { reason: 'x' } })).status).toBe(403);
    const youth = await tokenFor({ role: 'youth', sub: holders[0]!.id, municipality: M });
    expect((await call('POST', '/v1/certificate-runs', { token: youth, body: { year: YEAR } })).status).toBe(403);
  });
});

describe('public verification', () => {
  it('shows status, name, year, hours and municipality — no birth date, no email, no ids', async () => {
    const code = codes.get(holders[1]!.name)!;
    const res = await call('GET', `/v1/certificates/${code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ code, status: 'valid', holderName: 'Anna Bērziņa', year: YEAR, hours: '62.5', municipality: { code: M, name: 'Jēkabpils novads' } });
    expect(res.text).not.toMatch(/birth|@example|2005-06-15|cert-/);
  });

  it('answers 404 for an unknown (well-formed) code and 400 naming the field for a mistyped one', async () => {
    expect((await call('GET', `/v1/certificates/${generate(seededRandom(7), M, YEAR)}`)).status).toBe(404);
    const typo = await call('GET', '/v1/certificates/LV042-2025-AAAA-AAAB');
    expect(typo.status).toBe(400);
    expect(typo.json.errors?.[0]?.field ?? JSON.stringify(typo.json)).toContain('code');
  });
});

describe('the PDF', () => {
  it('is downloaded by its holder through a short-lived link, and its text holds the Latvian name and municipality exactly', async () => {
    const holder = holders[0]!;
    const code = codes.get(holder.name)!;
    const youth = await tokenFor({ role: 'youth', sub: holder.id, municipality: M });
    const link = await call('GET', `/v1/certificates/${code}/download`, { token: youth });
    expect(link.status).toBe(200);
    const pdf = new Uint8Array(await (await fetch(link.json.url)).arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('Ģirts Ķēniņš-Šņore');
    expect(text).toContain('Jēkabpils');
    expect(text).toContain(code);
    const stranger = await tokenFor({ role: 'youth', sub: `stranger-${tag}`, municipality: M });
    expect((await call('GET', `/v1/certificates/${code}/download`, { token: stranger })).status).toBe(403);
  });
});

describe('the VC-JWT', () => {
  const options = async () => ({
    jwks: (await call('GET', '/.well-known/jwks.json')).json,
    baseUrl: baseUrl(),
    now: new Date(),
    status: revocationListLookup(async (url) => (await (await fetch(url)).json()) as RevocationList),
  });

  it('verifies with the JWKS served at /.well-known/jwks.json; a tampered one fails; a revoked one reports revoked', async () => {
    const code = codes.get(holders[0]!.name)!;
    const res = await call('GET', `/v1/certificates/${code}/credential`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/vc+jwt');
    const jwt = res.text;
    const valid = await verifyCredential(jwt, { ...(await options()), expectedHolder: { name: 'Ģirts Ķēniņš-Šņore', volunteerId: holders[0]!.id } });
    expect(valid.status).toBe('valid');

    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    payload.credentialSubject.result[0].value = '600';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expect(await verifyCredential(tampered, await options())).toMatchObject({ status: 'invalid', reason: 'signature' });

    const revoked = await call('POST', `/v1/certificates/${code}/revoke`, { token: coordinator, body: { reason: 'Stundas atsauktas pēc pārbaudes' } });
    expect(revoked.status).toBe(200);
    expect(await verifyCredential(jwt, await options())).toMatchObject({ status: 'revoked', reason: 'Stundas atsauktas pēc pārbaudes' });
    expect((await call('GET', `/v1/certificates/${code}`)).json).toMatchObject({ status: 'revoked', revocationReason: 'Stundas atsauktas pēc pārbaudes' });
    expect((await call('POST', `/v1/certificates/${code}/revoke`, { token: coordinator, body: { reason: 'vēlreiz' } })).status).toBe(409);
  });
});
