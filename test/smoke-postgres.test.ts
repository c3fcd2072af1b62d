import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from './store/postgres-test-database.js';

const ROOT = resolve(import.meta.dirname, '..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolveOutput, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        child.stdout.off('data', onData);
        resolveOutput(seen);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}; output:\n${seen}`)));
  });
}

describe.skipIf(!POSTGRES_TEST_URL)('the real process on Postgres', () => {
  it('starts with DATABASE_URL=postgres://…, migrates, subscribes a channel, posts its digest once and keeps it all in Postgres', async () => {
    const schema = freshSchemaName();
    cleanups.push(() => dropSchema(schema));
    const url = urlWithSchema(schema);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      READOUT_CACHE_DIR: join(mkdtempSync(join(tmpdir(), 'readout-pg-smoke-')), 'cache'),
    };
    for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];

    const child = spawn(process.execPath, ['bin/readout.js', 'start'], { cwd: ROOT, env });
    await waitFor(child, /Type \/help/);
    child.stdin.write('/digest subscribe 09:00 Asia/Almaty\n');
    await waitFor(child, /Subscribed/);
    child.stdin.write('/quit\n');
    const code = await new Promise<number | null>((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', done)));
    expect(code).toBe(0);

    const run = (args: string[]) =>
      new Promise<string>((done) => {
        const cli = spawn(process.execPath, ['bin/readout.js', ...args], { cwd: ROOT, env });
        let out = '';
        cli.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
        });
        cli.once('exit', () => done(out));
      });
    const first = JSON.parse(await run(['digest', 'run', '--date', '2026-04-24', '--json']));
    const second = JSON.parse(await run(['digest', 'run', '--date', '2026-04-24', '--json']));
    expect(first.slots[0]).toMatchObject({ outcome: 'posted' });
    expect(second.slots[0]).toMatchObject({ outcome: 'already_done', messageId: first.slots[0].messageId });

    const store = await openStore(url);
    expect(await store.getSubscription({ platform: 'console', workspace: 'local', channel: 'console' })).toMatchObject({
      time: '09:00',
      timezone: 'Asia/Almaty',
    });
    expect(await store.listSlots()).toEqual([expect.objectContaining({ state: 'posted', messageId: first.slots[0].messageId })]);
    await store.close();
  }, 120_000);
});
