import { z } from 'zod';
import type { Block, Button, Reply } from '../core/reply.js';
import type { SearchHit, SearchOptions, SearchResult } from '../core/search/search-types.js';
import { UserError } from '../core/user-error.js';
import { defineCommand } from './command.js';
import { highlightSpans } from './highlight-spans.js';
import { lookupMessages } from './lookup-messages.js';
import { problemReply } from './problem-reply.js';
import { shorten } from './shorten.js';

const MAX_OPEN_BUTTONS = 3;

export const lookupCommand = defineCommand({
  name: 'lookup',
  description: 'Search the corpus (typos welcome); filters person: country: place: source: year: from: to:',
  options: z.object({
    query: z.string().max(2_000).describe('Words, "exact phrases" and filters such as person:tokayev year:2023'),
    limit: z.number().int().min(1).max(50).default(5).describe('Passages per page (1-50)'),
    offset: z.number().int().min(0).max(100_000).default(0).describe('Passages to skip, for the next page'),
    public: z.boolean().default(false).describe('Show the results to the whole channel'),
    doc: z.string().max(200).optional().describe('Only this document (id or id prefix): its passages behind "N more in this document"'),
  }),
  positional: ['query'],
  rest: 'query',
  autocomplete: {},
  examples: [
    'lookup belt and road',
    'lookup "shared future" person:ruto',
    'lookup terorism seperatism year:2025',
    'lookup trade --doc 000',
  ],
  foundNothing: (json) => (json as { total: number }).total === 0,
  json: ({ query, limit, offset, doc }, ctx) => lookupJson(ctx.services.search.search(query, searchOptions(limit, offset, doc))),
  run({ query, limit, offset, public: isPublic, doc }, ctx): Reply {
    const result = ctx.services.search.search(query, searchOptions(limit, offset, doc));
    if (!result.ok) return problemReply(result.problem);
    const visibility = isPublic ? 'public' : 'ephemeral';
    const corrected = correctionLine(result);
    if (result.total === 0 || result.hits.length === 0) {
      const text =
        result.total === 0
          ? `Nothing in the corpus matches “${shorten(query)}”${corrected}. Try fewer words, or /help lookup for filters.`
          : `No more results for “${shorten(query)}”: all ${result.total} were shown.`;
      const isError = result.total === 0;
      return {
        visibility: 'ephemeral',
        blocks: [{ kind: 'text', text: [{ text }] }],
        buttons: [],
        fallback: text,
        ...(isError ? { isError } : {}),
      };
    }
    const first = offset + 1;
    const last = offset + result.hits.length;
    const blocks: Block[] = [
      ...(result.unmatched.length > 0 ? [{ kind: 'note' as const, text: lookupMessages.unmatched(result.unmatched, result.speaker) }] : []),
      {
        kind: 'note',
        text: `${first}–${last} of ${result.total} passages for “${shorten(query)}”${corrected}${doc ? ` in ${result.hits[0]!.docId}` : ''}`,
      },
      ...groupByDocument(result.hits).map((hit, i, grouped) => hitBlock(hit, grouped[i - 1]?.docId !== hit.docId)),
    ];
    const buttons: Button[] = [];
    if (last < result.total) {
      buttons.push({ id: 'more', label: 'More results', action: { command: 'lookup', args: argsFor(query, limit, last, isPublic, doc) } });
    }
    if (!isPublic) {
      buttons.push({
        id: 'share',
        label: 'Share in channel',
        action: { command: 'lookup', args: argsFor(query, limit, offset, true, doc) },
      });
    }
    // "N more in this document": Elasticsearch-style inner hits, opened as a lookup restricted to the document.
    // Said once, by the button (a note repeating it was shown twice on every surface).
    for (const hit of lastHitPerDocument(result.hits)
      .filter((h) => h.moreInDocument > 0)
      .slice(0, MAX_OPEN_BUTTONS)) {
      buttons.push({
        id: 'open',
        label: lookupMessages.moreInDocumentButton(hit.moreInDocument, hit.docId),
        action: { command: 'lookup', args: `${query} --doc ${hit.docId}` },
      });
    }
    const docs = [...new Set(result.hits.map((hit) => hit.docId))].slice(0, MAX_OPEN_BUTTONS);
    for (const docId of docs) buttons.push({ id: 'open', label: `Open ${docId.slice(0, 12)}`, action: { command: 'doc', args: docId } });
    return {
      visibility,
      blocks,
      buttons,
      fallback: `${result.total} passages for “${shorten(query)}”: ${result.hits.map((h) => `${h.docId} ¶${h.paragraph + 1}`).join(', ')}`,
    };
  },
});

/**
 * The public `--json` shape of a lookup: `{query, total, hits: [{docId, title, eventDate, paragraph, snippet, score, …}],
 * corrections, unmatched: ["debt"], expansions: [{from, to}], speaker?}`.
 * `paragraph` is the 0-based index into the document's paragraphs (people read it as ¶ paragraph + 1).
 */
export function lookupJson(result: SearchResult): unknown {
  if (!result.ok) throw new UserError(result.problem.code, result.problem.message);
  return {
    query: result.query,
    total: result.total,
    hits: result.hits.map((hit) => ({
      docId: hit.docId,
      title: hit.title,
      eventDate: hit.eventDate,
      paragraph: hit.paragraph,
      snippet: hit.snippet,
      score: Math.round(hit.score * 1000) / 1000,
      highlights: hit.highlights,
      place: hit.place,
      source: hit.source,
      moreInDocument: hit.moreInDocument,
    })),
    corrections: result.corrections,
    unmatched: result.unmatched,
    expansions: result.expansions,
    ...(result.speaker ? { speaker: result.speaker } : {}),
  };
}

/** What the engine read the query as (corrected words, expanded acronyms) and whose quotes lead; empty when nothing. */
function correctionLine(result: Extract<SearchResult, { ok: true }>): string {
  const parts = [
    ...result.corrections.map((c) => `“${c.from}” → “${c.to}”`),
    ...result.expansions.map((e) => lookupMessages.expanded(e.from, e.to)),
  ];
  const readAs = parts.length > 0 ? ` (read as ${parts.join(', ')})` : '';
  return `${readAs}${result.speaker ? ` (${lookupMessages.speakerFirst(result.speaker)})` : ''}`;
}

/** The page's hits with each document's passages together, documents in the order of their best passage. */
function groupByDocument(hits: readonly SearchHit[]): SearchHit[] {
  const order = [...new Set(hits.map((hit) => hit.docId))];
  return order.flatMap((docId) => hits.filter((hit) => hit.docId === docId));
}

/** A hit; only the first of its document on the page carries the title (a passage below it continues that document). */
function hitBlock(hit: SearchHit, firstOfDocument: boolean): Block {
  return {
    kind: 'result',
    title: firstOfDocument ? hit.title : '',
    body: highlightSpans(hit.snippet, hit.highlights),
    citation: { docId: hit.docId, title: hit.title, paragraph: hit.paragraph, date: hit.eventDate, place: hit.place, source: hit.source },
  };
}

function argsFor(query: string, limit: number, offset: number, isPublic: boolean, doc: string | undefined): string {
  return `${query} --limit ${limit} --offset ${offset}${isPublic ? ' --public' : ''}${doc ? ` --doc ${doc}` : ''}`;
}

function searchOptions(limit: number, offset: number, doc: string | undefined): SearchOptions {
  return doc === undefined ? { limit, offset } : { limit, offset, doc };
}

/** Each document's last hit on the page, which carries the count of its passages left for later. */
function lastHitPerDocument(hits: readonly SearchHit[]): SearchHit[] {
  const last = new Map<string, SearchHit>();
  for (const hit of hits) last.set(hit.docId, hit);
  return [...last.values()];
}
