import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'readout-feeds-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readout(args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
    READOUT_CACHE_DIR: join(dir, 'cache'),
  };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  const result = spawnSync(process.execPath, ['bin/readout.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('readout feeds', () => {
  it('adds (also with --json), lists and removes a feed on the command line', () => {
    const added = readout(['feeds', 'add', 'https://feeds.example', '--backfill', '2']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Following the feed https:\/\/feeds\.example\/: .*adds the newest 2/s);
    const json = JSON.parse(readout(['feeds', 'add', 'https://other.example/atom.xml', '--json']).stdout);
    expect(json).toMatchObject({ ok: true, message: expect.stringMatching(/^Following the feed/) });
    expect(json.feeds.map((feed: { url: string }) => feed.url)).toEqual(['https://feeds.example/', 'https://other.example/atom.xml']);
    expect(json.feeds[0]).toMatchObject({ status: 'active', backfill: 2, baselinePending: true, addedBy: expect.stringMatching(/^cli:/) });
    expect(readout(['feeds', 'remove', 'https://feeds.example']).stdout).toMatch(/^Stopped polling/);
    expect(JSON.parse(readout(['feeds', '--json']).stdout).feeds).toHaveLength(1);
    const wrong = readout(['feeds', 'remove', 'https://nothing.example/rss']);
    expect(wrong.code).toBe(1);
  }, 60_000);
});
