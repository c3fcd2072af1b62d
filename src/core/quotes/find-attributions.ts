import { REPORTING_VERBS, SPEECH_CONTENT_NOUNS, type VerbStrength } from './reporting-verbs.js';
import { type Token, tokenizeSentence } from './tokenize-sentence.js';

/** A reporting verb with the words that name its speaker, found in one sentence. */
export interface Attribution {
  /** The reporting verb or phrase as matched, lower case. */
  verb: string;
  strength: VerbStrength;
  position: 'before' | 'after' | 'middle';
  /** The words that name the speaker, as written: `Xi`, `He`, `the Chinese president`. */
  speakerText: string;
  speakerKind: 'pronoun' | 'name' | 'description';
  /** Offsets of the speaker words within the sentence. */
  speakerStart: number;
  speakerEnd: number;
}

const PRONOUNS = new Set(['he', 'she']);
// Words that may stand between a speaker and the verb: "Xi also noted", "he has said".
const INTERVENING = new Set(['also', 'further', 'then', 'again', 'later', 'once', 'repeatedly', 'recently', 'has', 'had', 'have', 'had']);
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
const OPENERS = new Set([',', ';', ':', '(', ')', '—', '–', '-', '"', '“', '”', '‘', '’', "'", '`', '«', '»']);
const CLOSING = new Set(['.', '!', '?', '"', '”', '’', "'", '»', ')']);
const INVERTIBLE = new Set([
  'said',
  'says',
  'added',
  'asked',
  'replied',
  'declared',
  'explained',
  'noted',
  'stressed',
  'warned',
  'continued',
  'commented',
]);
// Words that may sit between a weak verb and its `that` or content noun: "expressed his deep gratitude".
const WEAK_LOOKAHEAD = 5;
// Longest apposition between a name and its verb: "Smith, a spokesman for the county board, said".
const MAX_APPOSITION = 8;

interface VerbForm {
  words: string[];
  form: string;
  strength: VerbStrength;
}

const FORMS_BY_FIRST_WORD: Map<string, VerbForm[]> = (() => {
  const map = new Map<string, VerbForm[]>();
  for (const verb of REPORTING_VERBS) {
    for (const form of verb.forms) {
      const words = form.split(' ');
      const first = words[0] ?? form;
      const list = map.get(first) ?? [];
      list.push({ words, form, strength: verb.strength });
      map.set(first, list);
    }
  }
  // Longest phrase first, so "called on" wins over a bare "called".
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
const isCapitalised = (token: Token | undefined): boolean => isWord(token) && /^\p{Lu}/u.test(token.text);
const isPossessive = (token: Token): boolean => /['’]s$/i.test(token.text);

function matchVerb(tokens: Token[], at: number): VerbForm | undefined {
  const first = tokens[at];
  if (!isWord(first)) return undefined;
  for (const candidate of FORMS_BY_FIRST_WORD.get(first.text) ?? []) {
    const fits = candidate.words.every((word, offset) => {
      const token = tokens[at + offset];
      return isWord(token) && token.text === word;
    });
    if (fits) return candidate;
  }
  return undefined;
}

interface SpeakerSpan {
  first: number;
  last: number;
  kind: Attribution['speakerKind'];
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
function speakerAfter(tokens: Token[], first: number): SpeakerSpan | undefined {
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

const onlyClosing = (tokens: Token[]): boolean => tokens.every((token) => token.kind === 'punct' && CLOSING.has(token.text));

/** True when no words stand before the speaker, except a dateline ending in a dash. */
function startsStatement(tokens: Token[], first: number): boolean {
  const before = tokens.slice(0, first);
  if (before.every((token) => token.kind === 'punct')) return true;
  const previous = before[before.length - 1];
  return previous !== undefined && ['—', '–', '-'].includes(previous.text);
}

function positionOf(tokens: Token[], speakerFirst: number, verbEnd: number): Attribution['position'] {
  if (startsStatement(tokens, speakerFirst)) return 'before';
  const rest = tokens.slice(verbEnd);
  if (onlyClosing(rest)) return 'after';
  if (rest[0]?.text === ',') {
    // "..., Xi said, urging both countries ..." closes the statement; "Second, he said, ..." splits it.
    const next = rest[1];
    return isWord(next) && /ing$/.test(next.text) ? 'after' : 'middle';
  }
  return 'before';
}

/** True when a weak verb before its statement is followed by `that` or a speech-content noun. */
function weakVerbReportsSpeech(tokens: Token[], verbEnd: number): boolean {
  for (let k = verbEnd; k < tokens.length && k < verbEnd + WEAK_LOOKAHEAD; k++) {
    const token = tokens[k];
    if (!isWord(token)) return false;
    const word = token.text.toLowerCase();
    if (word === 'that' || SPEECH_CONTENT_NOUNS.has(word)) return true;
  }
  return false;
}

function spanText(sentence: string, tokens: Token[], span: SpeakerSpan): { text: string; start: number; end: number } {
  const start = tokens[span.first]?.start ?? 0;
  const end = tokens[span.last]?.end ?? start;
  return { text: sentence.slice(start, end), start, end };
}

/** Finds every reporting verb in a sentence whose speaker is named next to it, in order of appearance. */
export function findAttributions(sentence: string): Attribution[] {
  const tokens = tokenizeSentence(sentence);
  const found: Attribution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const verb = matchVerb(tokens, i);
    if (!verb) continue;
    const verbEnd = i + verb.words.length;
    let last = i - 1;
    while (last >= 0 && INTERVENING.has(tokens[last]?.text.toLowerCase() ?? '')) last--;
    const speaker = last >= 0 ? (speakerBefore(tokens, last) ?? speakerBeforeApposition(tokens, last)) : undefined;
    if (speaker) {
      const position = positionOf(tokens, speaker.first, verbEnd);
      // "He said." alone attributes nothing.
      if (position === 'before' && onlyClosing(tokens.slice(verbEnd))) continue;
      if (position === 'before' && verb.strength === 'weak' && !weakVerbReportsSpeech(tokens, verbEnd)) continue;
      const span = spanText(sentence, tokens, speaker);
      found.push({
        verb: verb.form,
        strength: verb.strength,
        position,
        speakerText: span.text,
        speakerKind: speaker.kind,
        speakerStart: span.start,
        speakerEnd: span.end,
      });
      continue;
    }
    const inverted =
      i > 0 && OPENERS.has(tokens[i - 1]?.text ?? '') && INVERTIBLE.has(verb.form) ? speakerAfter(tokens, verbEnd) : undefined;
    if (!inverted) continue;
    const rest = tokens.slice(inverted.last + 1);
    const position = onlyClosing(rest) ? 'after' : rest[0]?.text === ',' ? 'middle' : undefined;
    if (!position) continue;
    const span = spanText(sentence, tokens, inverted);
    found.push({
      verb: verb.form,
      strength: verb.strength,
      position,
      speakerText: span.text,
      speakerKind: inverted.kind,
      speakerStart: span.start,
      speakerEnd: span.end,
    });
  }
  return found;
}
