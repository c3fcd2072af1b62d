import { parseFeed } from '@rowanmanning/feed-parser';

/** One item of a feed, as readout uses it. */
export interface FeedItemFields {
  guid: string | null;
  link: string | null;
  title: string | null;
  /** `YYYY-MM-DD` (UTC) or null. */
  published: string | null;
}

export type ParsedFeed = { ok: true; title: string | null; items: FeedItemFields[] } | { ok: false; reason: string };

/** Parses RSS 2.0, RSS 1.0 (RDF) or Atom text; a document that is not a feed is a value with a reason, never a throw. */
export function parseFeedText(xml: string): ParsedFeed {
  try {
    const feed = parseFeed(xml);
    return {
      ok: true,
      title: feed.title,
      items: feed.items.map((item) => ({
        guid: item.id,
        link: item.url,
        title: item.title,
        published: item.published ? item.published.toISOString().slice(0, 10) : null,
      })),
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
