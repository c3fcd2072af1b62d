import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrownSentences } from '../../bench/load-brown.js';
import { writeBenchSeeds } from '../../bench/write-bench-seeds.js';
import { renderText } from '../../src/adapters/console/render-text.js';
import { renderEmbeds } from '../../src/adapters/discord/render-embeds.js';
import { renderBlocks } from '../../src/adapters/slack/render-blocks.js';
import { quoteBlock } from '../../src/commands/quote-command.js';
import { onThisDayItemBlock } from '../../src/core/calendar/build-on-this-day-reply.js';
import { onThisDay } from '../../src/core/calendar/on-this-day.js';
import { loadCorpus } from '../../src/core/corpus/load-corpus.js';
import type { Document, Gazetteer } from '../../src/core/document.js';
import { loadGazetteer } from '../../src/core/names/load-gazetteer.js';
import { extractQuotes } from '../../src/core/quotes/extract-quotes.js';
import type { Quote } from '../../src/core/quotes/quote-types.js';
import { type Block, plainText, type Reply, showsSpeakerLabel } from '../../src/core/reply.js';
import { readBrownDocuments } from '../core/quotes/read-brown.js';
import { SEEDS_DIR } from '../fakes/seed-services.js';

/**
 * Every quote, as each surface shows it, is the source's words: what stands between an editorial insertion
 * ([…]) and a cut (" … ") occurs in its document exactly (only runs of white space may differ, since a hard-wrapped
 * line break is shown as a space). Quotation marks are the renderer's own and are taken off first.
 */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function piecesOf(shown: string): string[] {
  return shown
    .split(/\[[^\]]*\]| … /)
    .map((piece) => piece.replace(/^…\s*|\s*…$/g, '').trim())
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}

/** The quoted text of one rendered quote: the speaker label and the renderer's quotation marks taken off. */
function quotedText(rendered: string, block: Extract<Block, { kind: 'quote' }>): string {
  let text = rendered.trim();
  const label = `${block.speaker}: `;
  if (showsSpeakerLabel(block)) {
    expect(text.startsWith(label), `${text} (speaker ${block.speaker})`).toBe(true);
    text = text.slice(label.length);
  } else {
    expect(text.startsWith(label), `the text names the speaker, so no label: ${text}`).toBe(false);
  }
  if (block.speech !== 'indirect') {
    expect(text.startsWith('“') && text.endsWith('”'), text).toBe(true);
    text = text.slice(1, -1);
  }
  return text;
}

const unslack = (text: string) =>
  text
    .replace(/^\*([^*]*)\*: /, '$1: ')
    .replace(/\u2217/g, '*')
    .replace(/\u02cd/g, '_')
    .replace(/\u223c/g, '~')
    .replace(/\u02cb/g, '`')
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const undiscord = (text: string) => text.replace(/\u200b/g, '').replace(/\\(.)/g, '$1');

/** What each surface shows for a quote block, as plain text with the platform's escaping undone. */
function renderings(block: Extract<Block, { kind: 'quote' }>): Record<string, string> {
  const reply: Reply = { visibility: 'ephemeral', blocks: [block], buttons: [], fallback: '' };
  const consoleText = renderText(reply, { color: false }).split('\n')[0] ?? '';
  const slack = renderBlocks(reply, { buttonValue: () => '' }).blocks.flatMap((b) =>
    b.type === 'section' ? [(b as { text: { text: string } }).text.text] : [],
  );
  const [embed] = renderEmbeds(reply)[0] ?? [];
  const discordLabel = embed?.author?.name ? `${embed.author.name}: ` : '';
  return {
    console: consoleText,
    slack: unslack(slack.join('')),
    discord: `${discordLabel}${undiscord(embed?.description ?? '')}`,
  };
}

function unverbatim(quotes: readonly Quote[], documents: ReadonlyMap<string, Document>): string[] {
  const failures: string[] = [];
  const raws = new Map<string, string>();
  for (const quote of quotes) {
    const doc = documents.get(quote.docId)!;
    let raw = raws.get(doc.id);
    if (raw === undefined) {
      raw = normalise(doc.raw);
      raws.set(doc.id, raw);
    }
    const block = quoteBlock(quote, doc.title) as Extract<Block, { kind: 'quote' }>;
    for (const [surface, rendered] of Object.entries(renderings(block))) {
      for (const piece of piecesOf(quotedText(rendered, block))) {
        if (!raw.includes(normalise(piece))) failures.push(`${surface} ${quote.id}: "${piece}"`);
      }
    }
    // The JSON statement and its ranges: each piece is the document's text at its range.
    const pieces = quote.statement.split(' … ');
    expect(pieces).toHaveLength(quote.statementSpans.length);
    quote.statementSpans.forEach((span, at) => {
      if (doc.raw.slice(span.start, span.end) !== pieces[at]) failures.push(`statement ${quote.id}: "${pieces[at]}"`);
    });
    if (quote.statement.includes('; ') && !doc.raw.includes(quote.statement)) failures.push(`"; " joins ${quote.id}`);
  }
  return failures;
}

const byId = (documents: readonly Document[]) => new Map(documents.map((doc) => [doc.id, doc]));

describe('a shown quote is the source’s words, on every surface', () => {
  it('holds for every quote of the bundled seeds, and for the on-this-day and digest lines', async () => {
    const corpus = await loadCorpus(SEEDS_DIR);
    const quotes = corpus.documents.flatMap((doc) => extractQuotes(doc, corpus.gazetteer));
    expect(quotes.length).toBeGreaterThan(50);
    expect(unverbatim(quotes, byId(corpus.documents))).toEqual([]);
    // The digest and /onthisday show a document's strongest quote in a result block.
    const documents = byId(corpus.documents);
    for (const doc of corpus.documents) {
      if (!doc.eventDate) continue;
      const result = onThisDay(corpus, {
        date: doc.eventDate,
        strongestQuote: (id) => extractQuotes(documents.get(id)!, corpus.gazetteer)[0],
      });
      for (const item of result.items) {
        const block = onThisDayItemBlock(item);
        if (block.kind !== 'result' || item.lead?.kind !== 'quote') continue;
        const body = plainText(block.body).replace(/^[^:]+: /, showsSpeakerLabel(item.lead) ? '' : '$&');
        const text = item.lead.speech === 'indirect' ? body : body.slice(1, -1);
        for (const piece of piecesOf(text)) expect(normalise(documents.get(item.docId)!.raw)).toContain(normalise(piece));
      }
    }
  });

  it('holds for every quote of the benchmark corpus (bench/write-bench-seeds.ts) and the Brown news section', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'readout-verbatim-')), 'seeds');
    writeBenchSeeds(dir, 3000, loadBrownSentences());
    const bench = await loadCorpus(dir);
    const gazetteer: Gazetteer = loadGazetteer(SEEDS_DIR);
    const benchQuotes = bench.documents.flatMap((doc) => extractQuotes(doc, bench.gazetteer, { keepUnknownSpeakers: true }));
    const brown = readBrownDocuments();
    const brownQuotes = brown.flatMap((doc) => extractQuotes(doc, gazetteer, { keepUnknownSpeakers: true }));
    expect(benchQuotes.length).toBeGreaterThan(100);
    expect(brownQuotes.length).toBeGreaterThan(100);
    expect(unverbatim(benchQuotes, byId(bench.documents))).toEqual([]);
    expect(unverbatim(brownQuotes, byId(brown))).toEqual([]);
  });
});

describe('the pieces of a shown quote', () => {
  it.each([
    ['[Kassym-Jomart Tokayev] extended congratulations …', ['extended congratulations']],
    ['We will work hard … and rest on Friday.', ['We will work hard', 'and rest on Friday.']],
    ['The Chinese president [Xi Jinping] said so.', ['The Chinese president', 'said so.']],
  ])('%s', (shown, pieces) => {
    expect(piecesOf(shown)).toEqual(pieces);
  });
});
