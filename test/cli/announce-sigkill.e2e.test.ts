import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followSlotDate } from '../../src/core/follow/announce-document.js';
import type { AnnouncementSweepResult } from '../../src/core/follow/sweep-announcements.js';
import { slotKey } from '../../src/core/store/slot-key.js';
import { openStore } from '../../src/store/index.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { serve, startFixtureServer } from '../fakes/fixture-server.js';
import { MIN, ROOT, runScript } from './fixtures/digest-child-runs.js';

const CHILD = join(import.meta.dirname, 'fixtures/announce-sweep-child.ts');
// The sweep's hold on an announcement (10 minutes) is longer than the slot's lease (5): past both.
const PAST_LEASES_MS = 11 * MIN;
const CHANNEL = { platform: 'slack', workspace: 'T0FAKE', channel: 'C0FOLLOW' } as const;

interface SweepRun {
  signal: NodeJS.Signals | null;
  results: AnnouncementSweepResult[] | undefined;
  stderr: string;
}

/** One announcement sweep in a child process; `killWhen` resolving kills it with SIGKILL, whatever it is doing. */
async function runSweep(env: NodeJS.ProcessEnv, offsetMs: number, killWhen?: Promise<unknown>): Promise<SweepRun> {
  const { signal, stdout, stderr } = await runScript(CHILD, env, [String(offsetMs)], killWhen);
  return { signal, results: stdout ? (JSON.parse(stdout) as AnnouncementSweepResult[]) : undefined, stderr };
}

let dir = '';
let env: NodeJS.ProcessEnv = {};
let slack: FakeSlackApi;
let pages: Awaited<ReturnType<typeof startFixtureServer>>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readout-announce-kill-'));
  slack = await FakeSlackApi.start();
  pages = await startFixtureServer(
    new Map([['/ruto', serve('text/html', readFileSync(join(ROOT, 'test/fixtures/ingest/article.html'), 'utf8'))]]),
  );
  env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
    READOUT_SEEDS: join(ROOT, 'seeds'),
    READOUT_INGEST_ALLOW_PRIVATE: '1',
    LOG_LEVEL: 'silent',
  };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
});
afterEach(async () => {
  await slack.close();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL between Slack accepting a new-readout post and the ledger write', () => {
  it('a readout added by `readout ingest` reaches the following channel exactly once: held while the leases run, found after', async () => {
    const now = new Date();
    slack.nowSeconds = Math.floor(now.getTime() / 1000);
    // The channel followed every new readout a while ago.
    const before = await openStore(env['DATABASE_URL'], { clock: new FakeClock(new Date(now.getTime() - 10 * MIN)) });
    await before.upsertFollow({ ...CHANNEL, filter: 'person:ruto', createdBy: 'U1' });
    await before.close();

    // Another process adds the readout; it posts nothing itself, the announcement waits in the store.
    const ingest = await promisify(execFile)(process.execPath, ['bin/readout.js', 'ingest', pages.url('/ruto')], { cwd: ROOT, env });
    expect(ingest.stdout).toMatch(/^Added 'Xi Jinping holds talks/);

    Object.assign(env, { SLACK_BOT_TOKEN: 'xoxb-kill', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl });
    // Slack takes the post and the fake holds its answer; the sweeping process dies before it can write the ledger.
    slack.afterAcceptNext('chat.postMessage', { kind: 'hold' });
    const killed = await runSweep(
      env,
      0,
      slack.waitFor(() => slack.botMessages(CHANNEL.channel).length === 1),
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(slack.botMessages(CHANNEL.channel)).toHaveLength(1);

    // Soon after, the dead process still holds the announcement: nothing is taken, nothing is posted.
    const soon = await runSweep(env, MIN);
    expect(soon.results, soon.stderr).toEqual([]);

    // Past the leases another process takes it over, finds the post by its tag, and records it: still one message.
    slack.advance(PAST_LEASES_MS);
    const after = await runSweep(env, PAST_LEASES_MS);
    expect(
      after.results?.map((r) => [r.done, r.summary]),
      after.stderr,
    ).toEqual([[true, 'recovered 1']]);
    expect(slack.botMessages(CHANNEL.channel)).toHaveLength(1);

    const store = await openStore(env['DATABASE_URL']);
    try {
      const [document] = await store.listDocuments();
      expect(await store.getSlot(slotKey(CHANNEL, followSlotDate(document!.id)))).toMatchObject({
        state: 'posted',
        messageId: slack.botMessages(CHANNEL.channel)[0]?.ts,
      });
    } finally {
      await store.close();
    }
  }, 90_000);
});
