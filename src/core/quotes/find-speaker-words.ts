import type { Token } from './tokenize-sentence.js';

// Pronouns that may stand for a speaker; the document decides who they refer to.
const PRONOUNS = new Set(['he', 'she']);
// Lower-case words that may join the capitalised words of one name or title.
const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'da']);
// Role nouns that end a definite description: "the Chinese president", "the Kenyan leader".
const ROLE_NOUNS = new Set([
  'president',
  'leader',
  'premier',
  'minister',
  'chancellor',
  'king',
  'queen',
  'envoy',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'secretary',
  'chairman',
  'chairwoman',
  'governor',
  'senator',
  'mayor',
  'councilor',
  'emir',
  'prince',
]);
const ARTICLES = new Set(['the']);
// Punctuation that may open a speaker's name: sentence parts, brackets, quotation marks, datelines.
export const OPENERS = new Set([',', ';', ':', '(', ')', '—', '–', '-', '"', '“', '”', '‘', '’', "'", '`', '«', '»']);
// Longest apposition between a name and its verb: "Smith, a spokesman for the county board, said".
const MAX_APPOSITION = 8;

export const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
const isCapitalised = (token: Token | undefined): boolean => isWord(token) && /^\p{Lu}/u.test(token.text);
const isPossessive = (token: Token): boolean => /['’]s$/i.test(token.text);

/** Token indexes of the words that name a speaker. */
export interface SpeakerSpan {
  first: number;
  last: number;
  kind: 'pronoun' | 'name' | 'description';
}

/** Reads the speaker's words that end at token `last` (before a verb): a name, a name with an apposition, a description or a pronoun. */
export function findSpeakerBefore(tokens: Token[], last: number): SpeakerSpan | undefined {
  return speakerBefore(tokens, last) ?? speakerBeforeApposition(tokens, last);
}

/** Reads the speaker's words backwards from `last`, or returns undefined when they do not form a name. */
function speakerBefore(tokens: Token[], last: number): SpeakerSpan | undefined {
  const end = tokens[last];
  if (!isWord(end)) return undefined;
  if (PRONOUNS.has(end.text.toLowerCase())) return openedAt(tokens, last) ? { first: last, last, kind: 'pronoun' } : undefined;
  if (isPossessive(end)) return undefined;
  let k = last;
  let roles = 0;
  while (k >= 0 && roles < 2 && isWord(tokens[k]) && ROLE_NOUNS.has(tokens[k]?.text ?? '')) {
    roles++;
    k--;
  }
  let capitals = 0;
  while (k >= 0) {
    const token = tokens[k];
    if (isCapitalised(token) && !ARTICLES.has(token?.text.toLowerCase() ?? '')) {
      capitals++;
      k--;
    } else if (capitals > 0 && CONNECTORS.has(token?.text ?? '') && isCapitalised(tokens[k - 1])) {
      k--;
    } else {
      break;
    }
  }
  if (roles > 0) {
    // A description needs its article: "the Chinese president", never a bare "president".
    if (!ARTICLES.has(tokens[k]?.text.toLowerCase() ?? '')) return undefined;
    return openedAt(tokens, k) ? { first: k, last, kind: 'description' } : undefined;
  }
  if (capitals === 0) return undefined;
  // "The Rev. R. L. Brandt": the one honorific that takes an article.
  if (ARTICLES.has(tokens[k]?.text.toLowerCase() ?? '') && tokens[k + 1]?.text === 'Rev.') {
    return openedAt(tokens, k) ? { first: k, last, kind: 'name' } : undefined;
  }
  // "The President noted": a capitalised role after the article is a description, like "the president".
  if (ARTICLES.has(tokens[k]?.text.toLowerCase() ?? '') && ROLE_NOUNS.has(end.text.toLowerCase())) {
    return openedAt(tokens, k) ? { first: k, last, kind: 'description' } : undefined;
  }
  return openedAt(tokens, k + 1) ? { first: k + 1, last, kind: 'name' } : undefined;
}

/** "Dr. Melvin W. Barnes, superintendent, said": the name before a short lower-case apposition between commas. */
function speakerBeforeApposition(tokens: Token[], last: number): SpeakerSpan | undefined {
  if (tokens[last]?.text !== ',') return undefined;
  let k = last - 1;
  while (k >= 0 && last - k <= MAX_APPOSITION && isWord(tokens[k])) k--;
  const opening = tokens[k + 1];
  if (k < 1 || tokens[k]?.text !== ',' || k === last - 1 || !opening || /^\p{Lu}/u.test(opening.text)) return undefined;
  const name = speakerBefore(tokens, k - 1);
  return name?.kind === 'name' ? name : undefined;
}

/** Reads the speaker's words forwards from `first` for inverted cues: `, said Mr. Smith.` */
export function findSpeakerAfter(tokens: Token[], first: number): SpeakerSpan | undefined {
  const start = tokens[first];
  if (!isWord(start)) return undefined;
  let k = first;
  if (ARTICLES.has(start.text.toLowerCase())) {
    k++;
    while (isCapitalised(tokens[k])) k++;
    let roles = 0;
    while (isWord(tokens[k]) && ROLE_NOUNS.has(tokens[k]?.text ?? '')) {
      roles++;
      k++;
    }
    return roles > 0 ? { first, last: k - 1, kind: 'description' } : undefined;
  }
  let capitals = 0;
  while (k < tokens.length) {
    const token = tokens[k];
    if (isCapitalised(token)) {
      capitals++;
      k++;
    } else if (capitals > 0 && CONNECTORS.has(token?.text ?? '') && isCapitalised(tokens[k + 1])) {
      k++;
    } else {
      break;
    }
  }
  const last = tokens[k - 1];
  if (capitals === 0 || !last || isPossessive(last)) return undefined;
  return { first, last: k - 1, kind: 'name' };
}

/** True when a speaker's words may begin at token `first`: at the sentence start or after punctuation. */
function openedAt(tokens: Token[], first: number): boolean {
  if (first === 0) return true;
  const before = tokens[first - 1];
  return before?.kind === 'punct' && OPENERS.has(before.text);
}
