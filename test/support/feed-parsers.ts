// Independent parsers for the feeds' output: ical.js reads RFC 5545, fast-xml-parser validates and reads the Atom XML.
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  start: string;
  end: string;
  location: string | null;
  description: string | null;
}

/** Every VEVENT of an iCalendar text, read by ical.js (throws on text it cannot parse). */
export function parseCalendar(text: string): { name: string | null; method: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid, sequence: e.sequence, status: String(v.getFirstPropertyValue('status') ?? ''), summary: e.summary,
      start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(),
      location: e.location ?? null, description: e.description ?? null,
    };
  });
  const str = (name: string) => { const v = calendar.getFirstPropertyValue(name); return v === null ? null : String(v); };
  return { name: str('x-wr-calname'), method: str('method'), events };
}

export interface AtomEntry {
  id: string;
  title: string;
  summary: string;
  updated: string;
  published?: string;
  links: { href: string; rel?: string; type?: string }[];
  categories: string[];
  authors: string[];
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => (typeof v === 'object' && v !== null && '#text' in v ? String((v as { '#text': unknown })['#text']) : String(v ?? ''));

/** An Atom document, well-formedness checked by fast-xml-parser's validator and read by its parser. */
export function parseAtom(xml: string) {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', parseTagValue: false }).parse(xml);
  const feed = doc.feed as Record<string, unknown> & { xmlns: string };
  const entries: AtomEntry[] = list(feed.entry as Record<string, unknown>[] | undefined).map((e) => ({
    id: text(e.id), title: text(e.title), summary: text(e.summary), updated: text(e.updated), ...(e.published ? { published: text(e.published) } : {}),
    links: list(e.link as { href: string }[]), categories: list(e.category as { term: string }[]).map((c) => c.term),
    authors: list(e.author as { name: string }[]).map((a) => text(a.name)),
  }));
  return {
    namespace: feed.xmlns, id: text(feed.id), title: text(feed.title), updated: text(feed.updated),
    authors: list(feed.author as { name: string }[]).map((a) => text(a.name)), links: list(feed.link as { href: string; rel?: string }[]), entries,
  };
}
