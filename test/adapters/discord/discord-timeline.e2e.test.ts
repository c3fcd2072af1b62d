import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/commands/timeline-command.js';
import { describeTimeline, drawTimelineSvg, TIMELINE_HEIGHT, TIMELINE_WIDTH } from '../../../src/core/timeline/index.js';
import { type SeededDiscord, startSeededDiscord } from '../../fakes/start-seeded-discord.js';
import { measuredBarHeights, svgBars } from '../../fakes/timeline-picture.js';

describe('/timeline on Discord', () => {
  let discord: SeededDiscord;

  beforeAll(async () => {
    discord = await startSeededDiscord();
  });

  afterAll(() => discord?.stop());

  it('answers with the chart as a PNG attachment whose description is the counts, bars following the counts', async () => {
    const sent = discord.fake.chatInput('timeline', [
      { name: 'query', value: 'trade' },
      { name: 'by', value: 'month' },
      { name: 'from', value: '2025-01' },
      { name: 'to', value: '2025-12' },
    ]);
    const callback = await discord.answer(sent);
    const expected = buildTimeline({ query: 'trade', by: 'month', from: '2025-01', to: '2025-12' }, discord.services.search);
    expect(expected.periods).toHaveLength(12);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(callback.files).toHaveLength(1);
    const [file] = callback.files!;
    expect(file!.name).toBe('timeline-month.png');
    expect(file!.description).toBe(describeTimeline(expected));

    const bars = svgBars(drawTimelineSvg(expected));
    const measured = measuredBarHeights(file!.bytes, bars);
    expect([measured.width, measured.height]).toEqual([TIMELINE_WIDTH, TIMELINE_HEIGHT]);
    const tallest = Math.max(...measured.heights);
    const most = Math.max(...expected.periods.map((p) => p.passages));
    measured.heights.forEach((height, i) => {
      expect(Math.abs(height - (expected.periods[i]!.passages / most) * tallest)).toBeLessThanOrEqual(3);
    });
    // The embeds carry the same numbers as text, for clients that do not show the image.
    const text = JSON.stringify(callback.body.data.embeds);
    for (const period of expected.periods) expect(text).toContain(`${period.period} `);
  });

  it('answers a bad date privately, without an attachment', async () => {
    const sent = discord.fake.chatInput('timeline', [
      { name: 'query', value: 'trade' },
      { name: 'from', value: '2025-13' },
    ]);
    const callback = await discord.answer(sent);
    expect(callback.body.data.flags).toBe(64);
    expect(JSON.stringify(callback.body.data.embeds)).toContain('--from 2025-13');
    expect(callback.files).toBeUndefined();
  });
});
