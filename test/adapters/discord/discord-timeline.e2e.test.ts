import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../src/adapters/discord/start-discord-adapter.js';
import type { Services } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/registry.js';
import { buildTimeline } from '../../../src/commands/timeline-command.js';
import { silentLogger } from '../../../src/core/logger.js';
import { describeTimeline, drawTimelineSvg, TIMELINE_HEIGHT, TIMELINE_WIDTH } from '../../../src/core/timeline/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { seedServices } from '../../fakes/seed-services.js';
import { measuredBarHeights, svgBars } from '../../fakes/timeline-picture.js';

describe('/timeline on Discord', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let services: Services;

  beforeAll(async () => {
    services = await seedServices();
    fake = await FakeDiscord.start();
    adapter = await startDiscordAdapter({
      token: 'fake-token',
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      services,
      commands,
      logger: silentLogger,
      clock: new FakeClock('2026-05-17T09:00:00Z'),
      deferAfterMs: 10_000,
    });
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await services?.store.close();
  });

  it('answers with the chart as a PNG attachment whose description is the counts, bars following the counts', async () => {
    const sent = fake.chatInput('timeline', [
      { name: 'query', value: 'trade' },
      { name: 'by', value: 'month' },
      { name: 'from', value: '2025-01' },
      { name: 'to', value: '2025-12' },
    ]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    const expected = buildTimeline({ query: 'trade', by: 'month', from: '2025-01', to: '2025-12' }, services.search);
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
    const sent = fake.chatInput('timeline', [
      { name: 'query', value: 'trade' },
      { name: 'from', value: '2025-13' },
    ]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.body.data.flags).toBe(64);
    expect(JSON.stringify(callback.body.data.embeds)).toContain('--from 2025-13');
    expect(callback.files).toBeUndefined();
  });
});
