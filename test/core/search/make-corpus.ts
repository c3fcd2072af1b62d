import type { Corpus, Document, Gazetteer } from '../../../src/core/document.js';

/** A hand-made document: metadata plus its paragraphs' text. */
export interface FakeDocument {
  id: string;
  title?: string;
  eventDate?: string | null;
  place?: string | null;
  source?: string | null;
  people?: string[];
  countries?: string[];
  paragraphs: string[];
}

/** Builds a Corpus the way the loader would shape it, without reading files. */
export function makeCorpus(documents: FakeDocument[], gazetteer?: Partial<Gazetteer>, fingerprint = 'fake'): Corpus {
  return {
    dir: 'fake',
    fingerprint,
    warnings: [],
    gazetteer: { people: [], countries: [], places: [], ...gazetteer },
    documents: documents.map((fake): Document => {
      let offset = 0;
      const raw = fake.paragraphs.join('\n\n');
      return {
        id: fake.id,
        file: `${fake.id}.txt`,
        title: fake.title ?? `Document ${fake.id}`,
        eventDate: fake.eventDate ?? null,
        publishedDate: null,
        place: fake.place ?? null,
        source: fake.source ?? null,
        people: fake.people ?? [],
        countries: fake.countries ?? [],
        raw,
        warnings: [],
        paragraphs: fake.paragraphs.map((text, index) => {
          const start = offset;
          offset += text.length + 2;
          return { id: `${fake.id}:p${index}`, index, text, start, end: start + text.length, sentences: [] };
        }),
      };
    }),
  };
}

export const GAZETTEER: Gazetteer = {
  people: [
    { name: 'Xi Jinping', aliases: ['Xi', 'President Xi'], titles: [], country: 'China' },
    { name: 'William Ruto', aliases: ['Ruto'], titles: [], country: 'Kenya' },
    { name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'], titles: [], country: 'Kazakhstan' },
    { name: 'Wang Yi', aliases: [], titles: [], country: 'China' },
    { name: 'Raychelle Awuor Omamo', aliases: ['Omamo'], titles: [], country: 'Kenya' },
  ],
  countries: [
    { name: 'China', aliases: ['Chinese'] },
    { name: 'Kenya', aliases: ['Kenyan'] },
    { name: 'Kazakhstan', aliases: ['Kazakh'] },
  ],
  places: [
    { name: 'Beijing', aliases: [], country: 'China' },
    { name: "Xi'an", aliases: ['Xian'], country: 'China' },
    { name: 'Mombasa', aliases: [], country: 'Kenya' },
    { name: 'Astana', aliases: [], country: 'Kazakhstan' },
  ],
};

/** Three readouts small enough to reason about every ranking by hand. */
export const DOCUMENTS: FakeDocument[] = [
  {
    id: 'kaz',
    title: 'Xi Jinping holds talks with Tokayev',
    eventDate: '2023-05-17',
    place: "Xi'an",
    source: 'Xinhua',
    people: ['Xi Jinping', 'Kassym-Jomart Tokayev'],
    countries: ['China', 'Kazakhstan'],
    paragraphs: [
      "President Xi Jinping held talks in Xi'an with President Kassym-Jomart Tokayev of Kazakhstan.",
      'The two sides will jointly fight terrorism, separatism and extremism.',
      'Kazakhstan supports the Belt and Road Initiative and deeper cooperation.',
      'Tokayev thanked Xi. Tokayev praised the summit.',
      'Tokaev was misspelled once in this capture.',
      'Later, Tokayev saw the guests off.',
    ],
  },
  {
    id: 'ken',
    title: 'Xi Jinping holds talks with Kenyan President William Ruto',
    eventDate: '2025-04-24',
    place: 'Beijing',
    source: 'Xinhua',
    people: ['Xi Jinping', 'William Ruto'],
    countries: ['China', 'Kenya'],
    paragraphs: [
      'Xi Jinping held talks with Kenyan President William Ruto in Beijing.',
      'Projects such as the Mombasa-Nairobi Railway have promoted Kenya’s development and cooperation.',
      'The two sides agreed to build a community with a shared future.',
      'Both sides share a future of cooperation in trade.',
      '来源：新华网 Xinhua reported the talks.',
    ],
  },
  {
    id: 'mom',
    title: 'Wang Yi and Omamo meet the press',
    eventDate: '2022-01-06',
    place: 'Mombasa',
    source: 'Ministry of Foreign Affairs',
    people: ['Wang Yi', 'Raychelle Awuor Omamo'],
    countries: ['Kenya', 'China'],
    paragraphs: [
      'Wang Yi and Cabinet Secretary Raychelle Awuor Omamo met the press in Mombasa.',
      'Café owners in Mombasa welcomed the cooperation on tourism.',
      'Kenya and China will deepen cooperation.',
    ],
  },
];
