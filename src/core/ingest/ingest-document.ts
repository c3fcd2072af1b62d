import { buildDocument } from '../corpus/build-document.js';
import { extractDates } from '../corpus/extract-dates.js';
import type { Sidecar } from '../corpus/sidecar-schema.js';
import type { Document, Gazetteer } from '../document.js';
import { extractQuotes } from '../quotes/extract-quotes.js';
import type { CorpusStore, StoredDocument } from '../store/corpus-store-types.js';
import { truncateGraphemes } from '../text/truncate-graphemes.js';
import { contentHash } from './content-hash.js';
import { type ExtractedArticle, extractArticle } from './extract-article.js';
import { fetchUrl } from './fetch-url.js';
import { ingestMessages as messages } from './ingest-messages.js';

export interface IngestOptions {
  store: CorpusStore;
  /** The people table the corpus uses, so the answer names the people and place a lookup will find. */
  gazetteer: Gazetteer;
  allowPrivate: boolean;
  /** Who adds it: `cli:alice`, `slack:U123`, `feed:<url>`. */
  addedBy: string;
  /** False to add it without telling the channels that follow new readouts; true by default. */
  announce?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

/** A link to fetch, or text (a file, stdin) that is HTML or plain text. */
export type IngestSource = { kind: 'url'; url: string } | { kind: 'text'; text: string };

export type IngestRefusal = 'bad_url' | 'private' | 'unreachable' | 'too_large' | 'wrong_type' | 'http_error' | 'redirects' | 'not_article';

/** What an ingest did, with the one line to show for it. */
export type IngestOutcome =
  | { kind: 'added'; document: StoredDocument; parsed: Document; quotes: number; message: string }
  | { kind: 'duplicate'; existing: StoredDocument; match: 'canonical_url' | 'content_hash'; message: string }
  | { kind: 'refused'; code: IngestRefusal; message: string };

export const INGEST_TIMEOUT_MS = 15_000;
export const INGEST_MAX_BYTES = 5 * 1024 * 1024;
const ARTICLE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'];
const SHOWN_TITLE = 100;

/**
 * Turns a link or a text into a stored document: fetch (deadline, size cap, five redirects, public addresses only unless
 * allowed), Readability over jsdom, title and dates from the page, then the same parser as a seed file. A copy already in
 * the store (same canonical URL, or the same text once case, spacing and punctuation are folded) is reported, not added.
 */
export async function ingestDocument(source: IngestSource, options: IngestOptions): Promise<IngestOutcome> {
  let article: ExtractedArticle | null;
  let sourceUrl: string | null = null;
  if (source.kind === 'url') {
    const fetched = await fetchUrl(source.url, {
      timeoutMs: options.timeoutMs ?? INGEST_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? INGEST_MAX_BYTES,
      allowPrivate: options.allowPrivate,
      accept: ARTICLE_TYPES,
    });
    if (!fetched.ok) return { kind: 'refused', code: fetched.code, message: fetched.reason };
    if (fetched.status !== 200)
      return { kind: 'refused', code: 'http_error', message: messages.httpStatus(new URL(fetched.url).host, fetched.status) };
    sourceUrl = fetched.url;
    article = fetched.contentType === 'text/plain' ? plainArticle(fetched.text, fetched.url) : extractArticle(fetched.text, fetched.url);
  } else {
    article = /^\s*</.test(source.text) ? extractArticle(source.text, null) : plainArticle(source.text, null);
  }
  if (!article || article.text.trim() === '') return { kind: 'refused', code: 'not_article', message: messages.notArticle() };

  const canonicalUrl = article.canonicalUrl;
  const hash = contentHash(article.text);
  const earlier = await options.store.findDocument({ canonicalUrl, contentHash: hash });
  if (earlier) return duplicate(earlier, canonicalUrl !== null && earlier.canonicalUrl === canonicalUrl ? 'canonical_url' : 'content_hash');

  const id = `web-${hash.slice(0, 12)}`;
  const sidecar = sidecarOf(id, article, options.gazetteer);
  if (!sidecar) return { kind: 'refused', code: 'not_article', message: messages.notArticle() };
  const result = await options.store.addDocument({
    id,
    text: article.text,
    sidecar,
    sourceUrl,
    canonicalUrl,
    contentHash: hash,
    addedBy: options.addedBy,
    ...(options.announce === false ? { announce: false } : {}),
  });
  if (!result.added) return duplicate(result.existing, result.match);
  const built = buildDocument({ id, file: `store:${id}`, raw: article.text, gazetteer: options.gazetteer, sidecar });
  if (!built.ok) return { kind: 'refused', code: 'not_article', message: messages.notArticle() };
  const quotes = extractQuotes(built.document, options.gazetteer);
  const speakers = [...new Set(quotes.map((quote) => quote.speaker))];
  const facts = [
    built.document.eventDate ?? messages.undated(),
    ...(built.document.place ? [built.document.place] : []),
    messages.quotesBy(quotes.length, speakers),
  ];
  return {
    kind: 'added',
    document: result.document,
    parsed: built.document,
    quotes: quotes.length,
    message: messages.added(truncateGraphemes(built.document.title, SHOWN_TITLE), facts),
  };
}

/** The sidecar a stored document keeps: what the page states that the text alone may not (title, dates, site). */
function sidecarOf(id: string, article: ExtractedArticle, gazetteer: Gazetteer): Sidecar | null {
  const sidecar: Sidecar = {
    ...(article.title ? { title: article.title } : {}),
    ...(article.publishedDate ? { publishedDate: article.publishedDate } : {}),
    ...(article.source ? { source: article.source } : {}),
  };
  const built = buildDocument({ id, file: `store:${id}`, raw: article.text, gazetteer, sidecar });
  if (!built.ok) return null;
  // A dateline without a year ("BEIJING, April 24") takes its year from the page's publication date.
  const lead = built.document.paragraphs[0]?.text ?? '';
  const eventDate = built.document.eventDate ?? extractDates(lead, article.publishedDate ? [article.publishedDate] : []).eventDate;
  return eventDate ? { ...sidecar, eventDate } : sidecar;
}

function plainArticle(text: string, url: string | null): ExtractedArticle {
  return {
    title: null,
    text: text.replace(/\r\n?/g, '\n').trim(),
    publishedDate: null,
    canonicalUrl: url,
    source: url ? new URL(url).hostname : null,
  };
}

function duplicate(existing: StoredDocument, match: 'canonical_url' | 'content_hash'): IngestOutcome {
  const title = typeof existing.sidecar.title === 'string' ? existing.sidecar.title : existing.id;
  return { kind: 'duplicate', existing, match, message: messages.duplicate(truncateGraphemes(title, SHOWN_TITLE), existing.id, match) };
}
