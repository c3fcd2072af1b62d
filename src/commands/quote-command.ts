import { z } from 'zod';
import type { Quote } from '../core/quotes/quote-types.js';
import type { Block, Button, Reply } from '../core/reply.js';
import { showsSpeakerLabel } from '../core/reply.js';
import { type Problem, UserError } from '../core/user-error.js';
import { type CommandContext, defineCommand } from './command.js';
import { problemReply } from './problem-reply.js';
import { shorten } from './shorten.js';

export const quoteCommand = defineCommand({
  name: 'quote',
  description: 'Who said what: quotes by speaker, by topic, or at random, always with the source',
  options: z.object({
    speaker: z.string().max(200).optional().describe('Who said it, e.g. tokayev or xi jinping'),
    about: z.string().max(500).optional().describe('A topic the quote is about, e.g. trade'),
    random: z.boolean().default(false).describe('Draw at random among the matching quotes'),
    limit: z.number().int().min(1).max(50).default(1).describe('How many quotes (1-50)'),
    all: z.boolean().default(false).describe('List every quote (of the speaker, if given)'),
    id: z.string().max(200).optional().describe('One quote by its id (docId:pN:sN)'),
    public: z.boolean().default(false).describe('Post it for the whole channel'),
  }),
  positional: ['speaker'],
  rest: 'speaker',
  autocomplete: { speaker: 'speaker' },
  examples: ['quote ruto', 'quote xi jinping --about trade', 'quote --random', 'quote --about terrorism'],
  json(options, ctx) {
    const selection = selectQuotes(options, ctx);
    if ('problem' in selection) throw new UserError(selection.problem.code, selection.problem.message);
    return {
      quotes: selection.quotes.map((q) => ({
        speaker: q.speaker,
        text: q.text,
        statement: q.statement,
        statementSpans: q.statementSpans,
        shown: q.shown,
        speech: q.speech,
        docId: q.docId,
        eventDate: q.eventDate,
        paragraph: q.paragraph,
        sentence: q.sentence,
        cue: q.cue,
        id: q.id,
        start: q.start,
        end: q.end,
      })),
    };
  },
  run(options, ctx): Reply {
    const selection = selectQuotes(options, ctx);
    if ('problem' in selection) return problemReply(selection.problem);
    const titles = new Map(ctx.services.corpus.documents.map((doc) => [doc.id, doc.title]));
    const titleOf = (docId: string) => titles.get(docId) ?? docId;
    return quoteReply(selection.quotes, options.public ? 'public' : 'ephemeral', selection.speaker, titleOf, options.all, options.about);
  },
});

interface QuoteOptions {
  speaker?: string | undefined;
  about?: string | undefined;
  random: boolean;
  limit: number;
  all: boolean;
  id?: string | undefined;
}

/** Which quotes an invocation asks for: by id, speaker, topic, all, or a fair random draw. */
function selectQuotes(options: QuoteOptions, ctx: CommandContext): { quotes: Quote[]; speaker?: string } | { problem: Problem } {
  const book = ctx.services.quotes;
  if (options.id) {
    const quote = book.byId(options.id);
    if (!quote)
      return { problem: { code: 'quote_not_found', message: `There is no quote \`${options.id}\` (any more). Try /quote --random.` } };
    return { quotes: [quote] };
  }
  let speaker: string | undefined;
  let pool: Quote[];
  if (options.speaker) {
    const found = book.bySpeaker(options.speaker);
    if (!found.ok) return { problem: found.problem };
    speaker = found.speaker;
    pool = found.quotes;
  } else {
    pool = book.all();
  }
  if (options.about !== undefined) {
    const about = book.about(options.about, speaker);
    if (!about.ok) return { problem: about.problem };
    pool = about.quotes;
    if (pool.length === 0) {
      return {
        problem: {
          code: 'no_quotes_about',
          message: `No quote${speaker ? ` by ${speaker}` : ''} is about “${shorten(options.about)}”. Try a broader topic.`,
        },
      };
    }
  }
  if (pool.length === 0)
    return { problem: { code: 'no_quotes', message: 'The corpus has no attributed quotes yet. Add documents to the seeds folder.' } };
  const base = speaker ? { speaker } : {};
  if (options.all) return { quotes: pool, ...base };
  const drawRandomly = options.random || (!options.speaker && options.about === undefined);
  return { quotes: drawRandomly ? draw(pool, options.limit, ctx.random) : pool.slice(0, options.limit), ...base };
}

/** A fair draw of `count` distinct quotes (partial Fisher-Yates). */
function draw(pool: readonly Quote[], count: number, random: () => number): Quote[] {
  const copy = [...pool];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function quoteReply(
  quotes: Quote[],
  visibility: Reply['visibility'],
  speaker: string | undefined,
  titleOf: (docId: string) => string,
  listing = false,
  about: string | undefined = undefined,
): Reply {
  const blocks: Block[] = [];
  if (listing)
    blocks.push({ kind: 'note', text: `${quotes.length} quote${quotes.length === 1 ? '' : 's'}${speaker ? ` by ${speaker}` : ''}` });
  for (const quote of quotes) blocks.push(quoteBlock(quote, titleOf(quote.docId)));
  const buttons: Button[] = [];
  const single = quotes.length === 1 ? quotes[0] : undefined;
  if (!listing) {
    buttons.push({ id: 'shuffle', label: 'Shuffle', action: { command: 'quote', args: shuffleArgs(speaker, about) } });
  }
  if (single && visibility === 'ephemeral') {
    buttons.push({
      id: 'post',
      label: 'Post to channel',
      style: 'primary',
      action: { command: 'quote', args: `--id ${single.id} --public` },
    });
  }
  if (single) buttons.push({ id: 'open', label: 'Open document', action: { command: 'doc', args: single.docId } });
  return {
    visibility,
    blocks,
    buttons,
    fallback: quotes.map((q) => `${showsSpeakerLabel(q) ? `${q.speaker}: ` : ''}${fallbackOf(q)} (${q.docId})`).join('\n'),
  };
}

/** How every surface shows one quote: its shown words (the source's), the speaker, the citation. */
export function quoteBlock(quote: Quote, title: string): Block {
  return {
    kind: 'quote',
    speaker: quote.speaker,
    text: [{ text: quote.shown }],
    speech: quote.speech,
    namesSpeaker: quote.namesSpeaker,
    citation: { docId: quote.docId, title, paragraph: quote.paragraph, date: quote.eventDate },
  };
}

/** One plain line per quote: direct speech in quotation marks, reported speech as it reads. */
function fallbackOf(quote: Quote): string {
  const text = shorten(quote.shown, 120);
  return quote.speech === 'direct' ? `“${text}”` : text;
}

/** Shuffle draws again from the same pool: the same speaker and the same topic. */
function shuffleArgs(speaker: string | undefined, about: string | undefined): string {
  const topic = about?.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim();
  return `${speaker ?? ''}${topic ? ` --about "${topic}"` : ''} --random`.trim();
}
