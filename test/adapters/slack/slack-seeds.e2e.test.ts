import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackBlock } from '../../../src/adapters/slack/render-blocks.js';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import type { Services } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/registry.js';
import { FakeSlackApi, type ResponsePost } from '../../fakes/fake-slack-api.js';
import { seedServices } from '../../fakes/seed-services.js';
import { expectWithinLimits } from '../../fakes/slack-block-limits.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { blockActionBody, postSigned, slashCommandBody } from '../../fakes/slack-requests.js';

const SECRET = 'seeds-signing-secret';

interface SlackButton {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every declaration, over the real seed corpus: each answer and each of its buttons must work within Slack's limits. */
describe('Slack adapter over the seed corpus and every declared command', () => {
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
      botToken: 'xoxb-seeds',
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
    services?.store.close();
  });

  async function send(body: (id: string) => string): Promise<ResponsePost> {
    const id = `seeds-${++n}`;
    const answer = await postSigned(events, body(id), { secret: SECRET });
    expect(answer.status).toBe(200);
    await fake.waitFor(() => fake.responsesTo(id).length >= 1);
    return fake.responsesTo(id)[0]!;
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
    const post = await send((id) => slashCommandBody({ command, text, responseUrl: fake.responseUrl(id), triggerId: id }));
    const buttons = check(post);
    for (const button of buttons) {
      const clicked = await send((id) =>
        blockActionBody({
          actionId: button.action_id,
          value: button.value,
          responseUrl: fake.responseUrl(id),
          triggerId: id,
          ephemeral: post.body['response_type'] === 'ephemeral',
        }),
      );
      check(clicked);
    }
    expect(logger.messages('error')).toEqual([]);
  });

  it('/readout help lists every slash command', async () => {
    const post = await send((id) =>
      slashCommandBody({ command: '/readout', text: 'help', responseUrl: fake.responseUrl(id), triggerId: id }),
    );
    const json = JSON.stringify(post.body['blocks']);
    for (const name of ['lookup', 'quote', 'onthisday', 'digest']) expect(json).toContain(`/${name}`);
  });
});
