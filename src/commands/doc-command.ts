import { z } from 'zod';
import type { Document } from '../core/document.js';
import { type Block, type Button, type Field, type Reply, textReply } from '../core/reply.js';
import { defineCommand } from './command.js';

const DEFAULT_PARAGRAPHS = 3;
const MAX_PARAGRAPHS = 10;

export const docCommand = defineCommand({
  name: 'doc',
  description: 'One document: its metadata, people, quotes and paragraphs',
  options: z.object({
    id: z.string().min(1).max(200).describe('Document id, e.g. 000_4428246b8b720a03 (a prefix such as 000 works)'),
    paragraphs: z
      .string()
      .max(20)
      .regex(/^\d{1,5}(-\d{1,5})?$/, 'use a paragraph number or a range such as 2-4')
      .optional()
      .describe('Paragraphs to show, 0-based: 3 or 2-5'),
  }),
  positional: ['id', 'paragraphs'],
  autocomplete: { id: 'document' },
  examples: ['doc 000_4428246b8b720a03', 'doc 002 2-4'],
  run({ id, paragraphs }, ctx): Reply {
    const docs = ctx.services.corpus.documents;
    const wanted = id.trim().toLowerCase();
    const doc = docs.find((d) => d.id.toLowerCase() === wanted) ?? uniquePrefix(docs, wanted);
    if (!doc) {
      const suggestions = ctx.services.search.suggest('document', id, 5);
      const hint = suggestions.length ? ` Did you mean: ${suggestions.join('; ')}?` : ' /lookup finds documents by their words.';
      return textReply(`There is no document \`${id}\`.${hint}`, { isError: true });
    }
    const range = parseRange(paragraphs, doc.paragraphs.length);
    if (typeof range === 'string') return textReply(range, { isError: true });
    const [from, to] = range;
    const fields: Field[] = [
      { label: 'Event date', value: doc.eventDate ?? 'unknown' },
      { label: 'Published', value: doc.publishedDate ?? 'unknown' },
      { label: 'Place', value: doc.place ?? 'unknown' },
      { label: 'Source', value: doc.source ?? 'not named' },
      { label: 'People', value: doc.people.join(', ') || 'none named' },
      { label: 'Countries', value: doc.countries.join(', ') || 'none named' },
    ];
    const quotes = ctx.services.quotes.inDocument(doc.id);
    const speakers = [...new Set(quotes.map((q) => q.speaker))];
    fields.push({ label: 'Quotes', value: quotes.length ? `${quotes.length} (${speakers.join(', ')})` : 'none' });
    const blocks: Block[] = [
      { kind: 'heading', text: doc.title },
      { kind: 'fields', fields },
    ];
    for (const paragraph of doc.paragraphs.slice(from, to + 1)) {
      blocks.push({
        kind: 'result',
        title: `¶${paragraph.index}`,
        body: [{ text: paragraph.text }],
        citation: {
          docId: doc.id,
          title: doc.title,
          paragraph: paragraph.index,
          date: doc.eventDate,
          place: doc.place,
          source: doc.source,
        },
      });
    }
    blocks.push({ kind: 'note', text: `Paragraphs ${from}–${to} of 0–${doc.paragraphs.length - 1}. ${doc.id}` });
    const buttons: Button[] = [];
    if (to + 1 < doc.paragraphs.length) {
      const nextTo = Math.min(doc.paragraphs.length - 1, to + (to - from + 1));
      buttons.push({ id: 'more', label: 'More paragraphs', action: { command: 'doc', args: `${doc.id} ${to + 1}-${nextTo}` } });
    }
    return { visibility: 'ephemeral', blocks, buttons, fallback: `${doc.title} (${doc.id}, ${doc.eventDate ?? 'undated'})` };
  },
});

function uniquePrefix(docs: readonly Document[], prefix: string): Document | undefined {
  const matches = docs.filter((d) => d.id.toLowerCase().startsWith(prefix));
  return matches.length === 1 ? matches[0] : undefined;
}

function parseRange(text: string | undefined, count: number): [number, number] | string {
  if (count === 0) return 'This document has no paragraphs to show.';
  if (!text) return [0, Math.min(count, DEFAULT_PARAGRAPHS) - 1];
  const [a, b] = text.split('-').map(Number) as [number, number | undefined];
  const from = a;
  const to = b ?? a;
  if (from > to) return `The range ${text} runs backwards; try ${to}-${from}.`;
  if (from >= count) return `This document has paragraphs 0–${count - 1}; ${from} is past the end.`;
  return [from, Math.min(to, count - 1, from + MAX_PARAGRAPHS - 1)];
}
