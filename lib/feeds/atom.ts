// RFC 4287 Atom rendering of a FeedDocument with the `feed` package (no hand-written XML).
import { Feed } from 'feed';
import type { FeedDocument } from '../domain/youth-house/feeds.js';

/** The library marks titles and summaries type="html": our plain text is escaped so it reads as typed. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br/>');

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export function renderAtom(doc: FeedDocument): string {
  const feed = new Feed({
    id: doc.id, title: doc.title, description: doc.subtitle, link: doc.link, feed: doc.self, language: doc.language,
    updated: new Date(doc.updated), author: { name: doc.author }, generator: 'Jaunatnes darba platforma', copyright: doc.author,
  });
  for (const e of doc.entries) {
    feed.addItem({
      id: e.id, title: html(e.title), description: html(e.summary), link: e.link,
      date: new Date(e.updated), published: new Date(e.published), author: [{ name: doc.author }],
      category: e.categories.map((term) => ({ term, name: term })),
      ...(e.image ? { image: { url: e.image.url, type: e.image.type } } : {}),
    });
  }
  return feed.atom1();
}
