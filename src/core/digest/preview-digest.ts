import { onThisDay } from '../calendar/on-this-day.js';
import { todayIn } from '../calendar/today-in.js';
import type { Clock } from '../clock.js';
import type { Corpus } from '../document.js';
import type { Quote } from '../quotes/quote-types.js';
import type { Reply } from '../reply.js';
import { buildDigestReply } from './build-digest-reply.js';

export interface PreviewOptions {
  /** The channel's zone: "today" is its date there. */
  timezone: string;
  clock: Clock;
  /** A local date to preview instead of today (`YYYY-MM-DD`, already validated). */
  date?: string;
  nearbyWindow?: number;
  strongestQuote?: (docId: string) => Quote | undefined;
}

/** The digest a channel would get today, shown only to the asker; an empty day shows its "nothing" line instead of nothing. */
export function previewDigest(corpus: Corpus, options: PreviewOptions): Reply {
  const localDate = options.date ?? todayIn(options.timezone, options.clock);
  const result = onThisDay(corpus, {
    date: localDate,
    window: options.nearbyWindow ?? 7,
    includeLeapDay: true,
    ...(options.strongestQuote ? { strongestQuote: options.strongestQuote } : {}),
  });
  const reply = buildDigestReply(result, localDate, { postEmpty: true })!;
  return { ...reply, visibility: 'ephemeral' };
}
