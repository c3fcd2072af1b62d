import { findSpeakerAfter, findSpeakerBefore, isWord, OPENERS, type SpeakerSpan } from './find-speaker-words.js';
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
  speakerKind: SpeakerSpan['kind'];
  /** Offsets of the speaker words within the sentence. */
  speakerStart: number;
  speakerEnd: number;
  /** "Pete Rozelle pointed out:" with nothing after the colon: the statement is the next sentence. */
  introducesNext: boolean;
  /**
   * Offsets of the attribution clause within the sentence, which the statement leaves out: speaker and
   * verb, with a following `that`, "on Monday" or comma when before the statement, a preceding comma
   * (and a trailing "here today") when after it.
   */
  clauseStart: number;
  clauseEnd: number;
  /** The speaker and verb as one phrase in the usual order: `Xi said`, `Xi Jinping also expressed`, `he said`. */
  lead: string;
}

// Words that may stand between a speaker and the verb: "Xi also noted", "he has said".
const INTERVENING = new Set(['also', 'further', 'then', 'again', 'later', 'once', 'repeatedly', 'recently', 'has', 'had', 'have']);
const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»']);
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
// Words that open a short time/place/manner phrase after a closing cue: "..., he said later", "..., said today".
const ADJUNCT_STARTS = new Set([
  'today',
  'yesterday',
  'tonight',
  'here',
  'there',
  'later',
  'earlier',
  'recently',
  'afterwards',
  'on',
  'in',
  'at',
  'during',
  'last',
  'this',
  'of',
  'after',
  'before',
  'when',
  'while',
  'as',
  'ruefully',
  'flatly',
  'quietly',
  'simply',
]);
const MAX_ADJUNCT_WORDS = 6;
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
// Verbs that report an act rather than words ("conveyed warm regards", "looked forward to attending").
const ACT_VERBS = new Set(['conveyed', 'conveys', 'extended', 'extends', 'looked forward to', 'looks forward to']);
// What "expressed" carries when it reports a courtesy or an intention, not a view: "expressed eagerness to engage".
const ACT_NOUNS = new Set(['regards', 'greetings', 'wishes', 'congratulations', 'condolences', 'eagerness', 'pleasure', 'invitation']);
// Participles that hand over to a statement later in the sentence: "..., adding that ...".
const STATEMENT_PARTICIPLES = new Set(['saying', 'adding', 'noting', 'stressing', 'stating', 'emphasizing', 'emphasising']);

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
  if (onlyClosing(rest) || isTrailingAdjunct(rest)) return 'after';
  if (rest[0]?.text === ',') {
    // "..., Xi said, urging both countries ..." closes the statement; "Second, he said, ..." splits it.
    const next = rest[1];
    if (isWord(next) && /ing$/.test(next.text)) return 'after';
    // "After paying tribute, Kennedy said, “As an American ...”": the quotation all comes after the cue.
    const quoteBefore = tokens.slice(0, speakerFirst).some((token) => QUOTE_MARKS.has(token.text));
    return next && QUOTE_MARKS.has(next.text) && !quoteBefore ? 'before' : 'middle';
  }
  return 'before';
}

/** "..., Mauch said here the other day.": a few words of time, place or manner after the verb still close the statement. */
function isTrailingAdjunct(rest: Token[]): boolean {
  const words = rest.filter(isWord);
  if (words.length === 0 || words.length > MAX_ADJUNCT_WORDS || rest.some((token) => token.text === ',')) return false;
  if (words.some((word) => word.text === 'that')) return false;
  return ADJUNCT_STARTS.has(words[0]?.text.toLowerCase() ?? '');
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
    const speaker = last >= 0 ? findSpeakerBefore(tokens, last) : undefined;
    if (speaker) {
      const position = positionOf(tokens, speaker.first, verbEnd);
      // "He said." alone attributes nothing.
      if (position === 'before' && onlyClosing(tokens.slice(verbEnd))) continue;
      const rest = tokens.slice(verbEnd);
      const introducesNext =
        position === 'before' && rest[0]?.text === ':' && onlyClosing(rest.slice(1).filter((token) => !OPENERS.has(token.text)));
      if (position === 'before' && verb.strength === 'weak' && !introducesNext && !weakVerbReportsSpeech(tokens, verbEnd)) continue;
      if (position === 'before' && !introducesNext && reportsOnlyAnAct(tokens, verb, verbEnd)) continue;
      const span = spanText(sentence, tokens, speaker);
      const verbStop = tokens[verbEnd - 1]!.end;
      found.push({
        verb: verb.form,
        strength: verb.strength,
        position,
        speakerText: span.text,
        speakerKind: speaker.kind,
        speakerStart: span.start,
        speakerEnd: span.end,
        introducesNext,
        ...clauseBefore(tokens, speaker.first, verbEnd, position, sentence.length),
        lead: sentence.slice(span.start, verbStop),
      });
      continue;
    }
    const inverted =
      i > 0 && OPENERS.has(tokens[i - 1]?.text ?? '') && INVERTIBLE.has(verb.form) ? findSpeakerAfter(tokens, verbEnd) : undefined;
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
      introducesNext: false,
      ...clauseAround(tokens, i, inverted.last + 1, position),
      lead: `${span.text} ${verb.form}`,
    });
  }
  return found;
}

/** "Xi Jinping conveyed warm regards ...", "looked forward to participating ...": an act, unless a statement follows. */
function reportsOnlyAnAct(tokens: Token[], verb: VerbForm, verbEnd: number): boolean {
  const act =
    ACT_VERBS.has(verb.form) ||
    (verb.words[0] === 'expressed' || verb.words[0] === 'expresses'
      ? tokens.slice(verbEnd, verbEnd + WEAK_LOOKAHEAD).some((token) => ACT_NOUNS.has(token.text.toLowerCase()))
      : false);
  if (!act) return false;
  return !tokens.slice(verbEnd).some((token, at, rest) => {
    const word = token.text.toLowerCase();
    return word === 'that' || (STATEMENT_PARTICIPLES.has(word) && rest[at - 1]?.text === ',');
  });
}

/** The clause to leave out of the statement for a speaker named before the verb. */
function clauseBefore(
  tokens: Token[],
  speakerFirst: number,
  verbEnd: number,
  position: Attribution['position'],
  length: number,
): { clauseStart: number; clauseEnd: number } {
  const speakerStart = tokens[speakerFirst]!.start;
  if (position === 'before') {
    let k = verbEnd;
    if (tokens[k]?.text.toLowerCase() === 'on' && WEEKDAYS.has(tokens[k + 1]?.text.toLowerCase() ?? '')) k += 2;
    if (tokens[k]?.text === ',' || tokens[k]?.text === ':') k++;
    if (tokens[k]?.text.toLowerCase() === 'that') k++;
    return { clauseStart: speakerStart, clauseEnd: tokens[k]?.start ?? length };
  }
  return clauseAround(tokens, speakerFirst, verbEnd, position);
}

/** After or inside the statement: from the comma before the cue to its end ("…, Xi said."), or through the comma after it (", he said, …"). */
function clauseAround(
  tokens: Token[],
  first: number,
  end: number,
  position: Attribution['position'],
): { clauseStart: number; clauseEnd: number } {
  const before = tokens[first - 1];
  if (position === 'middle' && tokens[end]?.text === ',') {
    return { clauseStart: tokens[first]!.start, clauseEnd: tokens[end + 1]?.start ?? tokens[end]!.end };
  }
  let last = end - 1;
  const rest = tokens.slice(end);
  if (isTrailingAdjunct(rest)) while (isWord(tokens[last + 1])) last++;
  return { clauseStart: before?.text === ',' ? before.start : tokens[first]!.start, clauseEnd: tokens[last]!.end };
}
