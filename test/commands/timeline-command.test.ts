import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineCsv } from '../../src/cli/timeline-cli.js';
import type { Services } from '../../src/commands/command.js';
import { buildTimeline, timelineBars, timelineJson } from '../../src/commands/timeline-command.js';
import { UserError } from '../../src/core/user-error.js';
import { converseWithConsole } from '../fakes/converse-with-console.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(() => services.store.close());

describe('/timeline', () => {
  it('counts the same passages as /lookup, per year, with every document once', () => {
    const timeline = buildTimeline({ query: 'trade', by: 'year' }, services.search);
    const lookup = services.search.search('trade');
    expect(lookup.ok && lookup.total).toBe(timeline.total.passages);
    expect(timeline.periods.reduce((sum, p) => sum + p.passages, 0) + timeline.undated.passages).toBe(timeline.total.passages);
    for (const period of timeline.periods) {
      const inPeriod = services.search.search(period.lookup);
      expect(inPeriod.ok && inPeriod.total, period.period).toBe(period.passages);
    }
  });

  it('fills empty months between the asked dates, clipped to them', () => {
    const timeline = buildTimeline({ query: 'trade', by: 'month', from: '2024-05-15', to: '2024-08' }, services.search);
    expect(timeline.periods.map((p) => [p.period, p.from, p.to, p.passages])).toEqual([
      ['2024-05', '2024-05-15', '2024-05-31', 0],
      ['2024-06', '2024-06-01', '2024-06-30', 0],
      ['2024-07', '2024-07-01', '2024-07-31', 1],
      ['2024-08', '2024-08-01', '2024-08-31', 0],
    ]);
    expect(timeline.periods[0]!.lookup).toBe('trade from:2024-05-15 to:2024-05-31');
  });

  it.each([
    [{ from: '2025-13' }, /--from 2025-13 is not a date/],
    [{ to: 'yesterday' }, /--to yesterday is not a date/],
    [{ from: '2025', to: '2024' }, /--from 2025 is after --to 2024/],
    [{ from: '1800', to: '2025', by: 'month' as const }, /2712 months, more than the 240 bars/],
  ])('refuses %o with a clear message', (range, message) => {
    expect(() => buildTimeline({ query: 'trade', by: 'year', ...range }, services.search)).toThrow(message);
    try {
      buildTimeline({ query: 'trade', by: 'year', ...range }, services.search);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
    }
  });

  it('prints text bars in the console, with the numbers --json and --csv give', async () => {
    const out = await converseWithConsole(services, ['/timeline trade']);
    const timeline = buildTimeline({ query: 'trade', by: 'year' }, services.search);
    const json = timelineJson(timeline) as { periods: { period: string; passages: number; documents: number }[] };
    expect(json.periods.length).toBeGreaterThan(1);
    for (const period of json.periods) {
      expect(out).toMatch(new RegExp(`^${period.period} ${period.passages > 0 ? '▇+ ' : ''}${period.passages}$`, 'm'));
    }
    const busiest = Math.max(...json.periods.map((p) => p.passages));
    const longest = out.split('\n').find((line) => line.startsWith(json.periods.find((p) => p.passages === busiest)!.period))!;
    expect(longest.split('▇').length - 1).toBe(24);
    expect(timelineCsv(timeline).trim().split('\n').slice(1)).toEqual(
      json.periods.map((p) => `${p.period},${p.period}-01-01,${p.period}-12-31,${p.documents},${p.passages}`),
    );
    // Each period is a numbered action in the console (typing its number runs its lookup).
    expect(out).toMatch(/\[\d+\] 2025 \(/);
  });

  it('draws bars as long as their share of the busiest period', () => {
    const bars = timelineBars({
      query: 'q',
      by: 'year',
      from: null,
      to: null,
      periods: [
        { period: '2022', from: '', to: '', documents: 1, passages: 1, lookup: '' },
        { period: '2023', from: '', to: '', documents: 0, passages: 0, lookup: '' },
        { period: '2024', from: '', to: '', documents: 2, passages: 4, lookup: '' },
      ],
      total: { documents: 3, passages: 5 },
      undated: { documents: 0, passages: 0 },
      corrections: [],
    });
    expect(bars).toEqual(['2022 ▇▇▇▇▇▇ 1', '2023 0', `2024 ${'▇'.repeat(24)} 4`]);
  });

  it('answers a query nothing matches with a friendly message', async () => {
    const out = await converseWithConsole(services, ['/timeline zzyzzyx', '/timeline']);
    expect(out).toContain('Nothing in the corpus matches “zzyzzyx”');
    expect(out).toMatch(/needs query/);
  });
});
