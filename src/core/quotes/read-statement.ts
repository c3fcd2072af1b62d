import { DATELINE } from '../corpus/date-patterns.js';
import type { Attribution } from './find-attributions.js';

/** A character range: `[start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

export interface Statement {
  /**
   * What the speaker said, as ranges of the sentence in text order: the sentence without dateline,
   * attribution clause or reporting verb. Each range is the source's words exactly; between two ranges
   * something was cut.
   */
  pieces: TextRange[];
  /** `direct` when the words are the speaker's own (quotation marks, "X said, …", first person); else reported speech. */
  speech: 'direct' | 'indirect';
}

// "Noting that the move is a strategic choice, Xi said ...": the participle carries a statement of its own.
const PARTICIPIAL = /^(?:noting|stressing|saying|adding|emphasizing|emphasising|pointing out|recalling)\s+that\s+/i;
const OPENING_QUOTE = /^["“‘«]/;
// First person outside quotation marks: the readout renders the speaker's own words ("Omamo and I have reached …").
const FIRST_PERSON = /\b(?:I|[Ww]e|[Oo]ur|us)\b/;
const HAS_WORD = /[\p{L}\p{N}]/u;
const QUOTE_MARK = /["“”‘’«»]/;

/**
 * The statement of a quoted sentence: for a cue before it, the words after the verb (and its `that`),
 * with a dateline or scene-setting phrase dropped; for a cue after or inside it, the sentence without
 * the cue. A continuation sentence (no cue of its own) is its own statement.
 */
export function readStatement(
  text: string,
  attribution: Pick<Attribution, 'position' | 'clauseStart' | 'clauseEnd'> & Partial<Pick<Attribution, 'strength'>>,
): Statement;
export function readStatement(text: string, attribution: null): Statement;
export function readStatement(
  text: string,
  attribution: (Pick<Attribution, 'position' | 'clauseStart' | 'clauseEnd'> & Partial<Pick<Attribution, 'strength'>>) | null,
): Statement {
  const opening = openingOf(text);
  if (!attribution) return classify(text, [{ start: opening, end: text.length }], false);
  const { clauseStart, clauseEnd } = attribution;
  if (attribution.position === 'before') {
    const pieces: TextRange[] = [];
    const prefix = text.slice(opening, clauseStart);
    const participial = PARTICIPIAL.exec(prefix);
    if (participial) pieces.push({ start: opening + participial[0].length, end: clauseStart });
    // "He extended congratulations … and expressed confidence that China will …": a weak verb reports an act
    // or a feeling; what was said is the that-clause after it, not a fragment starting at the act's noun.
    const thatClause = attribution.strength === 'weak' ? /\bthat\s+/.exec(text.slice(clauseEnd)) : null;
    pieces.push({ start: thatClause ? clauseEnd + thatClause.index + thatClause[0].length : clauseEnd, end: text.length });
    // "Wang Yi said, Kenya is …": a comma or colon and no `that` introduce the speaker's own words.
    const clause = text.slice(clauseStart, clauseEnd).trim();
    return classify(text, pieces, /[,:]$/.test(clause));
  }
  return classify(
    text,
    [
      { start: opening, end: clauseStart },
      { start: clauseEnd, end: text.length },
    ],
    false,
  );
}

/** Where the sentence proper starts: after a dateline ("ASTANA, June 16 (Xinhua) --") and leading space. */
export function openingOf(text: string): number {
  const dateline = DATELINE.exec(text);
  const from = dateline ? dateline[0].length : 0;
  const rest = text.slice(from);
  return from + (rest.length - rest.trimStart().length);
}

/** Quoted or first-person words are direct speech; the pieces are trimmed to the words themselves. */
function classify(text: string, ranges: TextRange[], introducedAsOwnWords: boolean): Statement {
  const body = ranges.map((range) => text.slice(range.start, range.end)).join(' ');
  const opened = (body.match(/“/g) ?? []).length;
  const closed = (body.match(/”/g) ?? []).length;
  const straight = (body.match(/"/g) ?? []).length;
  // In quotation marks from the start, or split by its cue ("We'll work hard", Meek said, "and …"): the speaker's own words.
  const quoted = OPENING_QUOTE.test(body.trim()) || opened !== closed || straight % 2 === 1;
  // "He said he was “confessing that I was …”": a first person inside quoted words does not make the rest his own.
  const unquoted = body.replace(/“[^”]*”|"[^"]*"/g, '');
  const speech = quoted || introducedAsOwnWords || FIRST_PERSON.test(unquoted) ? 'direct' : 'indirect';
  const pieces = ranges.map((range) => trimRange(text, range, quoted)).filter((range) => HAS_WORD.test(text.slice(range.start, range.end)));
  return { pieces, speech };
}

/**
 * Narrows a range to its words: no surrounding space or joining punctuation (", ", "; "), and, for words the
 * source puts in quotation marks, not the marks themselves (renderers add their own).
 */
function trimRange(text: string, range: TextRange, stripQuoteMarks: boolean): TextRange {
  let { start, end } = range;
  const strippable = (char: string | undefined) =>
    char !== undefined && (/[\s,;:—–]/.test(char) || (stripQuoteMarks && QUOTE_MARK.test(char) && char !== '’'));
  while (start < end && (strippable(text[start]) || (stripQuoteMarks && text[start] === '’'))) start++;
  while (end > start && strippable(text[end - 1])) end--;
  // A closing mark after the final stop ("… forms.”") goes, the stop stays.
  return { start, end };
}
