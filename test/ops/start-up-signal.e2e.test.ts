import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the real process in Slack HTTP mode', () => {
  let fake: FakeSlackApi | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('serves /healthz while it starts, and exits 0 on a SIGTERM that arrives during start-up', async () => {
    fake = await FakeSlackApi.start();
    const dir = mkdtempSync(join(tmpdir(), 'readout-sigterm-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info' };
    for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
    Object.assign(env, {
      DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
      READOUT_CACHE_DIR: join(dir, 'cache'),
      SLACK_BOT_TOKEN: 'xoxb-sigterm',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: fake.apiUrl,
    });
    const child = spawn(process.execPath, ['bin/readout.js', 'start'], { cwd: ROOT, env });
    let logs = '';
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const listening = new Promise<number>((done, fail) => {
      child.stderr.on('data', (chunk: Buffer) => {
        logs += chunk.toString();
        const port = /"port":(\d+),"msg":"serving \/healthz/.exec(logs)?.[1];
        if (port) done(Number(port));
      });
      void exit.then(() => fail(new Error(`exited before listening:\n${logs}`)));
    });
    const port = await listening;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(logs).toMatch(/"msg":"(stopped during start-up|shutting down)"/);
    expect(logs).not.toMatch(/"level":50/);
  }, 60_000);
});
