import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import { type AnyCommand, defineCommand } from '../../../src/commands/command.js';
import { createHelpCommand } from '../../../src/commands/help-command.js';
import { lookupCommand } from '../../../src/commands/lookup-command.js';
import { quoteCommand } from '../../../src/commands/quote-command.js';
import { textReply } from '../../../src/core/reply.js';
import { FakeSlackApi, type ResponsePost } from '../../fakes/fake-slack-api.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { blockActionBody, getUrl, postSigned, slashCommandBody } from '../../fakes/slack-requests.js';
import { slackTestServices } from '../../fakes/slack-services.js';

const SECRET = 'e2e-signing-secret';

interface SlackButton {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Lets a test hold a command mid-run, to prove the ack does not wait for the work. */
let releaseSlow: () => void = () => {};
/** Resolves once the slow command has started (it starts on a later loop turn than its acknowledgement). */
let slowStarted: Promise<void> = Promise.resolve();
let markSlowStarted: () => void = () => {};
const slowCommand = defineCommand({
  name: 'slow',
  description: 'Answers only when the test lets it',
  options: z.object({}),
  positional: [],
  examples: ['slow'],
  async run() {
    await new Promise<void>((resolve) => {
      releaseSlow = resolve;
      markSlowStarted();
    });
    return textReply('done at last');
  },
});
const boomCommand = defineCommand({
  name: 'boom',
  description: 'Fails unexpectedly',
  options: z.object({}),
  positional: [],
  examples: ['boom'],
  run(): never {
    throw new Error('kaboom <!channel> secret detail');
  },
});

const commands: AnyCommand[] = [createHelpCommand(() => commands), lookupCommand, quoteCommand, slowCommand, boomCommand];

describe('Slack adapter over HTTP, against a fake Slack', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;
  let logger: RecordingLogger;
  let events: string;
  let triggers = 0;

  async function start(hitCount = 12): Promise<void> {
    adapter = await startSlackAdapter({
      botToken: 'xoxb-e2e',
      signingSecret: SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      services: slackTestServices({ hitCount, logger }),
      commands,
      logger,
      health: () => ({ documents: 3 }),
    });
    events = `http://127.0.0.1:${adapter.port}/slack/events`;
  }

  beforeEach(async () => {
    fake = await FakeSlackApi.start();
    logger = new RecordingLogger();
  });

  afterEach(async () => {
    await adapter?.stop();
    await fake.close();
  });

  /** Sends a slash command and waits for its answer on the response_url. */
  async function slash(command: string, text: string, options: { retryNum?: number; triggerId?: string } = {}) {
    const triggerId = options.triggerId ?? `trigger-${++triggers}`;
    const body = slashCommandBody({ command, text, responseUrl: fake.responseUrl(triggerId), triggerId });
    const answer = await postSigned(events, body, {
      secret: SECRET,
      ...(options.retryNum !== undefined ? { retryNum: options.retryNum } : {}),
    });
    return { answer, triggerId, body };
  }

  async function answered(id: string, count = 1): Promise<ResponsePost[]> {
    await fake.waitFor(() => fake.responsesTo(id).length >= count);
    return fake.responsesTo(id);
  }

  async function click(button: SlackButton, ephemeral: boolean) {
    const triggerId = `click-${++triggers}`;
    const body = blockActionBody({
      actionId: button.action_id,
      value: button.value,
      responseUrl: fake.responseUrl(triggerId),
      triggerId,
      ephemeral,
    });
    const answer = await postSigned(events, body, { secret: SECRET });
    expect(answer.status).toBe(200);
    return triggerId;
  }

  function buttonsOf(post: ResponsePost): SlackButton[] {
    const blocks = post.body['blocks'] as { type: string; elements?: SlackButton[] }[];
    return blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
  }

  function button(post: ResponsePost, label: string): SlackButton {
    const found = buttonsOf(post).find((b) => b.text.text === label);
    if (!found) throw new Error(`no button ${label} in ${JSON.stringify(buttonsOf(post).map((b) => b.text.text))}`);
    return found;
  }

  it('acks /readout help at once and answers privately with every command', async () => {
    await start();
    const { answer, triggerId } = await slash('/readout', 'help');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    const [post] = await answered(triggerId);
    expect(post!.body['response_type']).toBe('ephemeral');
    const json = JSON.stringify(post!.body['blocks']);
    expect(json).toContain('"type":"header"');
    for (const name of ['/help', '/lookup', '/quote']) expect(json).toContain(name);
  });

  it('answers /lookup privately with bold matches, a citation context and buttons', async () => {
    await start();
    const { triggerId } = await slash('/lookup', 'terrorism');
    const [post] = await answered(triggerId);
    expect(post!.body['response_type']).toBe('ephemeral');
    const blocks = post!.body['blocks'] as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    const sections = blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    expect(sections[0]).toContain('*terrorism*');
    expect(blocks.some((b) => b.type === 'context' && b.elements?.[0]?.text.includes('doc000 ¶0 · 2025-06-17 · Astana'))).toBe(true);
    expect(buttonsOf(post!).map((b) => b.text.text)).toEqual([
      'More results',
      'Share in channel',
      'Open doc000',
      'Open doc001',
      'Open doc002',
    ]);
  });

  it.each([
    ['/lookup', 'terrorism'],
    ['/quote', 'xi'],
    ['/lookup', '<!channel> <@U123> <https://x|y> **bold** `x` nothing'],
  ])('escapes hostile corpus and user text in %s %s', async (command, text) => {
    await start();
    const { triggerId } = await slash(command, text);
    const [post] = await answered(triggerId);
    const rendered = JSON.stringify([post!.body['blocks'], post!.body['text']]);
    for (const bad of ['<!channel>', '<!here>', '<@U123>', '<https://x|y>', '**bold**', '`code`', '~strike~']) {
      expect(rendered).not.toContain(bad);
    }
    expect(rendered).toMatch(/&lt;!channel&gt;|&lt;!here&gt;/);
  });

  it('"More results" shows the next page in place of the private message', async () => {
    await start();
    const { triggerId } = await slash('/lookup', 'terrorism');
    const [first] = await answered(triggerId);
    const id = await click(button(first!, 'More results'), true);
    const [next] = await answered(id);
    expect(next!.body['replace_original']).toBe(true);
    expect(next!.body['response_type']).toBe('ephemeral');
    expect(JSON.stringify(next!.body['blocks'])).toContain('6–10 of 12 passages');
  });

  it('"Share in channel" posts the lookup publicly and removes the private copy', async () => {
    await start();
    const { triggerId } = await slash('/lookup', 'terrorism');
    const [first] = await answered(triggerId);
    const id = await click(button(first!, 'Share in channel'), true);
    const [shared, removed] = await answered(id, 2);
    expect(shared!.body['response_type']).toBe('in_channel');
    expect(JSON.stringify(shared!.body['blocks'])).toContain('1–5 of 12 passages');
    expect(removed!.body).toEqual({ delete_original: true });
  });

  it('a quote is private first; Shuffle replaces it, Post to channel publishes it and deletes the private one', async () => {
    await start();
    const { triggerId } = await slash('/quote', 'xi');
    const [quote] = await answered(triggerId);
    expect(quote!.body['response_type']).toBe('ephemeral');
    expect(buttonsOf(quote!).map((b) => b.text.text)).toEqual(['Shuffle', 'Post to channel', 'Open document']);

    const shuffled = await click(button(quote!, 'Shuffle'), true);
    const [again] = await answered(shuffled);
    expect(again!.body['replace_original']).toBe(true);
    expect(again!.body['response_type']).toBe('ephemeral');

    const posted = await click(button(quote!, 'Post to channel'), true);
    const [published, removed] = await answered(posted, 2);
    expect(published!.body['response_type']).toBe('in_channel');
    expect(JSON.stringify(published!.body['blocks'])).toContain('Xi Jinping');
    expect(buttonsOf(published!).map((b) => b.text.text)).not.toContain('Post to channel');
    expect(removed!.body).toEqual({ delete_original: true });
  });

  it('a button whose parked action expired says so instead of failing', async () => {
    await start();
    const id = await click({ action_id: 'readout:more:0', value: '{"k":"t","i":"gone-id"}', text: { text: 'More results' } }, true);
    const [post] = await answered(id);
    expect(post!.body['response_type']).toBe('ephemeral');
    expect(JSON.stringify(post!.body['blocks'])).toContain('This button is from an older message; run the command again.');
  });

  it('cuts a reply over 50 blocks and continues it behind "More results" until every passage was shown', async () => {
    await start(60);
    const { triggerId } = await slash('/lookup', 'terrorism --limit 50');
    let [page] = await answered(triggerId);
    const shown: string[] = [];
    for (let pages = 1; ; pages++) {
      const blocks = page!.body['blocks'] as unknown[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of buttonsOf(page!)) expect(b.value.length).toBeLessThanOrEqual(2000);
      shown.push(...(JSON.stringify(blocks).match(/Passage \d+ talks/g) ?? []));
      if (shown.length >= 49) {
        expect(pages).toBe(3);
        break;
      }
      const id = await click(button(page!, 'More results'), true);
      [page] = await answered(id);
    }
    // Passage 1 is the hostile one; 2-50 come in order, each once, and the last page offers the command's next page.
    expect(shown).toEqual(Array.from({ length: 49 }, (_, i) => `Passage ${i + 2} talks`));
    expect(button(page!, 'More results').value).toContain('--offset 50');
  });

  it.each([
    ['a bad signature', { signature: 'v0=deadbeef' }],
    ['a timestamp older than five minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp more than five minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
  ])('rejects %s with 401 and runs nothing', async (_name, override) => {
    await start();
    const body = slashCommandBody({
      command: '/lookup',
      text: 'terrorism',
      responseUrl: fake.responseUrl('rejected'),
      triggerId: 'rejected',
    });
    const answer = await postSigned(events, body, { secret: SECRET, ...override });
    expect(answer.status).toBe(401);
    // The 401 is written before any listener runs, so nothing can still be on its way.
    expect(fake.responses).toEqual([]);
  });

  it('acks a retried request (X-Slack-Retry-Num) without running the command twice', async () => {
    await start();
    const first = await slash('/lookup', 'terrorism', { triggerId: 'once' });
    const retry = await slash('/lookup', 'terrorism', { triggerId: 'once', retryNum: 1 });
    expect([first.answer.status, retry.answer.status]).toEqual([200, 200]);
    // The guard logs before it acks, so the line is there once the retry's 200 is.
    expect(logger.messages('info')).toContain('slack duplicate request ignored');
    // A later command answering proves the adapter got past the retry; the retry itself still answered nothing.
    const marker = await slash('/readout', 'help');
    await answered(marker.triggerId);
    await answered('once');
    expect(fake.responsesTo('once')).toHaveLength(1);
  });

  it('acks before the command finishes, and answers when it does', async () => {
    await start();
    slowStarted = new Promise((resolve) => {
      markSlowStarted = resolve;
    });
    const { answer, triggerId } = await slash('/slow', '');
    expect(answer.status).toBe(200);
    expect(fake.responsesTo(triggerId)).toEqual([]);
    await slowStarted;
    releaseSlow();
    const [post] = await answered(triggerId);
    expect(JSON.stringify(post!.body['blocks'])).toContain('done at last');
  });

  it('answers an unexpected failure privately with a reference id, logs the details, and keeps serving', async () => {
    await start();
    const { triggerId } = await slash('/boom', '');
    const [post] = await answered(triggerId);
    expect(post!.body['response_type']).toBe('ephemeral');
    const json = JSON.stringify(post!.body);
    expect(json).toMatch(/reference `[0-9a-f]{8}`/);
    expect(json).not.toContain('kaboom');
    expect(logger.messages('error')).toContain('command failed');
    const next = await slash('/readout', 'help');
    await answered(next.triggerId);
  });

  it('logs a response_url that fails and keeps serving', async () => {
    await start();
    const body = slashCommandBody({
      command: '/lookup',
      text: 'terrorism',
      responseUrl: `http://127.0.0.1:${fake.port}/nowhere`,
      triggerId: 'lost',
    });
    expect((await postSigned(events, body, { secret: SECRET })).status).toBe(200);
    await logger.waitFor('slack reply failed');
    const next = await slash('/readout', 'help');
    await answered(next.triggerId);
    expect(adapter.state()).toBe('running');
  });

  it('serves GET /healthz with the adapter state and the given health fields', async () => {
    await start();
    const answer = await getUrl(`http://127.0.0.1:${adapter.port}/healthz`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ slack: 'running', documents: 3 });
  });

  it('answers an unknown /readout subcommand privately with what would work', async () => {
    await start();
    const { triggerId } = await slash('/readout', 'dance');
    const [post] = await answered(triggerId);
    expect(post!.body['response_type']).toBe('ephemeral');
    expect(JSON.stringify(post!.body['blocks'])).toContain('takes one of: help');
  });

  it.each([
    ['an empty signing secret', { signingSecret: '' }, /SLACK_SIGNING_SECRET/],
    ['an empty bot token', { botToken: '' }, /SLACK_BOT_TOKEN/],
  ])('refuses to start HTTP mode with %s', async (_name, override, message) => {
    await expect(
      startSlackAdapter({
        botToken: 'xoxb-e2e',
        port: 0,
        apiUrl: fake.apiUrl,
        services: slackTestServices({ logger }),
        commands,
        logger,
        ...override,
      }),
    ).rejects.toThrow(message);
  });
});
