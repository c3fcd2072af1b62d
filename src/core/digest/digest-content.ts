import { LRUCache } from 'lru-cache';
import { onThisDay } from '../calendar/on-this-day.js';
import type { Corpus } from '../document.js';
import type { Quote } from '../quotes/quote-types.js';
import type { Reply } from '../reply.js';
import { buildDigestReply } from './build-digest-reply.js';

export interface DigestContentOptions {
  localDate: string;
  postEmpty: boolean;
  nearbyWindow: number;
  strongestQuote?: ((docId: string) => Quote | undefined) | undefined;
}

type Built = { reply: Reply | undefined };
// Per corpus and quote source (both fixed for a process's life): a wake-up every minute asks for the same
// few dates, and thousands of channels share one date's digest.
const caches = new WeakMap<Corpus, WeakMap<object, LRUCache<string, Built>>>();
const WITHOUT_QUOTES = {};

/** The digest of one local date (undefined on an empty day that is not posted), built once and remembered. */
export function digestContent(corpus: Corpus, options: DigestContentOptions): Reply | undefined {
  let byQuotes = caches.get(corpus);
  if (!byQuotes) {
    byQuotes = new WeakMap();
    caches.set(corpus, byQuotes);
  }
  const quotesKey = options.strongestQuote ?? WITHOUT_QUOTES;
  let cache = byQuotes.get(quotesKey);
  if (!cache) {
    cache = new LRUCache<string, Built>({ max: 64 });
    byQuotes.set(quotesKey, cache);
  }
  const key = `${options.localDate}|${options.postEmpty}|${options.nearbyWindow}`;
  let built = cache.get(key);
  if (!built) {
    const result = onThisDay(corpus, {
      date: options.localDate,
      window: options.nearbyWindow,
      includeLeapDay: true,
      ...(options.strongestQuote ? { strongestQuote: options.strongestQuote } : {}),
    });
    built = { reply: buildDigestReply(result, options.localDate, { postEmpty: options.postEmpty }) };
    cache.set(key, built);
  }
  return built.reply;
}
