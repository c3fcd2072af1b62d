import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/store/index.js';
import { openStore } from '../../src/store/index.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { dueMinutesAgo, MIN, ROOT, runChild } from './fixtures/digest-child-runs.js';

const LEASE_MS = 5 * MIN;

function yearAhead(now: Date): string {
  return `${now.getUTCFullYear() + 1}${now.toISOString().slice(4, 10)}`;
}

let dir = '';
let env: NodeJS.ProcessEnv = {};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readout-sigkill-'));
  env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`, READOUT_SEEDS: join(ROOT, 'seeds'), LOG_LEVEL: 'silent' };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A subscription created yesterday (so today's slot is due), posting even on empty days. */
async function subscribe(ref: ChannelRef, now: Date): Promise<void> {
  const store = await openStore(env['DATABASE_URL'], { clock: new FakeClock(new Date(now.getTime() - 20 * 60 * MIN)) });
  await store.upsertSubscription({ ...ref, ...dueMinutesAgo(now), postEmpty: true });
  await store.close();
}

const cases = [
  { name: 'due today', args: () => [] as string[] },
  { name: 'run with --date a year ahead', args: (now: Date) => [yearAhead(now)] },
];

describe('SIGKILL between the platform accepting a digest and the ledger write', () => {
  describe.each(cases)('Slack, $name', ({ args }) => {
    let fake: FakeSlackApi;
    beforeEach(async () => {
      fake = await FakeSlackApi.start();
    });
    afterEach(() => fake.close());

    it('ends in exactly one post: held while the lease runs, found by its tag after it', async () => {
      const now = new Date();
      fake.nowSeconds = Math.floor(now.getTime() / 1000);
      Object.assign(env, { SLACK_BOT_TOKEN: 'xoxb-kill', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.apiUrl });
      await subscribe({ platform: 'slack', workspace: 'T0FAKE', channel: 'C0KILL' }, now);
      const extra = args(now);

      // Slack takes the post and the fake holds its answer; the process dies before it can write the ledger.
      fake.afterAcceptNext('chat.postMessage', { kind: 'hold' });
      const killed = await runChild(
        env,
        ['0', ...extra],
        fake.waitFor(() => fake.botMessages('C0KILL').length === 1),
      );
      expect(killed.signal).toBe('SIGKILL');
      expect(fake.botMessages('C0KILL')).toHaveLength(1);

      const soon = await runChild(env, [String(MIN), ...extra]);
      expect(soon.summary?.slots.map((s) => s.outcome)).toEqual(['held_elsewhere']);

      fake.advance(LEASE_MS + MIN);
      const after = await runChild(env, [String(LEASE_MS + MIN), ...extra]);
      expect(
        after.summary?.slots.map((s) => s.outcome),
        after.stderr,
      ).toEqual(['recovered']);
      expect(fake.botMessages('C0KILL')).toHaveLength(1);
      expect(after.summary?.slots[0]?.messageId).toBe(fake.botMessages('C0KILL')[0]?.ts);
      expect(fake.callsOf('conversations.history').every((call) => Number(call.params['limit']) <= 15)).toBe(true);
    }, 60_000);
  });

  describe.each(cases)('Discord, $name', ({ args }) => {
    let fake: FakeDiscord;
    beforeEach(async () => {
      fake = await FakeDiscord.start({ nonceMemoryMs: 2 * MIN });
    });
    afterEach(() => fake.close());

    it('ends in exactly one post: held while the lease runs, found by its tag after it, with nonces forgotten', async () => {
      const now = new Date();
      Object.assign(env, { DISCORD_TOKEN: 'kill-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
      const channel = '200000000000000777';
      await subscribe({ platform: 'discord', workspace: '100000000000000001', channel }, now);
      const extra = args(now);
      const posted = fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);

      fake.afterAcceptNext('POST', new RegExp(`^/channels/${channel}/messages$`), { kind: 'hold' });
      const killed = await runChild(env, ['0', ...extra], posted);
      expect(killed.signal).toBe('SIGKILL');
      expect(fake.messagesIn(channel)).toHaveLength(1);

      const soon = await runChild(env, [String(MIN), ...extra]);
      expect(soon.summary?.slots.map((s) => s.outcome)).toEqual(['held_elsewhere']);

      // Past the lease, and so past Discord's memory of the nonce: only the tag in the message can tell.
      fake.advance(LEASE_MS + MIN);
      const after = await runChild(env, [String(LEASE_MS + MIN), ...extra]);
      expect(
        after.summary?.slots.map((s) => s.outcome),
        after.stderr,
      ).toEqual(['recovered']);
      expect(fake.messagesIn(channel)).toHaveLength(1);
      expect(after.summary?.slots[0]?.messageId).toBe(fake.messagesIn(channel)[0]?.id);
    }, 60_000);
  });
});
