import type { Corpus } from '../document.js';

/** Every paragraph of the corpus, numbered in document order: passage i is paragraph `paragraphOf[i]` of document `documentOf[i]`. */
export interface PassageTable {
  count: number;
  documentOf: Uint32Array;
  paragraphOf: Uint32Array;
  textOf(passage: number): string;
}

/** Numbers the corpus's paragraphs as index passages. */
export function listPassages(corpus: Corpus): PassageTable {
  const paragraphs = paragraphCounter(corpus);
  let count = 0;
  for (let document = 0; document < corpus.documents.length; document++) count += paragraphs(document);
  const documentOf = new Uint32Array(count);
  const paragraphOf = new Uint32Array(count);
  let at = 0;
  corpus.documents.forEach((_document, documentIndex) => {
    const total = paragraphs(documentIndex);
    for (let paragraph = 0; paragraph < total; paragraph++) {
      documentOf[at] = documentIndex;
      paragraphOf[at] = paragraph;
      at++;
    }
  });
  return {
    count,
    documentOf,
    paragraphOf,
    textOf: (passage) => corpus.documents[documentOf[passage]!]?.paragraphs[paragraphOf[passage]!]?.text ?? '',
  };
}

/** Paragraph counts that do not build a lazily read document's paragraphs. */
export function paragraphCounter(corpus: Corpus): (documentIndex: number) => number {
  return corpus.paragraphCount ?? ((documentIndex) => corpus.documents[documentIndex]?.paragraphs.length ?? 0);
}
