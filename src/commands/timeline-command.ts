import { z } from 'zod';
import type { Block, Button, Reply } from '../core/reply.js';
import type { SearchEngine } from '../core/search/search-types.js';
import {
  countTimeline,
  describeTimeline,
  drawTimelineSvg,
  type Timeline,
  timelineMessages,
  timelineRange,
} from '../core/timeline/index.js';
import { UserError } from '../core/user-error.js';
import { defineCommand } from './command.js';
import { problemReply } from './problem-reply.js';
import { shorten } from './shorten.js';

/** Periods offered as buttons (the busiest ones); the hint shows how to open any other. */
const MAX_PERIOD_BUTTONS = 5;
/** The longest text bar, in characters. */
const BAR_CHARS = 24;

const options = z.object({
  query: z.string().max(2_000).describe('Words, "exact phrases" and filters as in /lookup, e.g. trade person:tokayev'),
  by: z.enum(['year', 'month']).default('year').describe('One bar per year or per month'),
  from: z.string().max(20).optional().describe('First day counted: YYYY-MM-DD, YYYY-MM or YYYY'),
  to: z.string().max(20).optional().describe('Last day counted: YYYY-MM-DD, YYYY-MM or YYYY'),
});

export type TimelineOptions = z.infer<typeof options>;

export const timelineCommand = defineCommand({
  name: 'timeline',
  description: 'How many documents and passages match a query per year or month, as a chart (filters as in /lookup)',
  options,
  positional: ['query'],
  rest: 'query',
  examples: ['timeline trade', 'timeline "belt and road" --by month --from 2023 --to 2024', 'timeline person:tokayev'],
  foundNothing: (json) => (json as { total: { passages: number } }).total.passages === 0,
  json: (opts, ctx) => timelineJson(buildTimeline(opts, ctx.services.search)),
  // Bad dates, filters and ranges throw UserError, which dispatch answers as a friendly private message.
  run: (opts, ctx): Reply => timelineReply(buildTimeline(opts, ctx.services.search)),
});

/** Counts a query's matches per period: the numbers behind the chart, the text bars and `--json`. */
export function buildTimeline(opts: TimelineOptions, search: SearchEngine): Timeline {
  const range = timelineRange(opts.from, opts.to);
  if (!range.ok) throw new UserError(range.problem.code, range.problem.message);
  const query = opts.query.trim();
  const filters = `${range.from ? ` from:${range.from}` : ''}${range.to ? ` to:${range.to}` : ''}`;
  const counts = search.countMatches(`${query}${filters}`);
  // The same words /lookup would answer with, its "did you mean" suggestions included.
  if (!counts.ok) throw new UserError(counts.problem.code, problemReply(counts.problem).fallback);
  return countTimeline(counts, { query, by: opts.by, from: range.from, to: range.to });
}

/** The public `--json` shape of a timeline. */
export function timelineJson(timeline: Timeline): unknown {
  return {
    query: timeline.query,
    by: timeline.by,
    from: timeline.from,
    to: timeline.to,
    total: timeline.total,
    undated: timeline.undated,
    periods: timeline.periods.map(({ period, from, to, documents, passages, lookup }) => ({
      period,
      from,
      to,
      documents,
      passages,
      lookup,
    })),
    corrections: timeline.corrections,
  };
}

/** `2023 ▇▇▇▇ 4` lines: one per period, bars scaled to the busiest one. */
export function timelineBars(timeline: Timeline): string[] {
  const max = Math.max(1, ...timeline.periods.map((period) => period.passages));
  const width = Math.max(...timeline.periods.map((period) => period.period.length));
  return timeline.periods.map((period) => {
    const length = period.passages === 0 ? 0 : Math.max(1, Math.round((period.passages / max) * BAR_CHARS));
    return `${period.period.padEnd(width)} ${'▇'.repeat(length)}${length > 0 ? ' ' : ''}${period.passages}`;
  });
}

/** The chat reply: a picture where the platform shows one, text bars and a lookup per busy period everywhere. */
export function timelineReply(timeline: Timeline): Reply {
  const query = shorten(timeline.query);
  if (timeline.total.passages === 0) {
    const text = timelineMessages.nothing(query);
    return { visibility: 'ephemeral', blocks: [{ kind: 'text', text: [{ text }] }], buttons: [], fallback: text, isError: true };
  }
  if (timeline.periods.every((period) => period.passages === 0)) {
    const text = timelineMessages.onlyUndated(query, timeline.undated.passages);
    return { visibility: 'ephemeral', blocks: [{ kind: 'text', text: [{ text }] }], buttons: [], fallback: text, isError: true };
  }
  const busiest = [...timeline.periods]
    .filter((period) => period.passages > 0)
    .sort((a, b) => b.passages - a.passages || a.period.localeCompare(b.period))
    .slice(0, MAX_PERIOD_BUTTONS)
    .sort((a, b) => a.period.localeCompare(b.period));
  const buttons: Button[] = busiest.map((period) => ({
    id: 'open',
    label: `${period.period} (${period.passages})`,
    action: { command: 'lookup', args: period.lookup },
  }));
  const blocks: Block[] = [
    { kind: 'heading', text: timelineMessages.title(query, timeline.by) },
    { kind: 'note', text: timelineMessages.summary(timeline) },
    { kind: 'text', text: [{ text: timelineBars(timeline).join('\n') }] },
    { kind: 'note', text: timelineMessages.openHint(busiest[0]!.lookup) },
  ];
  const alt = describeTimeline(timeline);
  return {
    visibility: 'public',
    blocks,
    buttons,
    fallback: alt,
    picture: { svg: drawTimelineSvg(timeline), alt, fileName: `timeline-${timeline.by}` },
  };
}
