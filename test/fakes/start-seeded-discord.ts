import { type DiscordAdapter, startDiscordAdapter } from '../../src/adapters/discord/start-discord-adapter.js';
import type { Services } from '../../src/commands/command.js';
import { commands } from '../../src/commands/registry.js';
import { silentLogger } from '../../src/core/logger.js';
import { FakeClock } from './fake-clock.js';
import { FakeDiscord, type RecordedRequest } from './fake-discord.js';
import { seedServices } from './seed-services.js';

/** The Discord adapter with the real declarations over the seed corpus, through discord.js and the fake Discord. */
export interface SeededDiscord {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  services: Services;
  /** Waits for the callback that answers an interaction the fake sent. */
  answer(sent: { id: string; token: string }): Promise<RecordedRequest>;
  /** Stops the adapter, closes the fake and the store. */
  stop(): Promise<void>;
}

/** Starts the seed services, the fake Discord and the adapter, its clock fixed at 2026-05-17 09:00 UTC. */
export async function startSeededDiscord(options: { random?: () => number } = {}): Promise<SeededDiscord> {
  const services = await seedServices();
  const fake = await FakeDiscord.start().catch(async (error: unknown) => {
    await services.store.close();
    throw error;
  });
  const adapter = await startDiscordAdapter({
    token: 'fake-token',
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    services,
    commands,
    logger: silentLogger,
    clock: new FakeClock('2026-05-17T09:00:00Z'),
    random: options.random,
    // Nothing here races Discord's 3 s deadline; answering at once keeps the assertions independent of load.
    deferAfterMs: 10_000,
  }).catch(async (error: unknown) => {
    await fake.close();
    await services.store.close();
    throw error;
  });
  return {
    fake,
    adapter,
    services,
    answer: (sent) => fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`),
    async stop() {
      await adapter.stop();
      await fake.close();
      await services.store.close();
    },
  };
}
