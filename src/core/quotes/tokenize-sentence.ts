/** A word or punctuation mark of a sentence, with offsets into that sentence. */
export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'punct';
}

// Honorifics and initials keep their period so "Mr. Smith said" stays one name.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'gov',
  'rep',
  'gen',
  'col',
  'lt',
  'sgt',
  'rev',
  'jr',
  'sr',
  'st',
  'prof',
  'capt',
  'maj',
  'adm',
  'cmdr',
  'pres',
  'supt',
  'atty',
]);

// Words may carry inner apostrophes and hyphens: "Kassym-Jomart", "China's", "Xi'an".
const TOKEN = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Splits a sentence into words and punctuation marks, keeping honorific and initial periods on the word. */
export function tokenizeSentence(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let value = match[0];
    const start = match.index;
    if (value.length > 1 && value.endsWith('.')) {
      const bare = value.slice(0, -1);
      const keepsPeriod = ABBREVIATIONS.has(bare.toLowerCase()) || /^\p{Lu}$/u.test(bare);
      if (!keepsPeriod) {
        tokens.push({ text: bare, start, end: start + bare.length, kind: 'word' });
        tokens.push({ text: '.', start: start + bare.length, end: start + value.length, kind: 'punct' });
        continue;
      }
      value = match[0];
    }
    const kind = /^[\p{L}\p{N}]/u.test(value) ? 'word' : 'punct';
    tokens.push({ text: value, start, end: start + value.length, kind });
  }
  return tokens;
}
