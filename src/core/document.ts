/** A sentence of a paragraph; offsets are character offsets into the document's original text (`Document.raw`). */
export interface Sentence {
  /** Stable id: `<docId>:p<paragraph>:s<sentence>`. */
  id: string;
  /** 0-based index within its paragraph. */
  index: number;
  text: string;
  start: number;
  end: number;
}

/** A paragraph of body text with boilerplate removed; offsets into `Document.raw`. */
export interface Paragraph {
  /** Stable id: `<docId>:p<paragraph>`. */
  id: string;
  /** 0-based index within the document. */
  index: number;
  text: string;
  start: number;
  end: number;
  sentences: Sentence[];
}

/** How a document's date was obtained, for "which date was used" messages. */
export type DateOrigin = 'text' | 'sidecar' | null;

/** One document of the corpus, as the loader reads it. Dates are `YYYY-MM-DD` or null. */
export interface Document {
  /** File name without extension, e.g. `000_4428246b8b720a03`. */
  id: string;
  /** File name relative to the seeds folder. */
  file: string;
  title: string;
  eventDate: string | null;
  publishedDate: string | null;
  place: string | null;
  source: string | null;
  /** Canonical person names (as in the people table) mentioned in the text. */
  people: string[];
  /** Canonical country names mentioned in the text. */
  countries: string[];
  paragraphs: Paragraph[];
  /** The original file text (decoded), which all offsets refer to. */
  raw: string;
  /** Problems met while reading this document that did not stop it loading. */
  warnings: string[];
}

/** A known person and the names the corpus uses for them. */
export interface Person {
  /** Canonical name, e.g. `Xi Jinping`. */
  name: string;
  /** Other ways texts refer to the person: surnames, titles, spellings. Longest match wins. */
  aliases: string[];
  /** Role titles that may precede the name or stand for it ("the Chinese president"). */
  titles: string[];
  country: string | null;
}

export interface Country {
  name: string;
  /** Demonyms and other names: `Kenyan`, `PRC`. */
  aliases: string[];
}

/** The people/alias table read from `seeds/people.json`. */
export interface Gazetteer {
  people: Person[];
  countries: Country[];
  /** Known places (cities) with their country. */
  places: { name: string; aliases: string[]; country: string | null }[];
}

/** A problem with one file that did not stop the rest of the corpus loading. */
export interface LoadWarning {
  file: string;
  reason: string;
}

/** The loaded corpus: every readable document plus the warnings for the files that were not. */
export interface Corpus {
  dir: string;
  documents: Document[];
  gazetteer: Gazetteer;
  warnings: LoadWarning[];
  /** Hash over file names, sizes and contents: changes whenever any file changes. */
  fingerprint: string;
  /** How many paragraphs document `index` has, without building them (a corpus read from a snapshot builds them lazily). */
  paragraphCount?: (index: number) => number;
}
