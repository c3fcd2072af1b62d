import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { isIsoDate } from '../corpus/calendar-date.js';

/** An article as readout keeps it: plain-text paragraphs and the page's own metadata. */
export interface ExtractedArticle {
  title: string | null;
  /** Paragraphs separated by blank lines, as a seed file is written. */
  text: string;
  /** `YYYY-MM-DD` as the page states it (its own zone, not this machine's), or null. */
  publishedDate: string | null;
  /** The page's canonical address (`<link rel=canonical>`, `og:url`), else the address it was read from. */
  canonicalUrl: string | null;
  /** The site's name (`og:site_name`), else its host name. */
  source: string | null;
}

// Below this much text, what Readability found is a teaser, an index or a cookie wall rather than an article.
const MIN_ARTICLE_CHARS = 200;
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td';
const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.date"]',
  'meta[name="dc.date"]',
];

/** Extracts the article of an HTML page with Readability over jsdom (no scripts, no subresources); null when there is none. */
export function extractArticle(html: string, pageUrl: string | null): ExtractedArticle | null {
  const dom = new JSDOM(html, { ...(pageUrl ? { url: pageUrl } : {}), virtualConsole: new VirtualConsole() });
  const { document } = dom.window;
  try {
    // Readability rewrites the document, so the metadata is read first.
    const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || null;
    const canonical =
      absoluteUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl) ??
      absoluteUrl(meta('meta[property="og:url"]'), pageUrl);
    const published =
      DATE_SELECTORS.map(meta).find((value) => isoDateOf(value) !== null) ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      jsonLdDate(document);
    const siteName = meta('meta[property="og:site_name"]');
    const article = new Readability(document).parse();
    if (!article?.content) return null;
    const text = paragraphsOf(article.content);
    if (text.replace(/\s+/g, ' ').length < MIN_ARTICLE_CHARS) return null;
    const url = canonical ?? pageUrl;
    return {
      title: article.title?.trim() || meta('meta[property="og:title"]'),
      text,
      publishedDate: isoDateOf(published ?? null) ?? isoDateOf(article.publishedTime ?? null),
      canonicalUrl: url,
      source: siteName ?? article.siteName?.trim() ?? (url ? new URL(url).hostname.replace(/^www\./, '') : null),
    };
  } finally {
    dom.window.close();
  }
}

/** The article HTML Readability kept, as plain paragraphs: one per block element, blank lines between. */
function paragraphsOf(content: string): string {
  const dom = new JSDOM(content, { virtualConsole: new VirtualConsole() });
  try {
    const blocks = [...dom.window.document.querySelectorAll(BLOCKS)]
      // A block holding other blocks (a <li> with a <p>) is read through its children.
      .filter((element) => element.querySelector(BLOCKS) === null)
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '');
    if (blocks.length > 0) return blocks.join('\n\n');
    return (dom.window.document.body.textContent ?? '')
      .split(/\n\s*\n/)
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n\n');
  } finally {
    dom.window.close();
  }
}

function isoDateOf(value: string | null): string | null {
  const date = value ? /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1] : undefined;
  return date && isIsoDate(date) ? date : null;
}

function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function jsonLdDate(document: Document): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    if (match?.[1]) return match[1];
  }
  return null;
}
