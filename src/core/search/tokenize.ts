import { foldWord } from './fold-text.js';

/** One word of a text: its folded index form and where it stands in the original text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/*
 * A word is a run of letters/digits that may contain apostrophes (Xi'an, China's) and invisible
 * characters (zero-width spaces from web captures). Hyphens and other punctuation split words, so
 * "Mombasa-Nairobi" is two words and "Mombasa Nairobi" finds it. Han/kana characters stand alone
 * (one token each) because Chinese has no spaces: a query in Chinese then matches character runs.
 */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const LETTER = `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])`;
const JOINER = "['’‘ʼ`´\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]";
const WORD = new RegExp(`[${CJK}]|${LETTER}+(?:${JOINER}+${LETTER}+)*`, 'gu');
const APOSTROPHES = /['’‘ʼ`´]/g;
const POSSESSIVE = /['’‘ʼ`´]s$/;

/** Folds a matched word: possessive 's dropped (China's -> china), other apostrophes removed (Xi'an -> xian). */
function termOf(word: string): string {
  let folded = foldWord(word);
  if (folded.length > 2 && POSSESSIVE.test(folded)) folded = folded.slice(0, -2);
  return folded.replace(APOSTROPHES, '');
}

/** Splits a text into folded tokens with their offsets into the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term.length === 0) continue;
    tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The folded terms of a text, without offsets (the fast path for indexing). */
export function tokenTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term.length > 0) terms.push(term);
  }
  return terms;
}
