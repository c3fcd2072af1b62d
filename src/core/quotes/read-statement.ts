import type { Attribution } from './find-attributions.js';

export interface Statement {
  /** What the speaker said, without dateline, attribution clause or reporting verb. */
  statement: string;
  /** `direct` when the words are the speaker's own (quotation marks, "X said, …", first person); else reported speech. */
  speech: 'direct' | 'indirect';
}

// "Noting that the move is a strategic choice, Xi said ...": the participle carries a statement of its own.
const PARTICIPIAL = /^(?:noting|stressing|saying|adding|emphasizing|emphasising|pointing out|recalling)\s+that\s+([\s\S]+?)[\s,]*$/i;
const OPENING_QUOTE = /^["“‘«]/;
// First person outside quotation marks: the readout renders the speaker's own words ("Omamo and I have reached …").
const FIRST_PERSON = /\b(?:I|[Ww]e|[Oo]ur|us)\b/;

/**
 * The statement of a quoted sentence: for a cue before it, the words after the verb (and its `that`),
 * with a dateline or scene-setting phrase dropped; for a cue after or inside it, the sentence without
 * the cue. A continuation sentence (no cue of its own) is its own statement.
 */
export function readStatement(text: string, attribution: Pick<Attribution, 'position' | 'clauseStart' | 'clauseEnd'> | null): Statement {
  if (!attribution) return unquote(text.trim(), false);
  const { clauseStart, clauseEnd } = attribution;
  if (attribution.position === 'before') {
    const prefix = text.slice(0, clauseStart).trim();
    let body = text.slice(clauseEnd).trim();
    const participial = PARTICIPIAL.exec(prefix);
    if (participial) body = `${participial[1]}; ${body}`;
    const clause = text.slice(clauseStart, clauseEnd).trim();
    // "Wang Yi said, Kenya is …": a comma or colon and no `that` introduce the speaker's own words.
    return unquote(body, /[,:]$/.test(clause));
  }
  const joined = `${text.slice(0, clauseStart)}${text.slice(clauseEnd)}`
    .replace(/\s+([.,;!?])/g, '$1')
    .replace(/,([.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return unquote(joined, false);
}

/** Strips quotation marks around the whole statement; quoted or first-person words are direct speech. */
function unquote(body: string, introducedAsOwnWords: boolean): Statement {
  const opened = (body.match(/“/g) ?? []).length;
  const closed = (body.match(/”/g) ?? []).length;
  const straight = (body.match(/"/g) ?? []).length;
  // In quotation marks from the start, or split by its cue ("We'll work hard", Meek said, "and …"): the speaker's own words.
  if (OPENING_QUOTE.test(body) || opened !== closed || straight % 2 === 1) {
    const inner = body
      .replace(/["“”]/g, '')
      .replace(/^[‘«]\s*/, '')
      .replace(/\s*[’»]([.!?]?)$/, '$1')
      .replace(/,([.!?])/g, '$1')
      .replace(/\s+([.,;!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
    return { statement: inner, speech: 'direct' };
  }
  // "He said he was “confessing that I was …”": a first person inside quoted words does not make the rest his own.
  const unquoted = body.replace(/“[^”]*”|"[^"]*"/g, '');
  return { statement: body, speech: introducedAsOwnWords || FIRST_PERSON.test(unquoted) ? 'direct' : 'indirect' };
}
