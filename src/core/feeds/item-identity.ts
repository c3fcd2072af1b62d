import type { FeedItemFields } from './parse-feed.js';

/**
 * What makes two feed items the same readout: the guid, else the link, else the title and date. A guid or link is
 * compared without its scheme, `www.` and trailing slash, so a feed that moves from http to https announces nothing again.
 */
export function itemIdentity(item: FeedItemFields): string | null {
  if (item.guid) return `id:${looseUrl(item.guid)}`;
  if (item.link) return `link:${looseUrl(item.link)}`;
  if (item.title) return `title:${item.title.trim().toLowerCase().replace(/\s+/g, ' ')}|${item.published ?? ''}`;
  return null;
}

function looseUrl(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '');
}
