// News, the Atom and iCalendar feeds and the private calendar link, through the local gateway, the output read back
// by independent parsers (ical.js, fast-xml-parser).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../lib/domain/clock.js';
import { parseAtom, parseCalendar } from '../support/feed-parsers.js';
import { aWorld, aYouth, expectStatus, type World } from '../support/hours-api.js';
import { baseUrl, call, tokenFor } from '../support/http.js';
import { anOpportunityInput, inDays } from '../support/youth-house-builders.js';

const M = 'LV-089';
const day = (offset: number) => rigaDate(new Date(Date.now() + offset * 86_400_000));
let world: World;
beforeAll(async () => {
  world = await aWorld(call, tokenFor, M);
});

const aNews = (overrides: Record<string, unknown> = {}) => ({
  title: { lv: `Jauniešu centra ziņas ${randomUUID().slice(0, 8)}`, en: 'Youth centre news' },
  text: { lv: 'Šonedēļ sāksim "Lielo talku" — nāc & ņem līdzi draugus <3', en: 'The big clean-up starts this week' },
  publishOn: day(-1), ...overrides,
});
const postNews = (token: string, body: unknown, code = M) => call('POST', `/v1/municipalities/${code}/news`, { token, body });

async function aPublished(overrides: Record<string, unknown> = {}) {
  const o = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, { token: world.coordinator, body: anOpportunityInput(overrides) }), 201);
  await expectStatus(call('PUT', `/v1/opportunities/${o.json.id}/status`, { token: world.coordinator, body: { status: 'published' } }), 200);
  return o.json as { id: string };
}
const setStatus = (id: string, status: string) => expectStatus(call('PUT', `/v1/opportunities/${id}/status`, { token: world.coordinator, body: { status } }), 200);

describe('youth-house news', () => {
  it('a coordinator writes; the public list shows current posts only, newest publication first', async () => {
    const older = await expectStatus(postNews(world.coordinator, aNews({ publishOn: day(-3) })), 201);
    const current = await expectStatus(postNews(world.coordinator, aNews()), 201);
    const future = await expectStatus(postNews(world.coordinator, aNews({ publishOn: day(5) })), 201);
    const expired = await expectStatus(postNews(world.coordinator, aNews({ publishOn: day(-10), expiresOn: day(-2) })), 201);
    const list = await expectStatus(call('GET', `/v1/municipalities/${M}/news`), 200);
    const ids = list.json.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(current.json.id);
    expect(ids.indexOf(current.json.id)).toBeLessThan(ids.indexOf(older.json.id));
    expect(ids).not.toContain(future.json.id);
    expect(ids).not.toContain(expired.json.id);
    await expectStatus(call('GET', `/v1/news/${future.json.id}`), 404);
    const one = await expectStatus(call('GET', `/v1/news/${current.json.id}`), 200);
    expect(one.json).toMatchObject({ municipality: M, title: { en: 'Youth centre news' } });
    expect(one.json.createdBy).toBeUndefined();
  });

  it('refuses other municipalities, supervisors and youth with 403 and bad dates with 400, writing nothing', async () => {
    const other = await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: 'LV-077' });
    const youth = await tokenFor({ role: 'youth', sub: `y-${randomUUID()}`, municipality: M });
    const marker = `Nedrīkst ${randomUUID()}`;
    await expectStatus(postNews(other, aNews({ title: { lv: marker } })), 403);
    await expectStatus(postNews(world.supervisor, aNews({ title: { lv: marker } })), 403);
    await expectStatus(postNews(youth, aNews({ title: { lv: marker } })), 403);
    const bad = await expectStatus(postNews(world.coordinator, aNews({ title: { lv: marker }, publishOn: day(2), expiresOn: day(1) })), 400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect(JSON.stringify(bad.json)).toContain('expiry-not-before-publication');
    const list = await expectStatus(call('GET', `/v1/municipalities/${M}/news`), 200);
    expect(list.text).not.toContain(marker);
    const post = await expectStatus(postNews(world.coordinator, aNews()), 201);
    await expectStatus(call('PUT', `/v1/news/${post.json.id}`, { token: other, body: aNews() }), 403);
    await expectStatus(call('DELETE', `/v1/news/${post.json.id}`, { token: other }), 403);
  });

  it('updates and withdraws a post', async () => {
    const post = await expectStatus(postNews(world.coordinator, aNews()), 201);
    const updated = await expectStatus(call('PUT', `/v1/news/${post.json.id}`, { token: world.coordinator, body: aNews({ title: { lv: 'Labots virsraksts' } }) }), 200);
    expect(updated.json.title).toEqual({ lv: 'Labots virsraksts' });
    expect(updated.json.updatedAt > post.json.updatedAt).toBe(true);
    await expectStatus(call('DELETE', `/v1/news/${post.json.id}`, { token: world.coordinator }), 204);
    await expectStatus(call('GET', `/v1/news/${post.json.id}`), 404);
    await expectStatus(call('DELETE', `/v1/news/${post.json.id}`, { token: world.coordinator }), 404);
  });

  it('takes an image by pre-signed upload and redirects the public to it once uploaded', async () => {
    const post = await expectStatus(postNews(world.coordinator, aNews()), 201);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await expectStatus(call('POST', `/v1/news/${post.json.id}/image`, { token: world.coordinator, body: { contentType: 'image/gif', sizeBytes: 10 } }), 400);
    const req = await expectStatus(call('POST', `/v1/news/${post.json.id}/image`, {
      token: world.coordinator, body: { contentType: 'image/png', sizeBytes: png.length, alt: { lv: 'Talkas dalībnieki' } },
    }), 201);
    expect(req.json.news.image).toMatchObject({ contentType: 'image/png', url: expect.stringMatching(new RegExp(`/v1/news/${post.json.id}/image$`)) });
    await expectStatus(call('GET', `/v1/news/${post.json.id}/image`), 404);
    const put = await fetch(req.json.upload.url, { method: 'PUT', headers: req.json.upload.headers, body: png });
    expect(put.status).toBeLessThan(300);
    const image = await fetch(`${baseUrl()}/v1/news/${post.json.id}/image`, { redirect: 'manual' });
    expect(image.status).toBe(302);
    const bytes = Buffer.from(await (await fetch(image.headers.get('location')!)).arrayBuffer());
    expect(bytes.equals(png)).toBe(true);
  });
});

describe('the Atom feed', () => {
  it('lists current news and published opportunities as RFC 4287 entries with stable ids, in Latvian or English', async () => {
    const news = await expectStatus(postNews(world.coordinator, aNews()), 201);
    const o = await aPublished({ title: { lv: 'Bibliotēkas lasīšanas stunda', en: 'Library reading hour' } });
    const draft = await expectStatus(call('POST', `/v1/municipalities/${M}/opportunities`, { token: world.coordinator, body: anOpportunityInput() }), 201);
    const res = await expectStatus(call('GET', `/v1/municipalities/${M}/feed.atom`), 200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseAtom(res.text);
    expect(feed.namespace).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toContain('Saulkrastu');
    expect(feed.authors.length).toBeGreaterThan(0);
    expect(feed.links.find((l) => l.rel === 'self')?.href).toMatch(/\/v1\/municipalities\/LV-089\/feed\.atom$/);
    const byId = new Map(feed.entries.map((e) => [e.id, e]));
    const n = byId.get(`urn:uuid:${news.json.id}`);
    expect(n?.title).toBe(news.json.title.lv);
    // the text is escaped for type="html": a reader shows what was typed
    expect(n?.summary).toContain('nāc &amp; ņem līdzi draugus &lt;3');
    expect(n?.categories).toContain('news');
    const e = byId.get(`urn:uuid:${o.id}`);
    expect(e?.title).toBe('Bibliotēkas lasīšanas stunda');
    expect(e?.links[0]?.href).toMatch(new RegExp(`/v1/opportunities/${o.id}$`));
    expect(byId.has(`urn:uuid:${draft.json.id}`)).toBe(false);
    for (const entry of feed.entries) expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    const en = parseAtom((await expectStatus(call('GET', `/v1/municipalities/${M}/feed.atom?lang=en`), 200)).text);
    expect(en.entries.find((x) => x.id === `urn:uuid:${o.id}`)?.title).toBe('Library reading hour');
  });

  it('is a 404 problem for an unknown municipality', async () => {
    await expectStatus(call('GET', '/v1/municipalities/LV-999/feed.atom'), 404);
  });
});

describe('the iCalendar feeds', () => {
  it('lists upcoming shifts with stable UIDs; a cancellation keeps the UIDs, raises SEQUENCE and says STATUS:CANCELLED', async () => {
    const o = await aPublished({ shifts: [{ start: inDays(12), durationMinutes: 90, places: 5 }, { start: inDays(13), durationMinutes: 120, places: 5 }], signUpDeadline: inDays(11) });
    const before = await expectStatus(call('GET', `/v1/municipalities/${M}/shifts.ics`), 200);
    expect(before.headers.get('content-type')).toMatch(/^text\/calendar/);
    const cal = parseCalendar(before.text);
    expect(cal.method).toBe('PUBLISH');
    const mine = cal.events.filter((e) => e.uid.includes(o.id));
    expect(mine.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    expect(mine[0]).toMatchObject({ summary: 'Talka Mežaparkā', start: inDays(12), end: new Date(Date.parse(inDays(12)) + 90 * 60_000).toISOString(), location: 'Brīvības iela 120, Jēkabpils' });
    expect(new Set(mine.map((e) => e.uid)).size).toBe(2);

    await setStatus(o.id, 'closed');
    const closed = parseCalendar((await expectStatus(call('GET', `/v1/municipalities/${M}/shifts.ics`), 200)).text).events.filter((e) => e.uid.includes(o.id));
    expect(closed.map((e) => e.uid)).toEqual(mine.map((e) => e.uid));
    expect(closed.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    await setStatus(o.id, 'cancelled');
    const after = parseCalendar((await expectStatus(call('GET', `/v1/municipalities/${M}/shifts.ics`), 200)).text).events.filter((e) => e.uid.includes(o.id));
    expect(after.map((e) => e.uid)).toEqual(mine.map((e) => e.uid));
    expect(after.map((e) => e.status)).toEqual(['CANCELLED', 'CANCELLED']);
    for (let i = 0; i < 2; i++) expect(after[i]!.sequence).toBeGreaterThan(closed[i]!.sequence);
    expect(closed[0]!.sequence).toBeGreaterThan(mine[0]!.sequence);
  });

  it('a shift called off: its event says STATUS:CANCELLED with a higher SEQUENCE, the other shift stays; the public view and JSON-LD agree', async () => {
    const o = await aPublished({ shifts: [{ start: inDays(12), durationMinutes: 90, places: 5 }, { start: inDays(13), durationMinutes: 120, places: 5 }], signUpDeadline: inDays(11) });
    const youth = await aYouth(call, tokenFor, M);
    await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, { token: youth.token }), 201);
    const before = parseCalendar((await expectStatus(call('GET', `/v1/municipalities/${M}/shifts.ics`), 200)).text).events.filter((e) => e.uid.includes(o.id));
    await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/cancellation`, { token: youth.token }), 403);
    // bad input: a problem naming the field, and nothing written (the calendar below still shows both shifts as before)
    const bad = await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/x/cancellation`, { token: world.coordinator }), 400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.json).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'path.shift' })] });
    expect((await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/7/cancellation`, { token: world.coordinator }), 404)).json.status).toBe(404);
    expect((await expectStatus(call('GET', `/v1/opportunities/${o.id}`), 200)).json.shifts.map((s: { cancelled: boolean }) => s.cancelled)).toEqual([false, false]);
    const off = await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/cancellation`, { token: world.coordinator }), 200);
    expect(off.json.shifts.map((s: { cancelled: boolean }) => s.cancelled)).toEqual([true, false]);

    const after = parseCalendar((await expectStatus(call('GET', `/v1/municipalities/${M}/shifts.ics`), 200)).text).events.filter((e) => e.uid.includes(o.id));
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.map((e) => e.status)).toEqual(['CANCELLED', 'CONFIRMED']);
    expect(after[0]!.sequence).toBeGreaterThan(before[0]!.sequence);
    const view = await expectStatus(call('GET', `/v1/opportunities/${o.id}`), 200);
    expect(view.json.shifts.map((s: { remainingPlaces: number }) => s.remainingPlaces)).toEqual([0, 5]);
    expect(view.json.jsonLd.map((e: { eventStatus: string }) => e.eventStatus)).toEqual(['https://schema.org/EventCancelled', 'https://schema.org/EventScheduled']);
    const refused = await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, { token: (await aYouth(call, tokenFor, M)).token }), 422);
    expect(refused.json).toMatchObject({ status: 422, rule: 'youth-house.shift-cancelled' });
    // the young person's own calendar says so too
    const link = await expectStatus(call('PUT', '/v1/me/calendar', { token: youth.token }), 200);
    const own = parseCalendar((await expectStatus(call('GET', new URL(link.json.url).pathname), 200)).text).events.filter((e) => e.uid.includes(o.id));
    expect(own.map((e) => e.status)).toEqual(['CANCELLED']);
  });

  it("gives a youth a private, revocable calendar of their own shifts; rotating retires the old URL", async () => {
    const o = await aPublished({ title: { lv: 'Daugavas krasta sakopšana' } });
    const youth = await aYouth(call, tokenFor, M);
    await expectStatus(call('GET', '/v1/me/calendar', { token: youth.token }), 200).then((r) => expect(r.json).toEqual({ active: false }));
    await expectStatus(call('PUT', '/v1/me/calendar', { token: world.coordinator }), 403);
    await expectStatus(call('POST', `/v1/opportunities/${o.id}/shifts/0/sign-ups`, { token: youth.token }), 201);
    const link = await expectStatus(call('PUT', '/v1/me/calendar', { token: youth.token }), 200);
    const path = new URL(link.json.url).pathname;
    expect(path).toMatch(/^\/v1\/calendars\/[A-Za-z0-9_-]{43}$/);
    const feed = await expectStatus(call('GET', path), 200);
    expect(feed.headers.get('cache-control')).toBe('private, no-store');
    const [event] = parseCalendar(feed.text).events;
    expect(event).toMatchObject({ summary: 'Daugavas krasta sakopšana', status: 'CONFIRMED' });
    expect(event!.uid).toContain(o.id);

    await expectStatus(call('DELETE', `/v1/opportunities/${o.id}/shifts/0/sign-ups/me`, { token: youth.token }), 200);
    const [cancelled] = parseCalendar((await expectStatus(call('GET', path), 200)).text).events;
    expect(cancelled).toMatchObject({ uid: event!.uid, status: 'CANCELLED' });
    expect(cancelled!.sequence).toBeGreaterThanOrEqual(event!.sequence);

    const rotated = await expectStatus(call('PUT', '/v1/me/calendar', { token: youth.token }), 200);
    expect(rotated.json.url).not.toBe(link.json.url);
    await expectStatus(call('GET', path), 404);
    const newPath = new URL(rotated.json.url).pathname;
    await expectStatus(call('GET', newPath), 200);
    expect((await expectStatus(call('GET', '/v1/me/calendar', { token: youth.token }), 200)).json).toMatchObject({ active: true });
    await expectStatus(call('DELETE', '/v1/me/calendar', { token: youth.token }), 204);
    await expectStatus(call('GET', newPath), 404);
    await expectStatus(call('DELETE', '/v1/me/calendar', { token: youth.token }), 404);
    await expectStatus(call('GET', `/v1/calendars/${'A'.repeat(43)}`), 404);
    await expectStatus(call('GET', '/v1/calendars/short'), 400);
  });
});
