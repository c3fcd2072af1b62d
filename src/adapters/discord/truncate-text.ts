import { stripUnsafeCharacters } from '../../core/text/strip-unsafe-characters.js';
import { truncateGraphemes } from '../../core/text/truncate-graphemes.js';

/**
 * Cuts text to at most `max` UTF-16 units (as Discord counts), ending in an ellipsis, between graphemes;
 * controls and bidi controls go first, as in plain-text parts (author, footer, labels) nothing else would.
 */
export function truncateText(text: string, max: number): string {
  return truncateGraphemes(stripUnsafeCharacters(text), max);
}
