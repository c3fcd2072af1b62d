import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../src/adapters/discord/start-discord-adapter.js';
import type { Logger } from '../../../src/core/logger.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { fakeDiscordCommands, fakeDiscordServices } from '../../fakes/fake-discord-services.js';

/** A logger that keeps what it was given, to check what reached the log. */
function recordingLogger(): Logger & { lines: { level: string; fields: Record<string, unknown>; message?: string }[] } {
  const lines: { level: string; fields: Record<string, unknown>; message?: string }[] = [];
  const logger = {
    lines,
    info: (fields: Record<string, unknown>, message?: string) => lines.push({ level: 'info', fields, ...(message ? { message } : {}) }),
    warn: (fields: Record<string, unknown>, message?: string) => lines.push({ level: 'warn', fields, ...(message ? { message } : {}) }),
    error: (fields: Record<string, unknown>, message?: string) => lines.push({ level: 'error', fields, ...(message ? { message } : {}) }),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

describe('Discord adapter lifecycle', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function start(
    options: { guilds?: string[]; logger?: Logger; services?: ReturnType<typeof fakeDiscordServices> } = {},
  ): Promise<{ fake: FakeDiscord; adapter: DiscordAdapter }> {
    const fake = await FakeDiscord.start({ ...(options.guilds ? { guilds: options.guilds } : {}) });
    cleanup.push(() => fake.close());
    const adapter = await startDiscordAdapter({
      token: 'fake-token',
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      services: options.services ?? fakeDiscordServices(),
      commands: fakeDiscordCommands(),
      logger: options.logger ?? silentLogger,
    });
    cleanup.push(() => adapter.stop());
    return { fake, adapter };
  }

  it('rejects when Discord refuses the token, leaving nothing running', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    fake.failNext('GET', /^\/gateway\/bot$/, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const started = startDiscordAdapter({
      token: 'bad-token',
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      services: fakeDiscordServices(),
      commands: fakeDiscordCommands(),
      logger: silentLogger,
    });
    await expect(started).rejects.toThrow(/token/i);
    expect(fake.identifies).toHaveLength(0);
  });

  it('becomes ready with guilds listed in READY (each followed by GUILD_CREATE)', async () => {
    const { fake, adapter } = await start({ guilds: ['400000000000000001', '400000000000000002'] });
    expect(adapter.state()).toBe('running');
    expect(fake.identifies).toHaveLength(1);
  });

  it('answers in a direct message, where there is no guild', async () => {
    const { fake } = await start();
    const sent = fake.chatInput('quote', [{ name: 'speaker', value: 'Xi Jinping' }], { dm: true });
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.body.data.embeds[0].author.name).toBe('Xi Jinping');
  });

  it('answers with a reference id and logs details when the context cannot be built', async () => {
    const logger = recordingLogger();
    const services = fakeDiscordServices();
    services.store.getSubscription = () => {
      throw new Error('database is locked');
    };
    const { fake } = await start({ logger, services });
    const sent = fake.chatInput('lookup', [{ name: 'query', value: 'trade' }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    const description: string = callback.body.data.embeds[0].description;
    expect(description).toMatch(/reference [0-9a-f]{8}/);
    expect(description).not.toContain('database is locked');
    const refId = description.match(/reference ([0-9a-f]{8})/)?.[1];
    expect(logger.lines.some((line) => line.level === 'error' && line.fields.refId === refId)).toBe(true);
  });

  it('logs, and keeps running, when Discord rejects an answer (interaction expired)', async () => {
    const logger = recordingLogger();
    const { fake, adapter } = await start({ logger });
    fake.failNext('POST', /\/callback$/, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const late = fake.chatInput('lookup', [{ name: 'query', value: 'late' }]);
    await fake.waitForRequest((r) => r.path === `/interactions/${late.id}/${late.token}/callback`);
    const next = fake.chatInput('lookup', [{ name: 'query', value: 'next' }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${next.id}/${next.token}/callback`);
    expect(callback.body.data.embeds[0].title).toBe('Results for next');
    expect(adapter.state()).toBe('running');
    expect(logger.lines.some((line) => line.level === 'error' && line.message === 'discord interaction failed')).toBe(true);
  });

  it('stops cleanly: the gateway connection closes and state says stopped', async () => {
    const { fake, adapter } = await start();
    await adapter.stop();
    expect(adapter.state()).toBe('stopped');
    await adapter.stop();
    expect(fake.openSockets).toBe(0);
  });
});
