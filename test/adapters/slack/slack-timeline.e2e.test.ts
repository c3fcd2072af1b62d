import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import type { Services } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/registry.js';
import { buildTimeline } from '../../../src/commands/timeline-command.js';
import { describeTimeline, drawTimelineSvg, TIMELINE_HEIGHT, TIMELINE_WIDTH } from '../../../src/core/timeline/index.js';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { seedServices } from '../../fakes/seed-services.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { postSigned, slashCommandBody } from '../../fakes/slack-requests.js';
import { measuredBarHeights, svgBars } from '../../fakes/timeline-picture.js';

const SECRET = 'timeline-signing-secret';

describe('/timeline on Slack', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;
  let services: Services;
  let logger: RecordingLogger;
  let events: string;
  let n = 0;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    services = await seedServices();
    logger = new RecordingLogger();
    adapter = await startSlackAdapter({
      botToken: 'xoxb-timeline',
      signingSecret: SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      services: { ...services, logger },
      commands,
      logger,
    });
    events = `http://127.0.0.1:${adapter.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await services?.store.close();
  });

  async function timeline(text: string, channel: string, responses: number) {
    const id = `timeline-${++n}`;
    const answer = await postSigned(
      events,
      slashCommandBody({ command: '/timeline', text, channel, responseUrl: fake.responseUrl(id), triggerId: id }),
      {
        secret: SECRET,
      },
    );
    expect(answer.status).toBe(200);
    await fake.waitFor(() => fake.responsesTo(id).length >= responses);
    return fake.responsesTo(id);
  }

  it('uploads a PNG of the chart with the counts as alt text, its bars following the counts', async () => {
    const [post] = await timeline('trade', 'C0CHART', 1);
    await fake.waitFor(() => fake.files.some((file) => file.channel === 'C0CHART'));
    const expected = buildTimeline({ query: 'trade', by: 'year' }, services.search);
    expect(post!.body['response_type']).toBe('in_channel');
    const text = JSON.stringify(post!.body['blocks']);
    for (const period of expected.periods) expect(text).toContain(`${period.period} `);

    const file = fake.files.find((f) => f.channel === 'C0CHART')!;
    expect(file.filename).toBe('timeline-year.png');
    expect(file.altText).toBe(describeTimeline(expected));
    for (const period of expected.periods) expect(String(file.altText)).toContain(`${period.period}: ${period.passages} passage`);

    const bars = svgBars(drawTimelineSvg(expected));
    expect(bars.map((bar) => [bar.period, bar.passages])).toEqual(expected.periods.map((p) => [p.period, p.passages]));
    const measured = measuredBarHeights(file.bytes, bars);
    expect([measured.width, measured.height]).toEqual([TIMELINE_WIDTH, TIMELINE_HEIGHT]);
    const tallest = Math.max(...measured.heights);
    const most = Math.max(...expected.periods.map((p) => p.passages));
    expect(tallest).toBeGreaterThan(100);
    measured.heights.forEach((height, i) => {
      expect(Math.abs(height - (expected.periods[i]!.passages / most) * tallest)).toBeLessThanOrEqual(3);
    });
    expect(logger.messages('error')).toEqual([]);
  });

  it('says to invite the bot when Slack refuses the upload with not_in_channel, and keeps the counts', async () => {
    fake.notInChannels.add('C0OUTSIDE');
    const before = fake.files.length;
    const [post, note] = await timeline('trade --by month --from 2025', 'C0OUTSIDE', 2);
    expect(JSON.stringify(post!.body['blocks'])).toContain('2025-01');
    expect(note!.body['response_type']).toBe('ephemeral');
    expect(String(note!.body['text'])).toContain('/invite @readout');
    expect(fake.files.length).toBe(before);
  });

  it('answers a query that matches nothing privately, without an upload', async () => {
    const before = fake.callsOf('files.getUploadURLExternal').length;
    const [post] = await timeline('zzyzzyx', 'C0CHART', 1);
    expect(post!.body['response_type']).toBe('ephemeral');
    expect(String(post!.body['text'])).toContain('Nothing in the corpus matches');
    expect(fake.callsOf('files.getUploadURLExternal').length).toBe(before);
  });
});
