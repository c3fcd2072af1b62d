import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = resolve(ROOT, 'seeds');

/** Runs the built CLI in an empty folder, with no chat credentials and the given DATABASE_URL (none: the default file). */
function readoutIn(dir: string, args: string[], databaseUrl?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, READOUT_CACHE_DIR: join(dir, 'cache') };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  const result = spawnSync(process.execPath, [resolve(ROOT, 'bin/readout.js'), ...args, '--seeds', SEEDS], {
    cwd: dir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('one-shot read commands never open the store', () => {
  it('creates no ./data/readout.db in an empty folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-oneshot-'));
    for (const args of [['lookup', 'belt'], ['quote', 'ruto'], ['onthisday', '2025-04-24'], ['speakers'], ['doc', '000']]) {
      const run = readoutIn(dir, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    expect(existsSync(join(dir, 'data'))).toBe(false);
  }, 120_000);

  it('answers a lookup while the Postgres server is down (nothing listens on port 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-oneshot-'));
    const run = readoutIn(dir, ['lookup', 'belt', '--limit', '1'], 'postgres://postgres@127.0.0.1:1/readout');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/passages for “belt”/);
  }, 60_000);

  it('`readout reload` says there is no running bot here and how to reload one, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-oneshot-'));
    const run = readoutIn(dir, ['reload']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('This process has no running bot to reload');
    expect(run.stdout).toContain('kill -HUP <pid>');
    expect(run.stdout).not.toContain('Nothing changed');
  }, 60_000);
});
