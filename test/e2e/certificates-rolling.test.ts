// Rolling issue and flag-on-reversal through the gateway: the outbox relay delivers ThresholdReached, CertificateIssued and
// HoursReversed from the table stream to the local bus's certificate reactions, shortly after each commit (hence the waits).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, vi } from 'vitest';
import { aWorld, aYouth, anEntry, daysAgo, expectStatus } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';

const M = 'LV-113';

describe('rolling issue and reversal', () => {
  it('issues on reaching the threshold when the programme says so, flags it when a reversal drops below, and the coordinator keeps or revokes', async () => {
    const world = await aWorld(call, tokenFor, M);
    await expectStatus(call('PUT', `/v1/municipalities/${M}/hours-programme`, {
      token: world.coordinator,
      body: { thresholdMinutes: 120, rollingIssue: true, recognitionEvent: { date: '2027-02-12', place: 'Valmieras drāmas teātris', text: 'Gaidīsim jūs!' } },
    }), 200);
    const youth = await aYouth(call, tokenFor, M, { email: 'valmiera-rolling@example.lv' });
    const entries = [];
    for (let d = 1; d <= 2; d++) entries.push(await anEntry(call, youth.token, world.institutionId, { date: daysAgo(d), minutes: 60 }));
    for (const e of entries) await expectStatus(call('POST', `/v1/hour-entries/${e.id}/decision`, { token: world.supervisor, body: { decision: 'approve' } }), 200);

    const year = Number(daysAgo(1).slice(0, 4));
    const line = await vi.waitFor(async () => {
      const roster = await expectStatus(call('GET', `/v1/municipalities/${M}/certificate-roster.csv?year=${year}`, { token: world.coordinator }), 200);
      const found = roster.text.split('\r\n').find((l) => l.includes('valmiera-rolling@example.lv'));
      expect(found).toBeDefined();
      return found!;
    }, { timeout: 20_000, interval: 100 });
    const code = line.split(',')[2]!.replace(/"/g, '');

    const outbox = join(inject('e2eDataDir'), 'outbox');
    await vi.waitFor(() => {
      const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'utf8')).filter((m) => m.includes(`apliecinajums-${code}.pdf`));
      expect(mails).toHaveLength(1);
    }, { timeout: 20_000, interval: 100 });

    await expectStatus(call('POST', `/v1/hour-entries/${entries[0]!.id}/reversal`, { token: world.coordinator, body: { reason: 'Ieraksts dublēts' } }), 200);
    await vi.waitFor(async () => {
      const flagged = await expectStatus(call('GET', `/v1/municipalities/${M}/flagged-certificates`, { token: world.coordinator }), 200);
      expect(flagged.json.items.map((c: { code: string }) => c.code)).toContain(code);
    }, { timeout: 20_000, interval: 100 });
    expect((await call('GET', `/v1/certificates/${code}`)).json.status).toBe('valid');

    await expectStatus(call('POST', `/v1/certificates/${code}/keep`, { token: world.coordinator }), 200);
    expect((await call('POST', `/v1/certificates/${code}/keep`, { token: world.coordinator })).status).toBe(409);
    await expectStatus(call('POST', `/v1/certificates/${code}/revoke`, { token: world.coordinator, body: { reason: 'Nepietiek stundu' } }), 200);
    expect((await call('GET', `/v1/certificates/${code}`)).json).toMatchObject({ status: 'revoked', revocationReason: 'Nepietiek stundu' });
    const list = await expectStatus(call('GET', `/v1/municipalities/${M}/credential-revocations`), 200);
    expect(list.json.revokedCredentials.map((r: { id: string }) => r.id.endsWith(`/v1/certificates/${code}`))).toContain(true);
  });
});
