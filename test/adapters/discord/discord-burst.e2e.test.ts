import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../src/adapters/discord/start-discord-adapter.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { fakeDiscordCommands, fakeDiscordServices } from '../../fakes/fake-discord-services.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';

describe('Discord under a burst of commands', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    adapter = await startDiscordAdapter({
      token: 'fake-token',
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      services: fakeDiscordServices(),
      commands: fakeDiscordCommands(),
      logger,
      deferAfterMs: 0,
    });
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('answers 80 deferred commands without the client-side global limit holding any answer back', async () => {
    // 80 deferrals and 80 edits: well over discord.js's default 50 requests a second, which Discord does not apply to them.
    const sent = Array.from({ length: 80 }, (_, i) => fake.chatInput('lookup', [{ name: 'query', value: `burst${i}` }]));
    for (const one of sent) {
      await fake.waitForRequest(
        (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${one.token}/messages/@original`,
      );
    }
    expect(logger.messages('warn')).not.toContain('discord interaction answers rate limited');
  });
});
