import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMessages } from '../../src/adapters/discord/build-message.js';
import { createDiscordPoster } from '../../src/adapters/discord/create-discord-poster.js';
import { slotNonce } from '../../src/adapters/discord/slot-nonce.js';
import { slotTag } from '../../src/adapters/discord/slot-tag.js';
import { createActionTable } from '../../src/commands/action-table.js';
import { loadCorpus } from '../../src/core/corpus/load-corpus.js';
import { digestContent } from '../../src/core/digest/digest-content.js';
import { runDigests } from '../../src/core/digest/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { type ChannelRef, slotKey } from '../../src/core/store/index.js';
import { openStore } from '../../src/store/index.js';
import { seedLikeCorpus } from '../core/calendar/corpus-fixture.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { dueMinutesAgo, localDateOfDue, MIN, runChild } from './fixtures/digest-child-runs.js';
import { writeLongSeeds } from './fixtures/write-long-seeds.js';

const GUILD = '100000000000000001';
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-pages-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Seeds whose digest for `localDate` is three Discord messages (checked, so the test cannot pass on a shorter one). */
async function threePageSeeds(localDate: string): Promise<string> {
  const dir = writeLongSeeds(join(tempDir(), 'seeds'), localDate.slice(5), 10);
  const reply = digestContent(await loadCorpus(dir), { localDate, postEmpty: true, nearbyWindow: 7 });
  const clock = new FakeClock();
  const tables = {
    actions: createActionTable<never>({ maxEntries: 10, ttlMs: MIN, clock }),
    pages: createActionTable<never>({ maxEntries: 10, ttlMs: MIN, clock }),
  };
  expect(buildMessages(reply!, tables)).toHaveLength(3);
  return dir;
}

const messagesPath = (channel: string) => new RegExp(`^/channels/${channel}/messages$`);
const pageOf = (key: string, page: number) => (r: RecordedRequest) => r.body?.nonce === slotNonce(key, page);
const tagsIn = (fake: FakeDiscord, channel: string) => fake.messagesIn(channel).map((m) => m.content);

describe('a three-page Discord digest with a fault on page 2', () => {
  it.each([
    { fault: 'a 5xx after Discord took it', answer: { kind: 'status', status: 503 } as const },
    { fault: 'a timeout after Discord took it', answer: { kind: 'hold' } as const },
  ])(
    '$fault: every page ends in the channel once, in order',
    async ({ answer }) => {
      // A fake that forgets nonces within a second: only the ledger's page record can keep page 1 from going out twice.
      const fake = await FakeDiscord.start({ nonceMemoryMs: 1_000 });
      closers.push(() => fake.close());
      const clock = new FakeClock(new Date(fake.now()));
      const now = clock.now();
      const channel = '200000000000000901';
      const ref: ChannelRef = { platform: 'discord', workspace: GUILD, channel };
      const localDate = localDateOfDue(now);
      const key = slotKey(ref, localDate);
      const corpus = await loadCorpus(await threePageSeeds(localDate));
      const ledger = await openStore('sqlite::memory:', { clock });
      closers.push(() => ledger.close());
      // Subscribed yesterday, so today's slot is due.
      clock.set(new Date(now.getTime() - 20 * 60 * MIN));
      await ledger.upsertSubscription({ ...ref, ...dueMinutesAgo(now), postEmpty: true });
      clock.set(now);
      const poster = createDiscordPoster({ token: 'pages', apiUrl: fake.apiUrl, logger: silentLogger, clock, timeoutMs: 1_000 });
      closers.push(() => poster.close());
      // Page 2 is taken and its answer is lost; the library's own retry of it is refused, so the runner must settle it.
      fake.afterAcceptNext('POST', messagesPath(channel), answer, pageOf(key, 1));
      fake.failNext('POST', messagesPath(channel), { status: 503, body: { message: 'unavailable' } }, pageOf(key, 1));
      const summary = await runDigests({
        store: ledger,
        posters: [poster],
        corpus,
        clock,
        owner: 'pages',
        random: () => 1,
        sleep: async (ms) => {
          clock.advance(ms);
          fake.advance(ms);
        },
      });
      expect(summary.slots.map((s) => s.outcome)).toEqual(['posted']);
      expect(tagsIn(fake, channel)).toEqual([slotTag(key, 0), slotTag(key, 1), slotTag(key, 2)]);
      const ids = fake.messagesIn(channel).map((m) => m.id);
      expect(await ledger.getSlot(key)).toMatchObject({ state: 'posted', pagesSent: 3, pageIds: ids, messageId: ids[0] });
    },
    30_000,
  );
});

describe('SIGKILL of a real process between Discord taking page 2 and the ledger recording it', () => {
  it('the next process goes on from page 3: pages 1-3 once each', async () => {
    const fake = await FakeDiscord.start({ nonceMemoryMs: 2 * MIN });
    closers.push(() => fake.close());
    const dir = tempDir();
    const now = new Date();
    const channel = '200000000000000902';
    const ref: ChannelRef = { platform: 'discord', workspace: GUILD, channel };
    const localDate = localDateOfDue(now);
    const key = slotKey(ref, localDate);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
      READOUT_SEEDS: await threePageSeeds(localDate),
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: 'kill-pages',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    };
    for (const name of Object.keys(env)) if (/^SLACK_/.test(name)) delete env[name];
    const store = await openStore(env['DATABASE_URL'], { clock: new FakeClock(new Date(now.getTime() - 20 * 60 * MIN)) });
    await store.upsertSubscription({ ...ref, ...dueMinutesAgo(now), postEmpty: true });
    await store.close();

    fake.afterAcceptNext('POST', messagesPath(channel), { kind: 'hold' }, pageOf(key, 1));
    const pageTwo = fake.waitForRequest((r) => r.method === 'POST' && pageOf(key, 1)(r));
    const killed = await runChild(env, ['0'], pageTwo);
    expect(killed.signal).toBe('SIGKILL');
    expect(tagsIn(fake, channel)).toEqual([slotTag(key, 0), slotTag(key, 1)]);

    // Past the lease and Discord's memory of the nonces: only the ledger and the tags can tell what went out.
    fake.advance(6 * MIN);
    const after = await runChild(env, [String(6 * MIN)]);
    expect(
      after.summary?.slots.map((s) => s.outcome),
      after.stderr,
    ).toEqual(['posted']);
    expect(tagsIn(fake, channel)).toEqual([slotTag(key, 0), slotTag(key, 1), slotTag(key, 2)]);
    const ledger = await openStore(env['DATABASE_URL']);
    const ids = fake.messagesIn(channel).map((m) => m.id);
    expect(await ledger.getSlot(key)).toMatchObject({ state: 'posted', pagesSent: 3, pageIds: ids });
    await ledger.close();
  }, 60_000);
});

describe('search progress kept in the ledger', () => {
  it('reads 2,000 messages since the first claim to the end over several attempts and processes, then posts once', async () => {
    const fake = await FakeDiscord.start({ nonceMemoryMs: 2 * MIN });
    closers.push(() => fake.close());
    const clock = new FakeClock(new Date(fake.now()));
    const now = clock.now();
    const channel = '200000000000000903';
    const ref: ChannelRef = { platform: 'discord', workspace: GUILD, channel };
    const key = slotKey(ref, localDateOfDue(now));
    const url = `sqlite:${join(tempDir(), 'readout.db')}`;
    const setup = await openStore(url, { clock: new FakeClock(new Date(now.getTime() - 20 * 60 * MIN)) });
    await setup.upsertSubscription({ ...ref, ...dueMinutesAgo(now), postEmpty: true });
    await setup.close();
    // Two processes on one database, each with its own connection and poster.
    const processes = await Promise.all(
      ['p1', 'p2'].map(async (owner) => {
        const store = await openStore(url, { clock });
        const poster = createDiscordPoster({ token: 'search', apiUrl: fake.apiUrl, logger: silentLogger, clock, timeoutMs: 5_000 });
        closers.push(
          () => poster.close(),
          () => store.close(),
        );
        return { owner, store, poster };
      }),
    );
    const run = (i: number) => {
      const { owner, store, poster } = processes[i % 2]!;
      return runDigests({ store, posters: [poster], corpus: seedLikeCorpus, clock, owner, random: () => 1, maxAttempts: 1 });
    };
    // The post is refused with a 503 (the library's retry too): its outcome is uncertain, so the channel must be searched.
    fake.failNext('POST', messagesPath(channel), { status: 503, body: { message: 'unavailable' } });
    fake.failNext('POST', messagesPath(channel), { status: 503, body: { message: 'unavailable' } });
    expect((await run(0)).slots.map((s) => s.outcome)).toEqual(['retry_later']);
    fake.addMessagesFromOthers(channel, 2_000);
    const outcomes: string[] = [];
    for (let i = 1; i <= 8 && !outcomes.includes('posted'); i++) {
      clock.advance(10 * MIN);
      fake.advance(10 * MIN);
      outcomes.push(...(await run(i)).slots.map((s) => s.outcome));
    }
    // 100 messages a call, 5 calls an attempt: four attempts stop short, the fifth reads the end and posts.
    expect(outcomes).toEqual(['retry_later', 'retry_later', 'retry_later', 'retry_later', 'posted']);
    const reads = fake.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${channel}/messages`);
    const afters = reads.map((r) => r.query.get('after'));
    expect(new Set(afters).size).toBe(afters.length);
    expect(reads).toHaveLength(21);
    expect(fake.messagesIn(channel).filter((m) => m.author.id === fake.botUser.id)).toHaveLength(1);
    expect(await processes[0]!.store.getSlot(key)).toMatchObject({ state: 'posted', uncertain: false });
  }, 60_000);
});
