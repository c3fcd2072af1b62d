import type { Corpus, Document, Paragraph, Sentence } from '../document.js';
import { readFramedFile, viewOf, writeFramedFile } from './framed-file.js';

const FORMAT = 'readout-corpus-snapshot-v1';
/** Per document in `docs`: first byte and end byte of its text in `text`, first paragraph, paragraph end. */
const DOC_FIELDS = 4;
/** Per paragraph in `paragraphs`: start and end offsets in the document's text, first sentence, sentence end. */
const PARAGRAPH_FIELDS = 4;
/** Per sentence in `sentences`: start and end offsets in the document's text. */
const SENTENCE_FIELDS = 2;

type DocumentMeta = Omit<Document, 'paragraphs' | 'raw'> & { reuseKey?: string };

interface SnapshotMeta {
  corpus: Omit<Corpus, 'documents' | 'dir'>;
  documents: DocumentMeta[];
}

/** A corpus read back from a snapshot, with the parsing keys that let the next load reuse its documents. */
export interface SnapshotCorpus {
  corpus: Corpus;
  /** Documents by the loader's reuse key. */
  parsed: Map<string, Document>;
}

/**
 * Saves a parsed corpus column by column: one text blob, typed-array offsets for paragraphs and sentences,
 * a small JSON of metadata. Paragraph and sentence texts are not stored: they are slices of the document text.
 */
export function saveCorpusSnapshot(path: string, key: string, corpus: Corpus, reuseKeys: ReadonlyMap<Document, string>): boolean {
  try {
    const texts: Buffer[] = [];
    let paragraphCount = 0;
    let sentenceCount = 0;
    for (const document of corpus.documents) {
      paragraphCount += document.paragraphs.length;
      for (const paragraph of document.paragraphs) sentenceCount += paragraph.sentences.length;
    }
    const docs = new Float64Array(corpus.documents.length * DOC_FIELDS);
    const paragraphs = new Uint32Array(paragraphCount * PARAGRAPH_FIELDS);
    const sentences = new Uint32Array(sentenceCount * SENTENCE_FIELDS);
    let byte = 0;
    let p = 0;
    let s = 0;
    const documents: DocumentMeta[] = corpus.documents.map((document, d) => {
      const text = Buffer.from(document.raw, 'utf8');
      texts.push(text);
      docs.set([byte, byte + text.length, p, p + document.paragraphs.length], d * DOC_FIELDS);
      byte += text.length;
      for (const paragraph of document.paragraphs) {
        paragraphs.set([paragraph.start, paragraph.end, s, s + paragraph.sentences.length], p * PARAGRAPH_FIELDS);
        p++;
        for (const sentence of paragraph.sentences) {
          sentences.set([sentence.start, sentence.end], s * SENTENCE_FIELDS);
          s++;
        }
      }
      const { paragraphs: _p, raw: _r, ...meta } = document;
      const reuseKey = reuseKeys.get(document);
      return reuseKey === undefined ? meta : { ...meta, reuseKey };
    });
    const { documents: _d, dir: _dir, paragraphCount: _count, ...rest } = corpus;
    const meta: SnapshotMeta = { corpus: rest, documents };
    writeFramedFile(path, FORMAT, key, {
      meta: Buffer.from(JSON.stringify(meta), 'utf8'),
      docs,
      paragraphs,
      sentences,
      text: texts,
    });
    return true;
  } catch {
    return false;
  }
}

/** Reads a snapshot saved under `key`; documents build their paragraphs and text only when first used. Null when missing or damaged. */
export function loadCorpusSnapshot(path: string, key: string | ((key: string) => boolean), dir: string): SnapshotCorpus | null {
  const sections = readFramedFile(path, FORMAT, key);
  if (!sections) return null;
  try {
    const meta = JSON.parse(sections.get('meta')?.toString('utf8') ?? '') as SnapshotMeta;
    const docs = viewOf(required(sections, 'docs'), Float64Array);
    const paragraphs = viewOf(required(sections, 'paragraphs'), Uint32Array);
    const sentences = viewOf(required(sections, 'sentences'), Uint32Array);
    const text = required(sections, 'text');
    if (docs.length !== meta.documents.length * DOC_FIELDS) return null;
    const parsed = new Map<string, Document>();
    const documents = meta.documents.map((entry, d) => {
      const { reuseKey, ...fields } = entry;
      const at = d * DOC_FIELDS;
      const document = lazyDocument(fields, {
        text: () => text.toString('utf8', docs[at]!, docs[at + 1]!),
        paragraphs: (raw) => buildParagraphs(fields.id, raw, paragraphs, sentences, docs[at + 2]!, docs[at + 3]!),
      });
      if (reuseKey !== undefined) parsed.set(reuseKey, document);
      return document;
    });
    const paragraphCount = (index: number) => (docs[index * DOC_FIELDS + 3] ?? 0) - (docs[index * DOC_FIELDS + 2] ?? 0);
    return { corpus: { ...meta.corpus, dir, documents, paragraphCount }, parsed };
  } catch {
    return null;
  }
}

function required(sections: Map<string, Buffer>, name: string): Buffer {
  const section = sections.get(name);
  if (!section) throw new Error(`snapshot has no ${name} section`);
  return section;
}

/** A document whose `raw` and `paragraphs` are read from the snapshot on first use, then kept. */
function lazyDocument(
  fields: Omit<Document, 'paragraphs' | 'raw'>,
  read: { text: () => string; paragraphs: (raw: string) => Paragraph[] },
): Document {
  const document = { ...fields } as Document;
  const settle = <K extends 'raw' | 'paragraphs'>(name: K, value: Document[K]): Document[K] => {
    Object.defineProperty(document, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(document, 'raw', {
    get: () => settle('raw', read.text()),
    set: (value: string) => settle('raw', value),
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(document, 'paragraphs', {
    get: () => settle('paragraphs', read.paragraphs(document.raw)),
    set: (value: Paragraph[]) => settle('paragraphs', value),
    enumerable: true,
    configurable: true,
  });
  return document;
}

function buildParagraphs(
  id: string,
  raw: string,
  paragraphs: Uint32Array,
  sentences: Uint32Array,
  first: number,
  end: number,
): Paragraph[] {
  const built: Paragraph[] = [];
  for (let p = first; p < end; p++) {
    const at = p * PARAGRAPH_FIELDS;
    const start = paragraphs[at]!;
    const stop = paragraphs[at + 1]!;
    const index = p - first;
    const pid = `${id}:p${index}`;
    const list: Sentence[] = [];
    for (let s = paragraphs[at + 2]!; s < paragraphs[at + 3]!; s++) {
      const sStart = sentences[s * SENTENCE_FIELDS]!;
      const sEnd = sentences[s * SENTENCE_FIELDS + 1]!;
      list.push({ id: `${pid}:s${list.length}`, index: list.length, text: raw.slice(sStart, sEnd), start: sStart, end: sEnd });
    }
    built.push({ id: pid, index, text: raw.slice(start, stop), start, end: stop, sentences: list });
  }
  return built;
}
