// Youth-house figures for 500 published opportunities of one municipality: p50/p99 of the public list (first page),
// the Atom feed and the iCalendar feed through the local gateway vs the same DynamoDB calls raw (bench/replay.ts),
// and the feeds' generation alone (content rules + rendering with `feed` / `ics`, no database).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localClient } from '../lib/data/admin.js';
import { createDocumentClient } from '../lib/data/client.js';
import { DynamoFeedReader } from '../lib/data/feed-reader.js';
import { DynamoYouthHouseRepository } from '../lib/data/youth-house-repository.js';
import { municipalityCalendar, municipalityFeed } from '../lib/domain/youth-house/feeds.js';
import type { Opportunity } from '../lib/domain/youth-house/types.js';
import { renderAtom } from '../lib/feeds/atom.js';
import { renderCalendar } from '../lib/feeds/ical.js';
import { startLocalStack } from '../lib/local/stack.js';
import { CallRecorder, comparisonRows, gatewayVsRaw } from './replay.js';
import { FULL, measure, printTable, type BenchOptions } from './stats.js';

const M = 'LV-042';
const at = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

export function anOpportunity(i: number): Opportunity {
  const now = new Date().toISOString();
  return {
    id: randomUUID(), municipality: M, status: 'draft', kind: i % 2 ? 'volunteering' : 'event',
    title: { lv: `Talka Nr. ${i} Daugavas krastā`, en: `Clean-up no. ${i}` },
    description: { lv: 'Sakopsim Daugavas krastmalu kopā: cimdus, maisus un tēju nodrošinām. '.repeat(3) },
    topics: ['environment-climate', 'volunteering'],
    place: { type: 'address', address: 'Daugavas krastmala, Jēkabpils', coordinates: { lat: 56.5087, lon: 25.8765 } },
    ageRange: { min: 13, max: 25 },
    shifts: [{ start: at(2 + (i % 60), 8), durationMinutes: 120, places: 10 }, { start: at(3 + (i % 60), 12), durationMinutes: 90, places: 10 }],
    registered: [0, 0], creditedMinutesPerShift: 120, signUpDeadline: at(1, 8),
    contact: { name: 'Jēkabpils jauniešu centrs "Mārtiņš"', email: 'jauniesi@example.lv' }, createdAt: now, createdBy: 'bench', updatedAt: now,
  };
}

export async function benchYouthHouse(options: BenchOptions = FULL): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jaunatne-bench-youth-house-'));
  const stack = await startLocalStack({ dataDir: dir, persist: false, port: 0, tableName: 'jaunatne-bench-youth-house', dynamo: options.dynamo });
  const raw = createDocumentClient(localClient(stack.dynamo.endpoint));
  try {
    const count = options.smoke ? 10 : 500;
    const repo = new DynamoYouthHouseRepository(stack.runtime.db, stack.tableName);
    const all = Array.from({ length: count }, (_, i) => anOpportunity(i));
    for (let i = 0; i < all.length; i += 16) {
      await Promise.all(all.slice(i, i + 16).map(async (o) => {
        await repo.createOpportunity(o);
        await repo.setStatus(o.id, 'draft', 'published', new Date().toISOString(), []);
      }));
    }

    const get = (path: string) => async () => {
      const res = await fetch(`${stack.baseUrl}${path}`);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const recorder = new CallRecorder(stack.runtime.db);
    const warmup = options.smoke ? 1 : 10;
    const routes = [
      ['GET /v1/municipalities/{code}/opportunities (first page of 20)', `/v1/municipalities/${M}/opportunities?limit=20`, options.smoke ? 3 : 300],
      ['GET /v1/municipalities/{code}/feed.atom', `/v1/municipalities/${M}/feed.atom`, options.smoke ? 3 : 50],
      ['GET /v1/municipalities/{code}/shifts.ics', `/v1/municipalities/${M}/shifts.ics`, options.smoke ? 3 : 50],
    ] as const;
    for (const [route, path, n] of routes) {
      const run = await gatewayVsRaw(recorder, raw, get(path), n, warmup);
      printTable(`${route} via gateway vs the same DynamoDB calls raw (${count} published opportunities, ${n} sequential requests each)`,
        comparisonRows(route, await run.measureRaw()));
    }

    // generation alone: the same opportunities as the feeds read them, content rules + rendering, no database
    const read = await new DynamoFeedReader(stack.runtime.db, stack.tableName).calendarOpportunities(M, new Date().toISOString());
    const n = options.smoke ? 3 : 50;
    const now = new Date();
    const ics = await measure(async () => renderCalendar(municipalityCalendar('Jēkabpils novads', read, now, stack.baseUrl, 'lv')), n, warmup);
    const atom = await measure(async () => renderAtom(municipalityFeed({ municipality: M, name: 'Jēkabpils novads', self: `${stack.baseUrl}/feed.atom` }, [], read, now, '2026-01-01', stack.baseUrl, 'lv')), n, warmup);
    const bytes = (s: string) => Buffer.byteLength(s);
    printTable(`Feed generation without the database (${read.length} opportunities, ${read.length * 2} shifts; ${n} runs each)`, [
      { feed: 'iCalendar (ics): every upcoming shift', events: read.length * 2, kb: bytes(renderCalendar(municipalityCalendar('x', read, now, stack.baseUrl, 'lv'))) / 1024, p50_ms: ics.p50, p99_ms: ics.p99 },
      { feed: 'Atom (feed): the newest 50 entries', events: Math.min(50, read.length), kb: bytes(renderAtom(municipalityFeed({ municipality: M, name: 'x', self: `${stack.baseUrl}/feed.atom` }, [], read, now, '2026-01-01', stack.baseUrl, 'lv'))) / 1024, p50_ms: atom.p50, p99_ms: atom.p99 },
    ]);
  } finally {
    raw.destroy();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
