// News, the calendar index and private calendar links on DynamoDB Local, with the same table definition as CDK.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCalendarTokenRepository } from '../../../lib/data/calendar-token-repository.js';
import { DynamoFeedReader } from '../../../lib/data/feed-reader.js';
import { DynamoNewsRepository } from '../../../lib/data/news-repository.js';
import { DynamoYouthHouseRepository } from '../../../lib/data/youth-house-repository.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { NewsPost } from '../../../lib/domain/youth-house/news.js';
import type { Opportunity } from '../../../lib/domain/youth-house/types.js';
import { suiteTable } from '../../support/dynamo.js';
import { anOpportunityInput, inDays } from '../../support/youth-house-builders.js';

let t: Awaited<ReturnType<typeof suiteTable>>;
let news: DynamoNewsRepository;
let tokens: DynamoCalendarTokenRepository;
let feeds: DynamoFeedReader;
let youthHouse: DynamoYouthHouseRepository;
beforeAll(async () => {
  t = await suiteTable('news-feeds');
  news = new DynamoNewsRepository(t.doc, t.table);
  tokens = new DynamoCalendarTokenRepository(t.doc, t.table);
  feeds = new DynamoFeedReader(t.doc, t.table);
  youthHouse = new DynamoYouthHouseRepository(t.doc, t.table);
});
afterAll(async () => t.drop());

const aPost = (municipality: string, publishOn: string): NewsPost => ({
  id: randomUUID(), municipality, title: { lv: 'Ziņa' }, text: { lv: 'Teksts' }, publishOn,
  createdAt: '2026-05-01T10:00:00.000Z', createdBy: 'c-1', updatedAt: '2026-05-01T10:00:00.000Z',
});
const anOpportunity = (municipality: string, days: number): Opportunity => ({
  ...anOpportunityInput({ shifts: [{ start: inDays(days), durationMinutes: 60, places: 3 }], signUpDeadline: inDays(days - 1) }),
  id: randomUUID(), municipality, status: 'draft', registered: [0], createdAt: new Date().toISOString(), createdBy: 'c-1', updatedAt: new Date().toISOString(),
});

describe('the news repository', () => {
  it("lists a municipality's posts published by a day, newest publication first, and no other municipality's", async () => {
    const m = 'LV-ADA';
    const [a, b, c] = [aPost(m, '2026-05-01'), aPost(m, '2026-05-03'), aPost(m, '2026-05-09')];
    await Promise.all([a, b, c, aPost('LV-OTHER', '2026-05-02')].map((p) => news.create(p)));
    expect((await news.publishedBy(m, '2026-05-05', 10)).map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await news.publishedBy(m, '2026-05-09', 1)).map((p) => p.id)).toEqual([c.id]);
  });

  it('refuses a second create, and a replace or image from a stale read', async () => {
    const p = aPost('LV-ADB', '2026-05-01');
    await news.create(p);
    await expect(news.create(p)).rejects.toBeInstanceOf(ConflictError);
    await news.replace({ ...p, title: { lv: 'Jauns' }, updatedAt: '2026-05-02T00:00:00.000Z' }, p.updatedAt);
    await expect(news.replace({ ...p, title: { lv: 'Vecs' } }, p.updatedAt)).rejects.toBeInstanceOf(ConflictError);
    const image = { contentType: 'image/png' as const, sizeBytes: 10, blobKey: 'news/x.png', requestedAt: '2026-05-03T00:00:00.000Z' };
    await expect(news.setImage(p.id, image, '2026-05-03T00:00:00.000Z', p.updatedAt)).rejects.toBeInstanceOf(ConflictError);
    await news.setImage(p.id, image, '2026-05-03T00:00:00.000Z', '2026-05-02T00:00:00.000Z');
    expect(await news.get(p.id)).toMatchObject({ title: { lv: 'Jauns' }, image, updatedAt: '2026-05-03T00:00:00.000Z' });
    expect(await news.delete(p.id)).toBe(true);
    expect(await news.delete(p.id)).toBe(false);
  });
});

describe('the calendar index', () => {
  it('holds published, closed and cancelled opportunities ending ahead, never drafts, and counts each change', async () => {
    const m = 'LV-CAL';
    const [draft, published, cancelled, ended] = [anOpportunity(m, 5), anOpportunity(m, 6), anOpportunity(m, 7), anOpportunity(m, -3)];
    for (const o of [draft, published, cancelled, ended]) await youthHouse.createOpportunity(o);
    const at = new Date().toISOString();
    for (const o of [published, cancelled, ended]) await youthHouse.setStatus(o.id, 'draft', 'published', at, []);
    await youthHouse.setStatus(cancelled.id, 'published', 'cancelled', at, []);
    const listed = await feeds.calendarOpportunities(m, new Date().toISOString());
    expect(listed.map((o) => o.id).sort()).toEqual([published.id, cancelled.id].sort());
    expect(listed.find((o) => o.id === cancelled.id)).toMatchObject({ status: 'cancelled', revision: 2 });
    expect(listed.find((o) => o.id === published.id)).toMatchObject({ status: 'published', revision: 1 });
    expect((await feeds.opportunities([draft.id, 'missing', published.id])).map((o) => o.id).sort()).toEqual([draft.id, published.id].sort());
  });
});

describe('calendar links', () => {
  it('rotates in one step (the old token stops resolving) and revokes', async () => {
    const youthId = `y-${randomUUID()}`;
    const first = { youthId, tokenHash: randomUUID(), createdAt: '2026-05-01T00:00:00.000Z' };
    await tokens.rotate(first, undefined);
    expect(await tokens.resolve(first.tokenHash)).toBe(youthId);
    const second = { youthId, tokenHash: randomUUID(), createdAt: '2026-05-02T00:00:00.000Z' };
    await tokens.rotate(second, first);
    expect(await tokens.resolve(first.tokenHash)).toBeUndefined();
    expect(await tokens.resolve(second.tokenHash)).toBe(youthId);
    expect(await tokens.current(youthId)).toEqual(second);
    // a rotation from a stale read loses: exactly one link per youth
    await expect(tokens.rotate({ ...second, tokenHash: randomUUID() }, first)).rejects.toBeInstanceOf(ConflictError);
    await expect(tokens.rotate({ ...second, tokenHash: randomUUID() }, undefined)).rejects.toBeInstanceOf(ConflictError);
    expect(await tokens.revoke(second)).toBe(true);
    expect(await tokens.resolve(second.tokenHash)).toBeUndefined();
    expect(await tokens.current(youthId)).toBeUndefined();
    expect(await tokens.revoke(second)).toBe(false);
  });
});

describe('the npm start demo data', () => {
  it('seeds Jēkabpils opportunities and news once a month, which the feeds then show (one cancelled)', async () => {
    const { seedDemoYouthHouse } = await import('../../../lib/local/demo-youth-house.js');
    const now = new Date();
    expect(await seedDemoYouthHouse({ youthHouse, news }, now)).toEqual({ opportunities: 4, news: 2 });
    expect(await seedDemoYouthHouse({ youthHouse, news }, now)).toEqual({ opportunities: 0, news: 0 });
    const listed = await feeds.calendarOpportunities('LV-042', now.toISOString());
    expect(listed).toHaveLength(4);
    expect(listed.filter((o) => o.status === 'cancelled').map((o) => o.title.lv)).toEqual(['Digitālās drošības darbnīca (atcelta)']);
    expect(listed.map((o) => o.title.lv)).toContain('Lielā talka Daugavas krastā');
    for (const o of listed) for (const s of o.shifts) expect(Date.parse(s.start)).toBeGreaterThan(now.getTime());
    expect(await news.publishedBy('LV-042', '9999-12-31', 10)).toHaveLength(2);
  });
});
