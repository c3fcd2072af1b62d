import type { Corpus, Document, Gazetteer } from '../src/core/document.js';

/** Names the bench attaches to documents so filtered queries have something to filter on. */
export const BENCH_PEOPLE = [
  'Alice Fulton',
  'Ivan Allen',
  'Durwood Pye',
  'Mary Grant',
  'Omar Haddad',
  'Li Wei',
  'Sara Novak',
  'John Mbeki',
];
export const BENCH_COUNTRIES = ['France', 'Kenya', 'Brazil', 'Japan', 'Canada', 'Egypt', 'Norway', 'India'];
export const BENCH_PLACES = ['Atlanta', 'Nairobi', 'Lyon', 'Osaka', 'Quebec', 'Cairo', 'Bergen', 'Pune'];
export const BENCH_SOURCES = ['Xinhua', 'Gazette', 'Courier', 'Herald'];
const PASSAGES_PER_DOCUMENT = 10;

/** Small deterministic PRNG (mulberry32), so every run builds the same corpora. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A corpus of `passages` paragraphs cut from Brown sentences: each paragraph is one to three
 * consecutive sentences from a random place, ten paragraphs a document, with rotating metadata.
 */
export function makeBenchCorpus(passages: number, sentences: readonly string[], seed = 42): Corpus {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const noSentences: never[] = [];
  const documents: Document[] = [];
  for (let made = 0, documentIndex = 0; made < passages; documentIndex++) {
    const id = `brown-${documentIndex}`;
    const paragraphs: Document['paragraphs'] = [];
    let offset = 0;
    for (let p = 0; p < PASSAGES_PER_DOCUMENT && made < passages; p++, made++) {
      const start = Math.floor(random() * sentences.length);
      const length = 1 + Math.floor(random() * 3);
      const text = sentences.slice(start, start + length).join(' ');
      paragraphs.push({ id: `${id}:p${p}`, index: p, text, start: offset, end: offset + text.length, sentences: noSentences });
      offset += text.length + 2;
    }
    const year = 2015 + (documentIndex % 10);
    const month = String(1 + (documentIndex % 12)).padStart(2, '0');
    const day = String(1 + (documentIndex % 28)).padStart(2, '0');
    documents.push({
      id,
      file: `${id}.txt`,
      title: (paragraphs[0]?.text ?? '').slice(0, 60),
      eventDate: `${year}-${month}-${day}`,
      publishedDate: null,
      place: pick(BENCH_PLACES),
      source: pick(BENCH_SOURCES),
      people: [pick(BENCH_PEOPLE), pick(BENCH_PEOPLE)],
      countries: [pick(BENCH_COUNTRIES)],
      paragraphs,
      raw: '',
      warnings: [],
    });
  }
  const gazetteer: Gazetteer = {
    people: BENCH_PEOPLE.map((name) => ({ name, aliases: [name.split(' ')[1]!], titles: [], country: null })),
    countries: BENCH_COUNTRIES.map((name) => ({ name, aliases: [] })),
    places: BENCH_PLACES.map((name) => ({ name, aliases: [], country: null })),
  };
  return { dir: 'bench', documents, gazetteer, warnings: [], fingerprint: `brown-${passages}-${seed}` };
}
