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
const CJK_SPLIT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u;
const LETTERS = '[\\p{L}\\p{N}\\p{M}]+';
const JOINER = "['’‘ʼ`´\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]";
// Group 1 is set only when the word has an inner apostrophe or invisible character (the rare case).
const WORD = new RegExp(`${LETTERS}((?:${JOINER}+${LETTERS})+)?`, 'gu');
const APOSTROPHES = /['’‘ʼ`´]/g;
const POSSESSIVE = /['’‘ʼ`´]s$/;
/** Below U+2E80 there are no CJK characters, so most words skip the script check. */
const FIRST_CJK = 0x2e80;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Folds a matched word: possessive 's dropped (China's -> china), other apostrophes removed (Xi'an -> xian). */
function termOf(word: string, joined: boolean): string {
  let folded = foldWord(word);
  if (!joined) return folded;
  if (folded.length > 2 && POSSESSIVE.test(folded)) folded = folded.slice(0, -2);
  return folded.replace(APOSTROPHES, '');
}

function mayHoldCjk(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= FIRST_CJK) return CJK.test(word);
  return false;
}

/** Calls `visit` for each word of the text with its folded term and offsets, CJK characters one at a time. */
function eachWord(text: string, visit: (term: string, start: number, end: number) => void): void {
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const joined = match[1] !== undefined;
    if (!mayHoldCjk(word)) {
      const term = termOf(word, joined);
      if (term.length > 0) visit(term, match.index, match.index + word.length);
      continue;
    }
    let at = match.index;
    for (const part of word.split(CJK_SPLIT)) {
      const term = part.length > 0 ? termOf(part, joined) : '';
      if (term.length > 0) visit(term, at, at + part.length);
      at += part.length;
    }
  }
}

/** Splits a text into folded tokens with their offsets into the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  eachWord(text, (term, start, end) => {
    tokens.push({ term, start, end });
  });
  return tokens;
}

/** The folded terms of a text, without offsets (the fast path for indexing). */
export function tokenTerms(text: string): string[] {
  const terms: string[] = [];
  eachWord(text, (term) => {
    terms.push(term);
  });
  return terms;
}
