import type { Gazetteer } from '../document.js';
import { findMentions } from '../names/find-mentions.js';

/*
 * How far a speaker's statement reaches without a new attribution (see docs/quality.md):
 * 1. Within a paragraph, every sentence after an attributed one continues it, until the first sentence
 *    that reads as narration; after that the paragraph is narration to its end.
 * 2. A paragraph whose first sentence opens with an ordinal ("Second, ...", "Finally, ...") or speaks in the
 *    first person ("We will ...") continues the speaker of the previous paragraph, when that paragraph
 *    ended inside the speaker's statement. The chain of such paragraphs ends at the first one that does not.
 */

// Past-tense events and protocol: what the reporter narrates, never what the speaker says.
const NARRATION =
  /\b(?:held (?:talks|a|an|the)|hosted|witnessed|attended|(?:were|was) present|met (?:with|the press)|arrived|visited|toured|signed the|laid a wreath|made (?:these|the|his|her) remarks|accompanied by|escorted|paid an? (?:\w+ )?visit|engaged in|presided over|took part|chaired)\b/i;
const FIRST_PERSON = /(?:^|[^\p{L}])(?:I|[Ww]e|[Oo]ur|us|[Mm]y)(?![\p{L}\p{N}'’])/u;
// A sentence about a person in the third person is narration about them, not their statement.
const THIRD_PERSON_START = /^["“‘']?(?:He|She|They|His|Her|Their)\b/;
const ORDINAL_START =
  /^["“‘']?(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:ly)?|Finally|Lastly|Last but not least)\s*,/;

// What may stand before a subject: an opening phrase closed by a comma, then a few title words.
const SUBJECT_LEAD = /^["“‘']?(?:[^,]*,\s*)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}$/u;

/** True when an unattributed sentence may continue the statement of the speaker before it. */
export function continuesStatement(text: string, gazetteer: Gazetteer): boolean {
  if (NARRATION.test(text)) return false;
  if (FIRST_PERSON.test(text)) return true;
  if (THIRD_PERSON_START.test(text)) return false;
  // "Xi made the remarks ..." or "Upon his arrival, President Tokayev welcomed ...": a person as the subject means narration.
  return !findMentions(text, gazetteer).some(
    (mention) => mention.kind === 'person' && SUBJECT_LEAD.test(text.slice(0, mention.start)) && !/^['’]s\b/.test(text.slice(mention.end)),
  );
}

/** True when a paragraph's first sentence carries on the previous paragraph's speaker: an ordinal point or a first-person statement. */
export function opensContinuation(text: string, gazetteer: Gazetteer): boolean {
  const trimmed = text.trimStart();
  const opens = ORDINAL_START.test(trimmed) || /^["“‘']?(?:We|I|Our)\b/.test(trimmed);
  return opens && continuesStatement(trimmed, gazetteer);
}
