import { z } from 'zod';
import { buildOnThisDayReply } from '../core/calendar/build-on-this-day-reply.js';
import { describeOnThisDay } from '../core/calendar/describe-on-this-day.js';
import { onThisDay } from '../core/calendar/on-this-day.js';
import type { OnThisDay } from '../core/calendar/on-this-day-types.js';
import { parseIsoDate } from '../core/calendar/parse-iso-date.js';
import { checkTimeZone } from '../core/calendar/time-zone.js';
import { todayIn } from '../core/calendar/today-in.js';
import type { Reply } from '../core/reply.js';
import { UserError } from '../core/user-error.js';
import { type CommandContext, defineCommand } from './command.js';

export const onThisDayCommand = defineCommand({
  name: 'onthisday',
  description: "What happened on today's date (in this channel's time zone) in earlier years",
  options: z.object({
    date: z.string().max(40).optional().describe('A date instead of today, YYYY-MM-DD'),
    tz: z.string().max(64).optional().describe('IANA time zone for "today", e.g. Asia/Almaty'),
    window: z.number().int().min(0).max(31).optional().describe('Days either side for nearby anniversaries (0-31)'),
    public: z.boolean().default(false).describe('Show it to the whole channel'),
  }),
  positional: ['date'],
  autocomplete: { tz: 'timezone' },
  examples: ['onthisday', 'onthisday 2026-04-24', 'onthisday --tz Asia/Almaty --window 10'],
  json(options, ctx) {
    const { result, timezone } = compute(options, ctx);
    return describeOnThisDay(result, timezone);
  },
  run(options, ctx): Reply {
    const { result } = compute(options, ctx);
    return buildOnThisDayReply(result, { visibility: options.public ? 'public' : 'ephemeral' });
  },
});

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
    const parsed = parseIsoDate(options.date.trim());
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
