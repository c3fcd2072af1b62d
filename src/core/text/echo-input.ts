import { stripUnsafeCharacters } from './strip-unsafe-characters.js';
import { truncateGraphemes } from './truncate-graphemes.js';

/**
 * User input as a reply may quote it back: controls and bidi overrides removed, whitespace folded to
 * single spaces, and at most `max` characters, cut between graphemes with an ellipsis.
 */
export function echoInput(text: string, max: number): string {
  return truncateGraphemes(stripUnsafeCharacters(text).replace(/\s+/g, ' ').trim(), max);
}
