import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import { type AnyCommand, defineCommand } from '../../../src/commands/command.js';
import { createHelpCommand } from '../../../src/commands/help-command.js';
import { lookupCommand } from '../../../src/commands/lookup-command.js';
import { textReply } from '../../../src/core/reply.js';
import { FakeSlackApi, type ResponsePost } from '../../fakes/fake-slack-api.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { blockActionPayload, postSigned, slashCommandBody } from '../../fakes/slack-requests.js';
import { slackTestServices } from '../../fakes/slack-services.js';

const SECRET = 'hostile-signing-secret';

/** Echoes what it was given and where, so a test sees which of two repeated fields won. */
const echoCommand = defineCommand({
  name: 'echo',
  description: 'Says what it got',
  options: z.object({ words: z.string().optional() }),
  positional: ['words'],
  rest: 'words',
  examples: ['echo hi'],
  run: (options, ctx) => textReply(`got ${options.words ?? ''} in ${ctx.channel}`),
});

const commands: AnyCommand[] = [createHelpCommand(() => commands), lookupCommand, echoCommand];

describe('Slack adapter against hostile and odd requests', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;
  let logger: RecordingLogger;
  let events: string;

  beforeEach(async () => {
    fake = await FakeSlackApi.start();
    logger = new RecordingLogger();
    adapter = await startSlackAdapter({
      botToken: 'xoxb-hostile',
      signingSecret: SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      services: slackTestServices({ hitCount: 3, logger }),
      commands,
      logger,
    });
    events = `http://127.0.0.1:${adapter.port}/slack/events`;
  });

  afterEach(async () => {
    await adapter?.stop();
    await fake.close();
  });

  /** A slash command body with extra copies of some fields appended, as a hostile signer could send. */
  function withRepeats(id: string, command: string, text: string, repeats: [string, string][]): string {
    const params = new URLSearchParams(slashCommandBody({ command, text, responseUrl: fake.responseUrl(id), triggerId: id }));
    for (const [key, value] of repeats) params.append(key, value);
    return params.toString();
  }

  async function answered(id: string): Promise<ResponsePost> {
    await fake.waitFor(() => fake.responsesTo(id).length >= 1);
    return fake.responsesTo(id)[0]!;
  }

  it.each([
    { name: 'text twice', repeats: [['text', '<!channel>']] as [string, string][], expected: 'got visa in C0GENERAL' },
    { name: 'channel_id twice', repeats: [['channel_id', 'C0OTHER']] as [string, string][], expected: 'got visa in C0GENERAL' },
    { name: 'command twice', repeats: [['command', '/lookup']] as [string, string][], expected: 'got visa in C0GENERAL' },
  ])('a repeated field ($name) takes its first value and is answered', async ({ name, repeats, expected }) => {
    const id = `repeat-${name.replace(/\W/g, '')}`;
    const answer = await postSigned(events, withRepeats(id, '/echo', 'visa', repeats), { secret: SECRET });
    expect(answer.status).toBe(200);
    const post = await answered(id);
    expect(JSON.stringify(post.body)).toContain(expected);
    expect(JSON.stringify(post.body)).not.toContain('Something went wrong');
    expect(logger.messages('error')).toEqual([]);
  });

  it('answers a command with a malformed field in the acknowledgement itself', async () => {
    const params = new URLSearchParams(slashCommandBody({ command: '/echo', text: 'hi', responseUrl: 'not a url', triggerId: 'bad-url' }));
    const answer = await postSigned(events, params.toString(), { secret: SECRET });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('cannot read') });
  });

  it('says a button from an older version is stale, instead of a 404 after three seconds', async () => {
    const payload = blockActionPayload({
      actionId: 'lookup_more',
      value: 'x',
      responseUrl: fake.responseUrl('old-button'),
      triggerId: 'old',
      ephemeral: true,
    });
    const answer = await postSigned(events, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { secret: SECRET });
    expect(answer.status).toBe(200);
    const post = await answered('old-button');
    expect(JSON.stringify(post.body)).toContain('This button is from an older message; run the command again.');
  });

  it.each(['view_submission', 'view_closed', 'shortcut'])('acknowledges an unsolicited %s', async (type) => {
    const payload = {
      type,
      callback_id: 'someone_elses',
      trigger_id: `t-${type}`,
      user: { id: 'U0ASKER' },
      team: { id: 'T0FAKE' },
      view: { id: 'V1', callback_id: 'someone_elses', state: { values: {} } },
    };
    const answer = await postSigned(events, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { secret: SECRET });
    expect(answer.status).toBe(200);
  });

  it.each([
    { name: 'a bad signature', body: 'command=%2Fecho&text=hi', options: { signature: 'v0=deadbeef' }, status: 401 },
    {
      name: 'a stale timestamp',
      body: 'command=%2Fecho&text=hi',
      options: { timestamp: Math.floor(Date.now() / 1000) - 600 },
      status: 401,
    },
    { name: 'an unreadable payload', body: 'payload=%7Bnot%20json', options: {}, status: 400 },
    { name: 'a body over 64 KB', body: `command=%2Fecho&text=${'x'.repeat(70_000)}`, options: {}, status: 413 },
  ])('rejects $name', async ({ body, options, status }) => {
    const answer = await postSigned(events, body, { secret: SECRET, ...options });
    expect(answer.status).toBe(status);
  });
});
