import { selectTop } from './select-top.js';

export interface DocumentGrouper {
  /**
   * The page [offset, offset + limit) of matching passages grouped by document: documents by their best
   * passage, passages within a document best first. Returns positions i in 0..count-1.
   */
  page(count: number, passageAt: (i: number) => number, keyAt: (i: number) => number, offset: number, limit: number): number[];
}

/**
 * Groups with scratch arrays sized once per corpus. Only the documents that can reach the page are
 * gathered and sorted, so a common word over a million passages stays cheap.
 */
export function createDocumentGrouper(documentOf: Uint32Array, documentCount: number): DocumentGrouper {
  const best = new Float64Array(documentCount);
  const seen = new Uint32Array(documentCount);
  const rank = new Int32Array(documentCount).fill(-1);
  let generation = 0;

  return {
    page(count, passageAt, keyAt, offset, limit) {
      if (count === 0 || limit <= 0) return [];
      generation++;
      const documents: number[] = [];
      for (let i = 0; i < count; i++) {
        const document = documentOf[passageAt(i)]!;
        const key = keyAt(i);
        if (seen[document] !== generation) {
          seen[document] = generation;
          best[document] = key;
          documents.push(document);
        } else if (key > best[document]!) best[document] = key;
      }
      // Each document brings at least one passage, so the first offset+limit documents cover the page.
      const top = selectTop(documents.length, (d) => best[documents[d]!]!, offset + limit).map((d) => documents[d]!);
      top.forEach((document, at) => {
        rank[document] = at;
      });
      const gathered: number[] = [];
      for (let i = 0; i < count; i++) if (rank[documentOf[passageAt(i)]!]! >= 0) gathered.push(i);
      gathered.sort(
        (a, b) => rank[documentOf[passageAt(a)]!]! - rank[documentOf[passageAt(b)]!]! || keyAt(b) - keyAt(a) || passageAt(a) - passageAt(b),
      );
      for (const document of top) rank[document] = -1;
      return gathered.slice(offset, offset + limit);
    },
  };
}
