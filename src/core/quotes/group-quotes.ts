import type { Quote, SpeakerCount } from './quote-types.js';

/** The lookup tables of a quote book; every list is built by appending, so building is linear in the quotes. */
export interface QuoteGroups {
  all: readonly Quote[];
  byId: ReadonlyMap<string, Quote>;
  bySpeaker: ReadonlyMap<string, readonly Quote[]>;
  byDocument: ReadonlyMap<string, readonly Quote[]>;
  /** Speakers with their quote counts, most quoted first. */
  counts: readonly SpeakerCount[];
}

/** Groups quotes by id, speaker and document in one pass (appending, never copying a list per quote). */
export function groupQuotes(all: readonly Quote[]): QuoteGroups {
  const byId = new Map<string, Quote>();
  const bySpeaker = new Map<string, Quote[]>();
  const byDocument = new Map<string, Quote[]>();
  for (const quote of all) {
    byId.set(quote.id, quote);
    appendTo(bySpeaker, quote.speaker, quote);
    appendTo(byDocument, quote.docId, quote);
  }
  const counts: SpeakerCount[] = [];
  for (const [speaker, list] of bySpeaker) counts.push({ speaker, count: list.length });
  counts.sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker));
  return { all, byId, bySpeaker, byDocument, counts };
}

function appendTo(map: Map<string, Quote[]>, key: string, quote: Quote): void {
  const list = map.get(key);
  if (list) list.push(quote);
  else map.set(key, [quote]);
}
