import type { Attribution } from './find-attributions.js';
import { openingOf, type Statement } from './read-statement.js';

/** How a quote reads on every surface, decided once when it is extracted. */
export interface ShownQuote {
  /**
   * The source's words: the speaker's own words (pieces joined by " … ") for direct speech, which renderers put
   * in quotation marks; the whole sentence as reported for reported speech, never in quotation marks. Anything
   * readout adds stands in square brackets ("[Kassym-Jomart Tokayev] extended …"); a cut is " … ".
   */
  shown: string;
  /** True when `shown` itself names the speaker ("Ruto said …"), so renderers do not name them again. */
  namesSpeaker: boolean;
}

/** The text between two pieces the source does not have here. */
export const CUT = ' … ';

/** The shown form of one quoted sentence; `attribution` is null for a sentence that continues an earlier statement. */
export function showQuote(
  text: string,
  statement: Statement,
  speaker: string,
  attribution: Pick<Attribution, 'speakerStart' | 'speakerEnd' | 'speakerKind'> | null,
): ShownQuote {
  if (statement.speech === 'direct') {
    return { shown: statement.pieces.map((piece) => text.slice(piece.start, piece.end)).join(CUT), namesSpeaker: false };
  }
  const opening = openingOf(text);
  const end = text.trimEnd().length;
  if (!attribution) return { shown: text.slice(opening, end), namesSpeaker: false };
  const { speakerStart, speakerEnd, speakerKind } = attribution;
  if (speakerKind === 'name') return { shown: text.slice(opening, end), namesSpeaker: true };
  // "He extended …" names no one out of context: the name replaces the pronoun, in brackets because readout wrote it.
  // A description ("the Kenyan leader") is the source's words and stays, with the name inserted after it.
  const before = text.slice(opening, speakerKind === 'pronoun' ? speakerStart : speakerEnd);
  const inserted = speakerKind === 'pronoun' ? `[${speaker}]` : ` [${speaker}]`;
  return { shown: `${before}${inserted}${text.slice(speakerEnd, end)}`, namesSpeaker: true };
}
