import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { createConsolePoster } from '../../src/adapters/console/console-poster.js';
import { startConsole } from '../../src/adapters/console/start-console.js';
import { startDiscordAdapter } from '../../src/adapters/discord/start-discord-adapter.js';
import { startDiscordHttp } from '../../src/adapters/discord/start-discord-http.js';
import { startSlackAdapter } from '../../src/adapters/slack/start-slack-adapter.js';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { commands } from '../../src/commands/registry.js';
import { silentLogger } from '../../src/core/logger.js';
import type { PlatformAdapter } from '../../src/core/platform-adapter.js';
import { textReply } from '../../src/core/reply.js';
import { slotKey } from '../../src/core/store/slot-key.js';
import type { ChannelRef } from '../../src/core/store/store-types.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;
let fakeSlack: FakeSlackApi;
let fakeDiscord: FakeDiscord;
const printed: string[] = [];

beforeAll(async () => {
  services = await seedServices();
  fakeSlack = await FakeSlackApi.start();
  fakeDiscord = await FakeDiscord.start();
});
afterAll(async () => {
  await fakeSlack.close();
  await fakeDiscord.close();
  await services.store.close();
});

/** Each platform and mode behind the one port, started against its fake, with a channel it can post to. */
const adapters: { mode: string; channel: ChannelRef; start: () => Promise<PlatformAdapter> }[] = [
  {
    mode: 'Slack (HTTP)',
    channel: { platform: 'slack', workspace: 'T0FAKE', channel: 'C1' },
    start: () =>
      startSlackAdapter({
        botToken: 'xoxb-port',
        signingSecret: 's',
        port: 0,
        apiUrl: fakeSlack.apiUrl,
        services,
        commands,
        logger: silentLogger,
      }),
  },
  {
    mode: 'Discord (gateway)',
    channel: { platform: 'discord', workspace: '100000000000000001', channel: '200000000000000002' },
    start: () =>
      startDiscordAdapter({
        token: 'fake-token',
        applicationId: fakeDiscord.applicationId,
        apiUrl: fakeDiscord.apiUrl,
        services,
        commands,
        logger: silentLogger,
      }),
  },
  {
    mode: 'Discord (HTTP interactions)',
    channel: { platform: 'discord', workspace: '100000000000000001', channel: '200000000000000003' },
    start: async () =>
      startDiscordHttp({
        publicKey: fakeDiscord.publicKey,
        token: 'fake-token',
        applicationId: fakeDiscord.applicationId,
        apiUrl: fakeDiscord.apiUrl,
        services,
        commands,
        logger: silentLogger,
      }),
  },
  {
    mode: 'console',
    channel: { platform: 'console', workspace: 'local', channel: 'console' },
    start: async () => {
      const session = startConsole({
        commands,
        context: () => createContext({ platform: 'console', workspace: 'local', channel: 'console', user: 'tester' }, services),
        input: new PassThrough(),
        output: new PassThrough(),
        color: false,
        terminal: false,
      });
      return consoleAdapter(
        session,
        createConsolePoster((text) => printed.push(text), false),
      );
    },
  },
];

describe.each(adapters)('the adapter port: $mode', ({ channel, start }) => {
  it('states its limits, posts to a channel, finds what it can, and stops', async () => {
    const adapter = await start();
    try {
      expect(adapter.state()).toBe('running');
      expect(adapter.poster.platform).toBe(channel.platform);
      expect(adapter.name).toBe(channel.platform);
      expect(adapter.limits.buttonsPerMessage).toBeGreaterThanOrEqual(0);
      if (channel.platform === 'console') expect(adapter.limits.answerDeadlineMs).toBeUndefined();
      else expect(adapter.limits).toMatchObject({ answerDeadlineMs: 3_000, messageText: expect.any(Number) });
      const key = slotKey(channel, '2026-04-24');
      const posted = await adapter.poster.post(channel, textReply('Port check', { visibility: 'public' }), key);
      expect(posted.messageId).toBeTruthy();
      // A platform that keeps history finds the post again by its slot; the terminal keeps none.
      const found = await adapter.poster.findPosted(channel, key, new Date(Date.now() - 60_000));
      if (channel.platform === 'console') expect(found).toBeUndefined();
      else expect(found?.messageId).toBe(posted.messageId);
    } finally {
      await adapter.stop();
    }
    expect(adapter.state()).toBe('stopped');
  });
});
