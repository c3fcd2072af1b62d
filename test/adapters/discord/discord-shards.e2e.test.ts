import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordShards, startDiscordShards } from '../../../src/adapters/discord/start-discord-shards.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';

/** Two shard processes under discord.js's ShardingManager, each running the unchanged adapter. */
describe('Discord adapter under ShardingManager', () => {
  let fake: FakeDiscord;
  let shards: DiscordShards;
  const saved = { ...process.env };

  beforeAll(async () => {
    fake = await FakeDiscord.start({ shards: 2 });
    // Shard processes inherit the environment; this is how they find the fake.
    process.env.FAKE_DISCORD_API_URL = fake.apiUrl;
    process.env.FAKE_DISCORD_APPLICATION_ID = fake.applicationId;
    shards = await startDiscordShards({
      token: 'fake-token',
      script: resolve(import.meta.dirname, 'fixtures/shard-child.ts'),
      execArgv: ['--import', 'tsx'],
      totalShards: 'auto',
      apiUrl: fake.apiUrl,
      logger: silentLogger,
      respawn: false,
      spawnDelayMs: 0,
    });
  }, 60_000);

  afterAll(async () => {
    await shards?.stop();
    await fake?.close();
    process.env = saved;
  });

  it('starts the recommended number of shards, each identifying as its own shard', () => {
    expect(shards.shardCount).toBe(2);
    expect(fake.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it.each([
    { guildId: '4194304', shard: 1 },
    { guildId: '8388608', shard: 0 },
  ])('answers a command from guild $guildId once, through shard $shard', async ({ guildId }) => {
    const sent = fake.chatInput('quote', [{ name: 'speaker', value: 'Xi Jinping' }], { guildId });
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.body.data.embeds[0].author.name).toBe('Xi Jinping');
    expect(fake.interactionRequests(sent.token)).toHaveLength(1);
  });
});
