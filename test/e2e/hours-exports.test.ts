import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { aWorld, aYouth, anEntry, daysAgo, expectStatus } from '../support/hours-api.js';
import { baseUrl, call, tokenFor } from '../support/http.js';

const M = 'LV-087';

describe('logbook exports over HTTP', () => {
  it("exports a youth's year as CSV and as a Latvian PDF statement, and the municipality report as CSV", async () => {
    const world = await aWorld(call, tokenFor, M);
    const youth = await aYouth(call, tokenFor, M, { name: 'Ģirts Ķēniņš-Šņore' });
    const date = daysAgo(1);
    const year = date.slice(0, 4);
    const a = await anEntry(call, youth.token, world.institutionId, { date, minutes: 90, activity: 'Šūšanas darbnīca' });
    await anEntry(call, youth.token, world.institutionId, { date, minutes: 30 });
    await expectStatus(call('POST', `/v1/hour-entries/${a.id}/decision`, { token: world.supervisor, body: { decision: 'approve' } }), 200);

    const csv = await expectStatus(call('GET', `/v1/volunteers/me/hours.csv?year=${year}`, { token: youth.token }), 200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text).toContain('Šūšanas darbnīca');
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);

    const res = await fetch(`${baseUrl()}/v1/volunteers/me/hours.pdf?year=${year}`, { headers: { authorization: `Bearer ${youth.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('Ģirts Ķēniņš-Šņore');
    expect(text).toContain('Salaspils novads');
    expect(text).toContain('Apstiprinātās stundas kopā: 1:30');
    expect(text).toContain('Šūšanas darbnīca');

    const report = await expectStatus(call('GET', `/v1/municipalities/${M}/hours-report.csv?year=${year}`, { token: world.coordinator }), 200);
    expect(report.text).toContain('brīvprātīgais,' + youth.sub + ',Ģirts Ķēniņš-Šņore,90,30,1:30');
    expect(report.text).toContain(`mēnesis,${date.slice(0, 7)}`);
  });
});
