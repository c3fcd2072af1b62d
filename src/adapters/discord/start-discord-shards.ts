import { once } from 'node:events';
import { type APIGatewayBotInfo, Routes, ShardingManager } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import { createDiscordRest } from './create-discord-rest.js';

export interface DiscordShardsOptions {
  token: string;
  /** The script every shard runs, e.g. `bin/readout.js`; it must start the Discord adapter. */
  script: string;
  /** Arguments for the script, e.g. `['start']`. */
  args?: string[];
  /** Node flags for the shard processes, e.g. `['--import', 'tsx']` for a TypeScript script. */
  execArgv?: string[];
  /** How many shards; `auto` asks Discord for its recommendation (through `apiUrl` when set). */
  totalShards?: number | 'auto';
  apiUrl?: string | undefined;
  logger: Logger;
  /** Restart a shard process that dies (default true). */
  respawn?: boolean;
  /** How long each shard may take to become ready (default 30 s). */
  readyTimeoutMs?: number;
  /** Pause between shard starts (default 5.5 s: Discord allows one IDENTIFY per 5 s per bucket). */
  spawnDelayMs?: number;
}

export interface DiscordShards {
  shardCount: number;
  stop(): Promise<void>;
}

/**
 * Runs the bot as several processes under discord.js's ShardingManager, for bots in more than about
 * 2,500 guilds, where Discord requires sharding. Each process runs the unchanged adapter: its Client
 * reads the shard ids the manager puts in the environment (SHARDS, SHARD_COUNT).
 */
export async function startDiscordShards(options: DiscordShardsOptions): Promise<DiscordShards> {
  const log = options.logger.child({ component: 'discord-shards' });
  // discord.js's own 'auto' always asks discord.com; asking through our REST client honours apiUrl.
  const totalShards =
    typeof options.totalShards === 'number'
      ? options.totalShards
      : (
          (await createDiscordRest({ token: options.token, apiUrl: options.apiUrl, rest: { retries: 1, timeout: 15_000 } }).get(
            Routes.gatewayBot(),
          )) as APIGatewayBotInfo
        ).shards;
  const manager = new ShardingManager(options.script, {
    token: options.token,
    totalShards,
    shardArgs: options.args ?? [],
    execArgv: options.execArgv ?? [],
    respawn: options.respawn ?? true,
    mode: 'process',
  });
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, of: totalShards }, 'discord shard started');
    shard.on('death', () => log.warn({ shard: shard.id }, 'discord shard process exited'));
  });
  try {
    await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs ?? 5_500, timeout: options.readyTimeoutMs ?? 30_000 });
  } catch (error) {
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.kill();
    throw error;
  }
  return {
    shardCount: totalShards,
    async stop() {
      manager.respawn = false;
      const exits = [...manager.shards.values()].map((shard) =>
        shard.process && shard.process.exitCode === null ? once(shard.process, 'exit') : Promise.resolve(),
      );
      for (const shard of manager.shards.values()) shard.kill();
      await Promise.all(exits);
    },
  };
}
