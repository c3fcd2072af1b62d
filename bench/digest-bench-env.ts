import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDiscordPoster } from '../src/adapters/discord/create-discord-poster.js';
import { createSlackDigestPoster } from '../src/adapters/slack/create-slack-digest-poster.js';
import { buildServices } from '../src/build-services.js';
import type { Services } from '../src/commands/command.js';
import type { Clock } from '../src/core/clock.js';
import type { DigestPoster } from '../src/core/digest/digest-types.js';
import { silentLogger } from '../src/core/logger.js';

export const SEEDS = resolve(import.meta.dirname, '../seeds');
const cacheDir = join(tmpdir(), 'readout-digest-bench-cache');

/** The real services over the seeds (corpus, quotes, search) with a throwaway store, for content and /lookup. */
export function benchServices(): Promise<Services> {
  return buildServices({
    seedsDir: SEEDS,
    databaseUrl: 'sqlite::memory:',
    cacheDir,
    defaultTimezone: 'UTC',
    nearbyWindow: 7,
    logger: silentLogger,
  });
}

/** The real platform posters, pointed at the fake platform on loopback. */
export function benchPoster(platform: 'slack' | 'discord', platformUrl: string, clock: Clock): DigestPoster & { close?: () => void } {
  return platform === 'slack'
    ? createSlackDigestPoster({ botToken: 'xoxb-bench', apiUrl: `${platformUrl}/api/`, logger: silentLogger })
    : createDiscordPoster({ token: 'bench.discord.token', apiUrl: `${platformUrl}/api`, logger: silentLogger, clock });
}

/** A fresh, empty database of the given kind; `drop` removes it. */
export async function freshDatabase(kind: 'sqlite' | 'postgres', postgresUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'readout-digest-bench-'));
    return { url: `sqlite:${join(dir, 'readout.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { default: pg } = await import('pg');
  const name = `readout_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
