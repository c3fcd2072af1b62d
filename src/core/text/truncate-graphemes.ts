const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts text to at most `max` UTF-16 units (the unit Slack and Discord count), ending in an ellipsis when
 * cut. It cuts between graphemes (`Intl.Segmenter`), so an emoji, a flag or a letter with its accents is
 * never split and no lone surrogate is left; one grapheme longer than the room (a pile of combining marks)
 * is cut between code points instead. Only the start of the text is segmented: linear in `max`.
 */
export function truncateGraphemes(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (ellipsis.length > max) return truncateGraphemes(ellipsis, max, '');
  const room = max - ellipsis.length;
  // A grapheme boundary depends on the characters either side, so segment a little past the room.
  const head = text.slice(0, room + 4);
  let end = 0;
  for (const { segment, index } of segmenter.segment(head)) {
    if (index + segment.length > room) {
      if (end === 0) end = codePointCut(text, room);
      break;
    }
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ellipsis}`;
}

/** The longest prefix length within `room` that does not end inside a surrogate pair. */
function codePointCut(text: string, room: number): number {
  const code = text.charCodeAt(room - 1);
  return code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}

/** How many graphemes the text has, as a person would count characters. */
export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** The text's graphemes in order, for code that splits text into parts without cutting a character. */
export function* graphemesOf(text: string): Generator<string> {
  for (const { segment } of segmenter.segment(text)) yield segment;
}
