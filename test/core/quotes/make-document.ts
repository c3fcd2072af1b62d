import { splitSentences } from '../../../src/core/corpus/split-sentences.js';
import type { Document, Gazetteer, Paragraph } from '../../../src/core/document.js';

/** Builds a Document from paragraph texts, with real offsets into `raw`, for tests that need no loader. */
export function makeDocument(id: string, paragraphs: string[], eventDate: string | null = '2025-01-01'): Document {
  const raw = paragraphs.join('\n\n');
  let offset = 0;
  const built: Paragraph[] = paragraphs.map((text, index) => {
    const start = offset;
    offset += text.length + 2;
    return {
      id: `${id}:p${index}`,
      index,
      text,
      start,
      end: start + text.length,
      sentences: splitSentences(text).map((span, s) => ({
        id: `${id}:p${index}:s${s}`,
        index: s,
        text: text.slice(span.start, span.end),
        start: start + span.start,
        end: start + span.end,
      })),
    };
  });
  return {
    id,
    file: `${id}.txt`,
    title: id,
    eventDate,
    publishedDate: null,
    place: null,
    source: null,
    people: [],
    countries: [],
    paragraphs: built,
    raw,
    warnings: [],
  };
}

/** A small people table shaped like seeds/people.json, fixed so these tests do not move when the seeds do. */
export const testGazetteer: Gazetteer = {
  people: [
    {
      name: 'Xi Jinping',
      aliases: ['Xi', 'President Xi', 'Chinese President Xi Jinping'],
      titles: ['the Chinese president', 'Chinese President'],
      country: 'China',
    },
    { name: 'William Ruto', aliases: ['Ruto', 'President Ruto'], titles: ['the Kenyan president', 'Kenyan President'], country: 'Kenya' },
    { name: 'Rachel Ruto', aliases: ['Rachel'], titles: [], country: 'Kenya' },
    { name: 'Peng Liyuan', aliases: ['Peng'], titles: [], country: 'China' },
    {
      name: 'Kassym-Jomart Tokayev',
      aliases: ['Tokayev', 'President Tokayev'],
      titles: ['the Kazakh president', 'Kazakh President'],
      country: 'Kazakhstan',
    },
    { name: 'Wang Yi', aliases: ['Foreign Minister Wang Yi'], titles: [], country: 'China' },
  ],
  countries: [
    { name: 'China', aliases: ['Chinese'] },
    { name: 'Kenya', aliases: ['Kenyan'] },
    { name: 'Kazakhstan', aliases: ['Kazakh'] },
  ],
  places: [{ name: "Xi'an", aliases: ['Xian'], country: 'China' }],
};
