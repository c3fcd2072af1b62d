import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followSlotDate } from '../src/core/follow/announce-document.js';
import { slotKey } from '../src/core/store/slot-key.js';
import { openStore } from '../src/store/index.js';
import { serve, startFixtureServer } from './fakes/fixture-server.js';

const ROOT = resolve(import.meta.dirname, '..');
const CONSOLE = { platform: 'console', workspace: 'local', channel: 'console' } as const;
const page = (name: string) => serve('text/html', readFileSync(join(ROOT, 'test/fixtures/ingest', name), 'utf8'));

let dir = '';
let env: NodeJS.ProcessEnv = {};
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readout-follow-'));
  env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
    READOUT_CACHE_DIR: join(dir, 'cache'),
    READOUT_INGEST_ALLOW_PRIVATE: '1',
    LOG_LEVEL: 'silent',
  };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  server = await startFixtureServer(
    new Map([
      ['/ruto', page('article.html')],
      ['/astana', page('astana.html')],
    ]),
  );
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything the console printed so far, and a wait for a pattern in it. */
function watch(child: ChildProcessWithoutNullStreams) {
  let seen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
  });
  return {
    output: () => seen,
    waitFor: (pattern: RegExp) =>
      new Promise<void>((done, fail) => {
        const check = () => {
          if (pattern.test(seen)) {
            clearInterval(timer);
            done();
          }
        };
        const timer = setInterval(check, 50);
        child.once('exit', (code) => {
          clearInterval(timer);
          fail(new Error(`exited with ${code} before printing ${pattern}; output:\n${seen}`));
        });
        check();
      }),
  };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('a following channel is told of every new readout, however it was added (the real process)', () => {
  it('posts a readout added with /readout add, and one added by `readout ingest` from another process, once each', async () => {
    const bot = spawn(process.execPath, ['bin/readout.js', 'start'], { cwd: ROOT, env });
    const screen = watch(bot);
    try {
      await screen.waitFor(/Type \/help/);
      bot.stdin.write('/readout follow\n');
      await screen.waitFor(/Following: this channel is told about every new readout/);

      bot.stdin.write(`/readout add ${server.url('/ruto')}\n`);
      await screen.waitFor(/Added 'Xi Jinping holds talks with Kenyan President William Ruto'/);
      await screen.waitFor(/New readout\s+Xi Jinping holds talks with Kenyan President William Ruto/);

      // Another process adds one to the same database: the running bot announces it.
      const ingest = await promisify(execFile)(process.execPath, ['bin/readout.js', 'ingest', server.url('/astana')], { cwd: ROOT, env });
      expect(ingest.stdout).toMatch(/Added 'Xi Jinping meets Tokayev in Astana'/);
      await screen.waitFor(/New readout\s+Xi Jinping meets Tokayev in Astana/);

      bot.stdin.write('/quit\n');
      await new Promise((done) => bot.once('exit', done));
    } finally {
      bot.kill('SIGKILL');
    }
    expect(count(screen.output(), 'New readout\n')).toBe(2);
    expect(count(screen.output(), '(new readout console:local:console:doc:web-')).toBe(2);
    const store = await openStore(env['DATABASE_URL']);
    try {
      const documents = await store.listDocuments();
      expect(documents).toHaveLength(2);
      for (const document of documents) {
        expect(await store.getSlot(slotKey(CONSOLE, followSlotDate(document.id)))).toMatchObject({ state: 'posted' });
        expect((await store.getAnnouncement(document.id))?.doneAt).not.toBeNull();
      }
    } finally {
      await store.close();
    }
  }, 90_000);
});
