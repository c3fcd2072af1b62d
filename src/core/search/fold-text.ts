/** Zero-width and other invisible characters that web captures leave inside words. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^ -~]/;

/** Folds one word to its index form: lower case, diacritics and invisible characters removed. */
export function foldWord(word: string): string {
  let folded = word.toLowerCase();
  // Most words are plain ASCII; skipping normalize() for them keeps indexing of large corpora fast.
  if (NON_ASCII.test(folded)) {
    folded = folded.normalize('NFKD').replace(COMBINING_MARKS, '').replace(INVISIBLE, '');
    // Letters that do not decompose but that readers type in plain Latin.
    folded = folded
      .replace(/ß/g, 'ss')
      .replace(/[øœ]/g, (c) => (c === 'ø' ? 'o' : 'oe'))
      .replace(/æ/g, 'ae')
      .replace(/ı/g, 'i');
  }
  return folded;
}

/** Folds a free-text value (a name, a filter value) for comparison: folded words joined by single spaces. */
export function foldText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .split(/[^\p{L}\p{N}'’‘ʼ`´]+/u)
    .filter((word) => word.length > 0)
    .map((word) => foldWord(word).replace(/['’‘ʼ`´]/g, ''))
    .join(' ');
}
