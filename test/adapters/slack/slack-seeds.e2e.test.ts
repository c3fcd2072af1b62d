import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackBlock } from '../../../src/adapters/slack/render-blocks.js';
import type { ResponsePost } from '../../fakes/fake-slack-api.js';
import { expectWithinLimits } from '../../fakes/slack-block-limits.js';
import { blockActionBody, slashCommandBody } from '../../fakes/slack-requests.js';
import { type SeededSlack, startSeededSlack } from '../../fakes/start-seeded-slack.js';

interface SlackButton {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every declaration, over the real seed corpus: each answer and each of its buttons must work within Slack's limits. */
describe('Slack adapter over the seed corpus and every declared command', () => {
  let slack: SeededSlack;

  beforeAll(async () => {
    slack = await startSeededSlack('seeds');
  });

  afterAll(() => slack?.stop());

  async function send(body: (id: string) => string): Promise<ResponsePost> {
    const [post] = await slack.send(body);
    return post!;
  }

  function check(post: ResponsePost): SlackButton[] {
    const blocks = post.body['blocks'] as SlackBlock[];
    expectWithinLimits(blocks);
    expect(JSON.stringify(blocks)).not.toContain('Something went wrong');
    return blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as unknown as SlackButton[]) : []));
  }

  it.each([
    ['/readout', 'help'],
    ['/readout', 'help lookup'],
    ['/lookup', 'xi'],
    ['/lookup', 'terorism seperatism'],
    ['/lookup', 'cooperation --limit 50'],
    ['/quote', 'xi jinping'],
    ['/quote', '--random'],
    ['/onthisday', '2025-06-16'],
    ['/timeline', 'trade --by month --from 2025'],
    ['/readout', 'doc 000_4428246b8b720a03'],
    ['/readout', 'speakers'],
    ['/digest', 'status'],
    ['/lookup', ''],
  ])('%s %s answers, and every button on the answer works', async (command, text) => {
    const post = await send((id) => slashCommandBody({ command, text, responseUrl: slack.fake.responseUrl(id), triggerId: id }));
    const buttons = check(post);
    for (const button of buttons) {
      const clicked = await send((id) =>
        blockActionBody({
          actionId: button.action_id,
          value: button.value,
          responseUrl: slack.fake.responseUrl(id),
          triggerId: id,
          ephemeral: post.body['response_type'] === 'ephemeral',
        }),
      );
      check(clicked);
    }
    expect(slack.logger.messages('error')).toEqual([]);
  });

  it('/readout help lists every slash command', async () => {
    const post = await send((id) =>
      slashCommandBody({ command: '/readout', text: 'help', responseUrl: slack.fake.responseUrl(id), triggerId: id }),
    );
    const json = JSON.stringify(post.body['blocks']);
    for (const name of ['lookup', 'quote', 'onthisday', 'digest']) expect(json).toContain(`/${name}`);
  });
});
