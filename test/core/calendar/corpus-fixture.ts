import type { Corpus, Document } from '../../../src/core/document.js';

/** A small hand-made document: one paragraph of two sentences, offsets into `raw`. */
export function makeDocument(
  id: string,
  fields: Partial<Pick<Document, 'title' | 'eventDate' | 'publishedDate' | 'place' | 'source'>> & { lead?: string },
): Document {
  const dateline = 'Short dateline.';
  const lead = fields.lead ?? `The two sides held talks on cooperation, according to readout ${id}.`;
  const text = `${dateline} ${lead}`;
  return {
    id,
    file: `${id}.txt`,
    title: fields.title ?? `Readout ${id}`,
    eventDate: fields.eventDate ?? null,
    publishedDate: fields.publishedDate ?? null,
    place: fields.place ?? null,
    source: fields.source ?? null,
    people: [],
    countries: [],
    paragraphs: [
      {
        id: `${id}:p0`,
        index: 0,
        text,
        start: 0,
        end: text.length,
        sentences: [
          { id: `${id}:p0:s0`, index: 0, text: dateline, start: 0, end: dateline.length },
          { id: `${id}:p0:s1`, index: 1, text: lead, start: dateline.length + 1, end: text.length },
        ],
      },
    ],
    raw: text,
    warnings: [],
  };
}

export function makeCorpus(documents: Document[]): Corpus {
  return { dir: 'fixture', documents, gazetteer: { people: [], countries: [], places: [] }, warnings: [], fingerprint: 'fixture' };
}

/** The five seeds' dates, as the loader will report them. */
export const seedLikeCorpus = makeCorpus([
  makeDocument('000_kenya', { title: 'Xi holds talks with Ruto', eventDate: '2025-04-24', place: 'Beijing', source: 'Xinhua' }),
  makeDocument('001_mombasa', {
    title: 'Wang Yi and Omamo meet the press',
    eventDate: '2022-01-06',
    publishedDate: '2022-01-07',
    place: 'Mombasa',
  }),
  makeDocument('002_kazakhstan', { title: 'Xi holds talks with Tokayev', eventDate: '2023-05-17', place: "Xi'an" }),
  makeDocument('003_july', { title: 'July talks', eventDate: '2024-07-02', place: 'Astana' }),
  makeDocument('004_june', { title: 'June talks', eventDate: '2025-06-16', place: 'Astana' }),
]);
