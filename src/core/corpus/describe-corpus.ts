import type { Corpus, LoadWarning } from '../document.js';

/** One document in the public `readout corpus --json` shape. */
export interface DocumentDescription {
  id: string;
  title: string;
  eventDate: string | null;
  publishedDate: string | null;
  place: string | null;
  source: string | null;
  people: string[];
  countries: string[];
  paragraphs: number;
  sentences: number;
  warnings: string[];
}

/** The public, documented JSON of `readout corpus --json`. */
export interface CorpusDescription {
  documents: DocumentDescription[];
  /** Files that did not load (or loaded without their sidecar), with the reason. */
  warnings: LoadWarning[];
}

/** Describes a corpus in the public `readout corpus --json` shape (keys in this fixed order). */
export function describeCorpus(corpus: Corpus): CorpusDescription {
  return {
    documents: corpus.documents.map((d) => ({
      id: d.id,
      title: d.title,
      eventDate: d.eventDate,
      publishedDate: d.publishedDate,
      place: d.place,
      source: d.source,
      people: [...d.people],
      countries: [...d.countries],
      paragraphs: d.paragraphs.length,
      sentences: d.paragraphs.reduce((sum, p) => sum + p.sentences.length, 0),
      warnings: [...d.warnings],
    })),
    warnings: corpus.warnings.map((w) => ({ file: w.file, reason: w.reason })),
  };
}
