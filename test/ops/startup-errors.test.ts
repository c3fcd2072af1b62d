import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/start-discord-adapter.js';
import { startSlackAdapter } from '../../src/adapters/slack/start-slack-adapter.js';
import { commands } from '../../src/commands/registry.js';
import { silentLogger } from '../../src/core/logger.js';
import { describeStartupError } from '../../src/ops/describe-startup-error.js';
import { openStore } from '../../src/store/open-store.js';
import { fakeDiscordServices } from '../fakes/fake-discord-services.js';
import { slackTestServices } from '../fakes/slack-services.js';

/** A loopback port nobody listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('start-up errors an operator can act on', () => {
  it('say "cannot reach Slack" when Slack does not answer, not that the token was refused', async () => {
    const port = await closedPort();
    const started = startSlackAdapter({
      botToken: 'xoxb-unreachable',
      signingSecret: 'secret',
      port: 0,
      apiUrl: `http://127.0.0.1:${port}/api/`,
      services: slackTestServices({ logger: silentLogger }),
      commands,
      logger: silentLogger,
    });
    await expect(started).rejects.toThrow(/^cannot reach Slack \(ECONNREFUSED 127\.0\.0\.1\)/);
    await expect(started).rejects.not.toThrow(/did not accept/);
  });

  it('name the DNS failure and the host when Slack cannot be found', async () => {
    const started = startSlackAdapter({
      botToken: 'xoxb-unreachable',
      signingSecret: 'secret',
      port: 0,
      apiUrl: 'http://readout-test.invalid/api/',
      services: slackTestServices({ logger: silentLogger }),
      commands,
      logger: silentLogger,
    });
    await expect(started).rejects.toThrow(/^cannot reach Slack \(ENOTFOUND readout-test\.invalid\)/);
  });

  it('say "cannot reach Discord" when Discord does not answer', async () => {
    const port = await closedPort();
    const started = startDiscordAdapter({
      token: 'unreachable',
      applicationId: '123456789012345678',
      apiUrl: `http://127.0.0.1:${port}/api`,
      services: fakeDiscordServices(),
      commands,
      logger: silentLogger,
      readyTimeoutMs: 5_000,
    });
    await expect(started).rejects.toThrow(/^cannot reach Discord \(ECONNREFUSED 127\.0\.0\.1\)/);
  });

  it('name the file when DATABASE_URL points at one that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-notadb-'));
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are my notes, not a database '.repeat(40));
    let caught: unknown;
    try {
      await (await openStore(`sqlite:${file}`)).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeDefined();
    const described = describeStartupError(caught, `sqlite:${file}`);
    expect(described.expected).toBe(true);
    expect(described.message).toMatch(/notes\.db.*not a database/);
  });

  it("keep a bug a bug: an unknown error is not passed off as the operator's", () => {
    expect(describeStartupError(new TypeError('x is undefined'))).toEqual({ message: 'x is undefined', expected: false });
  });
});

describe('a start-up failure of the real process', () => {
  it('is printed once, with its cause', async () => {
    const { spawnSync } = await import('node:child_process');
    const port = await closedPort();
    const dir = mkdtempSync(join(tmpdir(), 'readout-start-once-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      READOUT_CACHE_DIR: join(dir, 'cache'),
      PORT: '0',
      LOG_FORMAT: 'json',
    };
    for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
    Object.assign(env, {
      SLACK_BOT_TOKEN: 'xoxb-unreachable',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
    });
    const root = new URL('../..', import.meta.url).pathname;
    const run = spawnSync(process.execPath, ['bin/readout.js', 'start'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    const lines = `${run.stdout}${run.stderr}`.split('\n').filter((line) => /ECONNREFUSED|request failed/.test(line));
    expect(lines, lines.join('\n')).toHaveLength(1);
    expect(lines[0]).toContain('readout cannot start: cannot reach Slack (ECONNREFUSED 127.0.0.1)');
  }, 90_000);
});
