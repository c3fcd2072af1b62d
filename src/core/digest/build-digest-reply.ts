import { onThisDayBlocks, onThisDayFallback } from '../calendar/build-on-this-day-reply.js';
import { calendarMessages } from '../calendar/calendar-messages.js';
import type { OnThisDay } from '../calendar/on-this-day-types.js';
import type { Reply } from '../reply.js';
import { digestMessages } from './digest-messages.js';

export interface DigestReplyOptions {
  /** Post a short "nothing on this day" line on empty days (the subscription's `postEmpty`). */
  postEmpty?: boolean;
}

/**
 * The digest message for one local date: a heading with the date, then the items (or the nearby
 * ones, marked), each with its citation. An empty day gives undefined (nothing is posted) unless
 * `postEmpty`, which gives a one-line "nothing on this day".
 */
export function buildDigestReply(result: OnThisDay, localDate: string, options: DigestReplyOptions = {}): Reply | undefined {
  const heading = calendarMessages.heading(localDate);
  const empty = result.items.length === 0 && result.nearby.length === 0;
  if (empty && !options.postEmpty) return undefined;
  if (empty) {
    return {
      visibility: 'public',
      blocks: [
        { kind: 'heading', text: heading },
        { kind: 'text', text: [{ text: digestMessages.emptyDayLine }] },
        // Not a dead end: the nearest dates that have readouts, as /onthisday names them.
        ...(result.nearest
          ? [{ kind: 'note' as const, text: calendarMessages.nearestDays(result.nearest.before, result.nearest.after) }]
          : []),
      ],
      buttons: [],
      fallback: `${heading}: ${digestMessages.emptyDayLine}`,
    };
  }
  return {
    visibility: 'public',
    blocks: [{ kind: 'heading', text: heading }, ...onThisDayBlocks(result)],
    buttons: [],
    fallback: onThisDayFallback({ ...result, date: localDate }),
  };
}
