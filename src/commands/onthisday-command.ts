import { z } from 'zod';
import { buildOnThisDayReply } from '../core/calendar/build-on-this-day-reply.js';
import { calendarMessages } from '../core/calendar/calendar-messages.js';
import { describeOnThisDay, type OnThisDayJson } from '../core/calendar/describe-on-this-day.js';
import { onThisDay } from '../core/calendar/on-this-day.js';
import type { OnThisDay } from '../core/calendar/on-this-day-types.js';
import { parseDateInput } from '../core/calendar/parse-date-input.js';
import { checkTimeZone } from '../core/calendar/time-zone.js';
import { todayIn } from '../core/calendar/today-in.js';
import type { Reply } from '../core/reply.js';
import { UserError } from '../core/user-error.js';
import { type CommandContext, defineCommand } from './command.js';

export const onThisDayCommand = defineCommand({
  name: 'onthisday',
  description: 'What happened on a date (today in this channel by default), that very year and earlier years',
  options: z.object({
    date: z
      .string()
      .max(40)
      .optional()
      .describe('A date instead of today: 2025-04-24, 04-24, 24 April, April 24, today, tomorrow, yesterday'),
    tz: z.string().max(64).optional().describe('IANA time zone for "today", e.g. Asia/Almaty'),
    window: z.number().int().min(0).max(31).optional().describe('Days either side for nearby anniversaries (0-31)'),
    public: z.boolean().default(false).describe('Show it to the whole channel'),
    limit: z.number().int().min(1).max(50).optional().describe('Documents per page (1-50, default 5)'),
    offset: z.number().int().min(0).max(100_000).default(0).describe('Documents to skip, for the next page'),
  }),
  positional: ['date'],
  rest: 'date',
  autocomplete: { tz: 'timezone' },
  examples: ['onthisday', 'onthisday 24 April', 'onthisday 2025-04-24', 'onthisday --tz Asia/Almaty --window 10'],
  foundNothing: (json) => (json as OnThisDayJson).items.length === 0 && (json as OnThisDayJson).nearby.length === 0,
  json(options, ctx) {
    const { result, timezone } = compute(options, ctx);
    // Scripts get every item unless they ask for a page.
    return describeOnThisDay(options.limit === undefined && options.offset === 0 ? result : page(result, options), timezone);
  },
  run(options, ctx): Reply {
    const { result } = compute(options, ctx);
    const shown = page(result, options);
    const reply = buildOnThisDayReply(shown, { visibility: options.public ? 'public' : 'ephemeral' });
    const total = result.items.length + result.nearby.length;
    const last = options.offset + shown.items.length + shown.nearby.length;
    if (last >= total) return reply;
    // Long lists are paged like lookups: a note with the count and a "More results" button.
    const args = `${shown.date} --limit ${limitOf(options)} --offset ${last}${options.window === undefined ? '' : ` --window ${options.window}`}`;
    return {
      ...reply,
      blocks: [...reply.blocks, { kind: 'note', text: calendarMessages.morePages(last, total) }],
      buttons: [...reply.buttons, { id: 'more', label: 'More results', action: { command: 'onthisday', args } }],
    };
  },
});

const DEFAULT_PAGE = 5;

function limitOf(options: { limit?: number | undefined }): number {
  return options.limit ?? DEFAULT_PAGE;
}

/** One page of the items (or, when nothing matched, of the nearby ones). */
function page(result: OnThisDay, options: { limit?: number | undefined; offset: number }): OnThisDay {
  const end = options.offset + limitOf(options);
  return { ...result, items: result.items.slice(options.offset, end), nearby: result.nearby.slice(options.offset, end) };
}

function compute(
  options: { date?: string | undefined; tz?: string | undefined; window?: number | undefined },
  ctx: CommandContext,
): { result: OnThisDay; timezone: string } {
  let timezone = ctx.timezone;
  if (options.tz) {
    const zone = checkTimeZone(options.tz);
    if (!zone.ok) throw new UserError(zone.problem.code, zone.problem.message);
    timezone = zone.timezone;
  }
  let date = todayIn(timezone, ctx.clock);
  if (options.date) {
    const parsed = parseDateInput(options.date, date);
    if (!parsed.ok) throw new UserError(parsed.problem.code, parsed.problem.message);
    date = parsed.date;
  }
  const result = onThisDay(ctx.services.corpus, {
    date,
    window: options.window ?? ctx.services.nearbyWindow,
    strongestQuote: (docId) => ctx.services.quotes.strongestIn(docId),
  });
  return { result, timezone };
}
