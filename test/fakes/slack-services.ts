import type { Services } from '../../src/commands/command.js';
import { systemClock } from '../../src/core/clock.js';
import type { Corpus, Document } from '../../src/core/document.js';
import type { Logger } from '../../src/core/logger.js';
import type { Quote, QuoteBook } from '../../src/core/quotes/quote-types.js';
import type { SearchEngine, SearchHit } from '../../src/core/search/search-types.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';

/** Text a hostile corpus or user could carry: pings, links and markup that must all come out inert. */
export const HOSTILE = '<!channel> @everyone <@U123> <https://x|y> **bold** `code` & ~strike~ _it_';

/** Passages the fake search engine finds, the first carrying hostile text around the matched word. */
function makeHits(count: number): SearchHit[] {
  return Array.from({ length: count }, (_, i) => {
    const snippet = i === 0 ? `Before ${HOSTILE} the terrorism word.` : `Passage ${i + 1} talks about terrorism and trade.`;
    const start = snippet.indexOf('terrorism');
    return {
      docId: `doc${String(i % 3).padStart(3, '0')}`,
      title: i === 0 ? `Title <!here> ${i}` : `Title ${i}`,
      eventDate: '2025-06-17',
      place: 'Astana',
      source: 'fmprc',
      paragraph: i,
      snippet,
      highlights: [[start, start + 'terrorism'.length]],
      score: 1 / (i + 1),
      moreInDocument: 0,
    };
  });
}

function document(id: string): Document {
  return {
    id,
    file: `${id}.txt`,
    title: `Document ${id}`,
    eventDate: '2025-06-17',
    publishedDate: null,
    place: 'Astana',
    source: 'fmprc',
    people: [],
    countries: [],
    paragraphs: [],
    raw: '',
    warnings: [],
  };
}

const QUOTES: Quote[] = [0, 1, 2].map((i) => ({
  id: `doc00${i}:p1:s${i}`,
  speaker: i === 0 ? 'Xi Jinping' : 'Kassym-Jomart Tokayev',
  text: i === 0 ? `We oppose ${HOSTILE} in all its forms.` : `Quote number ${i} about cooperation.`,
  statement: i === 0 ? `We oppose ${HOSTILE} in all its forms.` : `Quote number ${i} about cooperation.`,
  statementSpans: [{ start: 0, end: 10 }],
  speech: 'direct',
  shown: i === 0 ? `We oppose ${HOSTILE} in all its forms.` : `Quote number ${i} about cooperation.`,
  namesSpeaker: false,
  docId: `doc00${i}`,
  eventDate: '2025-06-17',
  paragraph: 1,
  sentence: i,
  start: 0,
  end: 10,
  cue: { verb: 'said', position: 'after', speakerText: 'Xi' },
}));

/** A hand-made Services for adapter tests: a search engine with `hitCount` pages of results, three quotes, no subscriptions. */
export function slackTestServices(options: { hitCount?: number; logger: Logger }): Services {
  const hits = makeHits(options.hitCount ?? 12);
  const search: SearchEngine = {
    search(query, searchOptions = {}) {
      const limit = searchOptions.limit ?? 5;
      const offset = searchOptions.offset ?? 0;
      if (query.includes('nothing')) return { ok: true, query, total: 0, hits: [], corrections: [], unmatched: [], expansions: [] };
      return {
        ok: true,
        query,
        total: hits.length,
        hits: hits.slice(offset, offset + limit),
        corrections: [],
        unmatched: [],
        expansions: [],
      };
    },
    countMatches(query) {
      if (query.includes('nothing')) return { ok: true, query, total: 0, documents: [], corrections: [] };
      return {
        ok: true,
        query,
        total: hits.length,
        documents: hits.map((hit) => ({ docId: `${hit.docId}:${hit.paragraph}`, date: hit.eventDate, passages: 1 })),
        corrections: [],
      };
    },
    suggest: () => [],
  };
  const quotes: QuoteBook = {
    all: () => QUOTES,
    byId: (id) => QUOTES.find((q) => q.id === id),
    bySpeaker: (name) => {
      const found = QUOTES.filter((q) => q.speaker.toLowerCase().includes(name.toLowerCase()));
      return found.length > 0
        ? { ok: true, speaker: found[0]!.speaker, quotes: found }
        : { ok: false, problem: { code: 'unknown_speaker', message: `No speaker matches “${name}”.` } };
    },
    about: (topic) => ({ ok: true, quotes: QUOTES.filter((q) => q.text.includes(topic)) }),
    random: (random) => QUOTES[Math.floor(random() * QUOTES.length)],
    speakers: () => [],
    strongestIn: () => undefined,
    inDocument: (docId) => QUOTES.filter((q) => q.docId === docId),
  };
  const corpus: Corpus = {
    dir: '/nowhere',
    documents: ['doc000', 'doc001', 'doc002'].map(document),
    gazetteer: { people: [], countries: [], places: [] },
    warnings: [],
    fingerprint: 'fake',
  };
  // A real in-memory store: the adapter only reads a channel's subscription from it.
  const store = openSqliteStore(':memory:', systemClock);
  return { corpus, search, quotes, store, defaultTimezone: 'UTC', nearbyWindow: 7, logger: options.logger };
}
