import { z } from 'zod';
import type { Block, Button, Reply } from '../core/reply.js';
import type { SearchHit, SearchResult } from '../core/search/search-types.js';
import { UserError } from '../core/user-error.js';
import { defineCommand } from './command.js';
import { highlightSpans } from './highlight-spans.js';
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
  }),
  positional: ['query'],
  rest: 'query',
  autocomplete: {},
  examples: ['lookup belt and road', 'lookup "shared future" person:ruto', 'lookup terorism seperatism year:2025'],
  json: ({ query, limit, offset }, ctx) => lookupJson(ctx.services.search.search(query, { limit, offset })),
  run({ query, limit, offset, public: isPublic }, ctx): Reply {
    const result = ctx.services.search.search(query, { limit, offset });
    if (!result.ok) return problemReply(result.problem);
    const visibility = isPublic ? 'public' : 'ephemeral';
    const corrected = result.corrections.length ? ` (read as ${result.corrections.map((c) => `“${c.from}” → “${c.to}”`).join(', ')})` : '';
    if (result.total === 0 || result.hits.length === 0) {
      const text =
        result.total === 0
          ? `Nothing in the corpus matches “${shorten(query)}”${corrected}. Try fewer words, or /help lookup for filters.`
          : `No more results for “${shorten(query)}”: all ${result.total} were shown.`;
      return { visibility: 'ephemeral', blocks: [{ kind: 'text', text: [{ text }] }], buttons: [], fallback: text };
    }
    const first = offset + 1;
    const last = offset + result.hits.length;
    const blocks: Block[] = [
      { kind: 'note', text: `${first}–${last} of ${result.total} passages for “${shorten(query)}”${corrected}` },
      ...result.hits.map(hitBlock),
    ];
    const buttons: Button[] = [];
    if (last < result.total) {
      buttons.push({ id: 'more', label: 'More results', action: { command: 'lookup', args: argsFor(query, limit, last, isPublic) } });
    }
    if (!isPublic) {
      buttons.push({ id: 'share', label: 'Share in channel', action: { command: 'lookup', args: argsFor(query, limit, offset, true) } });
    }
    const docs = [...new Set(result.hits.map((hit) => hit.docId))].slice(0, MAX_OPEN_BUTTONS);
    for (const docId of docs) buttons.push({ id: 'open', label: `Open ${docId.slice(0, 12)}`, action: { command: 'doc', args: docId } });
    return {
      visibility,
      blocks,
      buttons,
      fallback: `${result.total} passages for “${shorten(query)}”: ${result.hits.map((h) => `${h.docId} ¶${h.paragraph}`).join(', ')}`,
    };
  },
});

/** The public `--json` shape of a lookup: `{query, total, hits: [{docId, title, eventDate, paragraph, snippet, score}]}`. */
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
    })),
    corrections: result.corrections,
  };
}

function hitBlock(hit: SearchHit): Block {
  return {
    kind: 'result',
    title: hit.title,
    body: highlightSpans(hit.snippet, hit.highlights),
    citation: { docId: hit.docId, title: hit.title, paragraph: hit.paragraph, date: hit.eventDate, place: hit.place, source: hit.source },
  };
}

function argsFor(query: string, limit: number, offset: number, isPublic: boolean): string {
  return `${query} --limit ${limit} --offset ${offset}${isPublic ? ' --public' : ''}`;
}
