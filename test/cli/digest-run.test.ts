import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function readout(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ['bin/readout.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('readout digest run', () => {
  it('posts once when run twice for the same date, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-digest-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      READOUT_CACHE_DIR: join(dir, 'cache'),
    };
    for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];

    expect(readout(['digest', 'subscribe', '09:00', 'Asia/Almaty'], env).code).toBe(0);
    const first = readout(['digest', 'run', '--date', '2026-04-24', '--json'], env);
    const second = readout(['digest', 'run', '--date', '2026-04-24', '--json'], env);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const [a] = JSON.parse(first.stdout).slots;
    const [b] = JSON.parse(second.stdout).slots;
    expect(a).toMatchObject({ key: 'console:local:console:2026-04-24', outcome: 'posted', state: 'posted' });
    expect(b).toMatchObject({ key: 'console:local:console:2026-04-24', outcome: 'already_done', messageId: a.messageId });
    // The digest itself went to the console channel (stderr under --json) exactly once.
    expect(first.stderr.match(/On this day, 24 April 2026/g)).toHaveLength(1);
    expect(second.stderr).not.toMatch(/On this day/);
  }, 60_000);

  it('rejects an impossible date with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-digest-'));
    const result = readout(['digest', 'run', '--date', '2023-02-30'], { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/February 2023 has 28 days/);
  }, 60_000);

  it('lets the operator subscribe any platform channel, but not a Slack direct message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-digest-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      READOUT_CACHE_DIR: join(dir, 'cache'),
    };
    const channel = (id: string) => ['--platform', 'slack', '--workspace', 'T1', '--channel', id];
    const dm = readout(['digest', 'subscribe', '09:00', 'UTC', ...channel('D0DIRECT')], env);
    expect(dm.code).toBe(1);
    expect(dm.stdout).toMatch(/not direct messages/);
    const ok = readout(['digest', 'subscribe', '09:00', 'UTC', ...channel('C0PUBLIC')], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Subscribed/);
  }, 60_000);

  it('explains no_poster: a Slack channel with no Slack connection in this process names SLACK_BOT_TOKEN', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-digest-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      READOUT_CACHE_DIR: join(dir, 'cache'),
    };
    for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
    const channel = ['--platform', 'slack', '--workspace', 'T1', '--channel', 'C0PUBLIC'];
    expect(readout(['digest', 'subscribe', '09:00', 'UTC', ...channel], env).code).toBe(0);
    const text = readout(['digest', 'run', '--date', '2026-04-24'], env);
    expect(text.stdout).toMatch(/slack:T1:C0PUBLIC:2026-04-24: no_poster — no Slack connection in this process: set SLACK_BOT_TOKEN/);
    const json = readout(['digest', 'run', '--date', '2026-04-24', '--json'], env);
    expect(JSON.parse(json.stdout).slots[0]).toMatchObject({ outcome: 'no_poster', reason: expect.stringContaining('SLACK_BOT_TOKEN') });
  }, 60_000);
});
