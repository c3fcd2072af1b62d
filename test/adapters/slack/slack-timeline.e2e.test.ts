import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/commands/timeline-command.js';
import { describeTimeline, drawTimelineSvg, TIMELINE_HEIGHT, TIMELINE_WIDTH } from '../../../src/core/timeline/index.js';
import { slashCommandBody } from '../../fakes/slack-requests.js';
import { type SeededSlack, startSeededSlack } from '../../fakes/start-seeded-slack.js';
import { measuredBarHeights, svgBars } from '../../fakes/timeline-picture.js';

describe('/timeline on Slack', () => {
  let slack: SeededSlack;

  beforeAll(async () => {
    slack = await startSeededSlack('timeline');
  });

  afterAll(() => slack?.stop());

  function timeline(text: string, channel: string, responses: number) {
    return slack.send(
      (id) => slashCommandBody({ command: '/timeline', text, channel, responseUrl: slack.fake.responseUrl(id), triggerId: id }),
      responses,
    );
  }

  it('uploads a PNG of the chart with the counts as alt text, its bars following the counts', async () => {
    const [post] = await timeline('trade', 'C0CHART', 1);
    await slack.fake.waitFor(() => slack.fake.files.some((file) => file.channel === 'C0CHART'));
    const expected = buildTimeline({ query: 'trade', by: 'year' }, slack.services.search);
    expect(post!.body['response_type']).toBe('in_channel');
    const text = JSON.stringify(post!.body['blocks']);
    for (const period of expected.periods) expect(text).toContain(`${period.period} `);

    const file = slack.fake.files.find((f) => f.channel === 'C0CHART')!;
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
    expect(slack.logger.messages('error')).toEqual([]);
  });

  it('says to invite the bot when Slack refuses the upload with not_in_channel, and keeps the counts', async () => {
    slack.fake.notInChannels.add('C0OUTSIDE');
    const before = slack.fake.files.length;
    const [post, note] = await timeline('trade --by month --from 2025', 'C0OUTSIDE', 2);
    expect(JSON.stringify(post!.body['blocks'])).toContain('2025-01');
    expect(note!.body['response_type']).toBe('ephemeral');
    expect(String(note!.body['text'])).toContain('/invite @readout');
    expect(slack.fake.files.length).toBe(before);
  });

  it('answers a query that matches nothing privately, without an upload', async () => {
    const before = slack.fake.callsOf('files.getUploadURLExternal').length;
    const [post] = await timeline('zzyzzyx', 'C0CHART', 1);
    expect(post!.body['response_type']).toBe('ephemeral');
    expect(String(post!.body['text'])).toContain('Nothing in the corpus matches');
    expect(slack.fake.callsOf('files.getUploadURLExternal').length).toBe(before);
  });
});
