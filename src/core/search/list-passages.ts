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
  let count = 0;
  for (const document of corpus.documents) count += document.paragraphs.length;
  const documentOf = new Uint32Array(count);
  const paragraphOf = new Uint32Array(count);
  let at = 0;
  corpus.documents.forEach((document, documentIndex) => {
    for (let paragraph = 0; paragraph < document.paragraphs.length; paragraph++) {
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
