import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../../src/adapters/discord/create-discord-poster.js';
import { PostError } from '../../../src/core/digest/digest-types.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { Reply } from '../../../src/core/reply.js';
import type { ChannelRef } from '../../../src/core/store/store-types.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { HOSTILE } from '../../fakes/fake-discord-services.js';

const digest: Reply = {
  visibility: 'public',
  blocks: [
    { kind: 'heading', text: 'On this day' },
    {
      kind: 'quote',
      speaker: 'Xi Jinping',
      text: [{ text: `Friendship ${HOSTILE}` }],
      citation: { docId: 'doc1', title: 'Talks', paragraph: 2, date: '2024-05-17' },
    },
  ],
  buttons: [{ id: 'open', label: 'Open', action: { command: 'doc', args: 'doc1' } }],
  fallback: 'On this day',
};

function ref(channel: string): ChannelRef {
  return { platform: 'discord', workspace: '100000000000000001', channel };
}

describe('Discord digest poster', () => {
  let fake: FakeDiscord;
  let poster: ReturnType<typeof createDiscordPoster>;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    poster = createDiscordPoster({
      token: 'fake-token',
      apiUrl: fake.apiUrl,
      logger: silentLogger,
      clock: new FakeClock(),
      timeoutMs: 5_000,
    });
  });

  afterAll(async () => {
    poster.close();
    await fake.close();
  });

  it('posts through REST with a slot nonce, enforce_nonce and no mentions, and returns the message id', async () => {
    const result = await poster.post(ref('501'), digest, 'discord:100000000000000001:501:2026-11-23');
    const request = await fake.waitForRequest((r) => r.method === 'POST' && r.path === '/channels/501/messages');
    expect(result.messageId).toMatch(/^\d+$/);
    expect(request.headers.authorization).toBe('Bot fake-token');
    expect(request.body.allowed_mentions).toEqual({ parse: [] });
    expect(request.body.enforce_nonce).toBe(true);
    expect(request.body.nonce.length).toBeLessThanOrEqual(25);
    expect(request.body.content).toMatch(/^-# readout digest `r[\w-]{24}`$/);
    expect(request.body.embeds[1].author.name).toBe('Xi Jinping');
    expect(request.body.embeds[1].description).toContain('@\u200beveryone <\u200b@123>');
    expect(request.body.components[0].components[0]).toMatchObject({ label: 'Open', custom_id: 'a:open:doc:doc1' });
  });

  it('gets the first message back when the same slot is posted again within the nonce memory, a second one after it', async () => {
    const key = 'discord:100000000000000001:502:2026-11-23';
    const first = await poster.post(ref('502'), digest, key);
    const second = await poster.post(ref('502'), digest, key);
    expect(second.messageId).toBe(first.messageId);
    const other = await poster.post(ref('502'), digest, 'discord:100000000000000001:502:2026-11-24');
    expect(other.messageId).not.toBe(first.messageId);
    // Like Discord, the fake forgets a nonce after minutes: a nonce alone cannot settle a retry after a lease.
    fake.advance(3 * 60_000);
    const late = await poster.post(ref('502'), digest, key);
    expect(late.messageId).not.toBe(first.messageId);
    fake.advance(-3 * 60_000);
  });

  it('finds its own tagged post after the first claim, whatever the slot date, and nothing before it or by others', async () => {
    const since = new Date(fake.now());
    const key = 'discord:100000000000000001:503:2027-11-23';
    expect(await poster.findPosted(ref('503'), key, since)).toBeUndefined();
    const posted = await poster.post(ref('503'), digest, key);
    expect(await poster.findPosted(ref('503'), key, since)).toEqual(posted);
    expect(await poster.findPosted(ref('503'), key, new Date(since.getTime() + 10 * 60_000))).toBeUndefined();
    expect(await poster.findPosted(ref('503'), 'discord:100000000000000001:503:2027-11-24', since)).toBeUndefined();
    const reads = fake.requests.filter((r) => r.method === 'GET' && r.path === '/channels/503/messages');
    for (const read of reads) expect(Number(read.query.get('limit'))).toBeLessThanOrEqual(100);
    expect(reads[0]?.query.get('after')).toMatch(/^\d+$/);
  });

  it('pages forward past more than 100 later messages', async () => {
    const since = new Date(fake.now());
    const key = 'discord:100000000000000001:504:2026-11-23';
    const posted = await poster.post(ref('504'), digest, key);
    const other = createDiscordPoster({ token: 'fake-token', apiUrl: fake.apiUrl, logger: silentLogger, clock: new FakeClock() });
    for (let i = 0; i < 120; i++) fake.messagesIn('504').unshift({ id: String(BigInt(posted.messageId) - BigInt(i + 1)), content: 'old' });
    fake.channelMessages.set('504', [
      ...fake.messagesIn('504'),
      ...Array.from({ length: 150 }, (_, i) => ({ id: String(BigInt(posted.messageId) + BigInt(i + 1)), content: 'chatter' })),
    ]);
    // The bot's post is the oldest after `since`, so the first page already has it; a search from before the old ones pages.
    expect(await other.findPosted(ref('504'), key, since)).toEqual(posted);
    expect(await other.findPosted(ref('504'), key, new Date(0))).toEqual(posted);
    other.close();
  });

  it.each([
    { status: 403, body: { message: 'Missing Access', code: 50001 }, kind: 'gone', reason: 'http_403' },
    { status: 404, body: { message: 'Unknown Channel', code: 10003 }, kind: 'gone', reason: 'http_404' },
    { status: 400, body: { message: 'Invalid Form Body', code: 50035 }, kind: 'fatal', reason: 'http_400' },
  ])('maps HTTP $status to $kind', async ({ status, body, kind, reason }) => {
    const channel = `6${status}`;
    fake.failNext('POST', new RegExp(`^/channels/${channel}/messages$`), { status, body });
    const error = await poster.post(ref(channel), digest, `slot-${status}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostError);
    expect(error).toMatchObject({ kind, reason });
  });

  it('treats a 401 as fatal, then and afterwards (the client drops a rejected token)', async () => {
    const own = createDiscordPoster({ token: 'revoked', apiUrl: fake.apiUrl, logger: silentLogger, clock: new FakeClock() });
    fake.failNext('POST', /^\/channels\/401\/messages$/, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    for (const slot of ['first', 'second']) {
      const error = await own.post(ref('401'), digest, slot).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'fatal', reason: 'http_401' });
    }
    own.close();
  });

  it('maps repeated 5xx to transient after a bounded retry', async () => {
    for (let i = 0; i < 2; i++) fake.failNext('POST', /^\/channels\/700\/messages$/, { status: 503, body: { message: 'unavailable' } });
    const error = await poster.post(ref('700'), digest, 'slot-503').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', reason: 'http_503' });
    expect(fake.requests.filter((r) => r.path === '/channels/700/messages')).toHaveLength(2);
  });

  it('turns a long Retry-After into rate_limited without waiting it out', async () => {
    fake.failNext('POST', /^\/channels\/800\/messages$/, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
      headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
    });
    const error = await poster.post(ref('800'), digest, 'slot-429').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostError);
    expect(error).toMatchObject({ kind: 'rate_limited', reason: 'http_429' });
    expect((error as PostError).retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(fake.requests.filter((r) => r.path === '/channels/800/messages')).toHaveLength(1);
  });

  it.each([
    { scope: 'user', global: false, channel: '803', held: 'route' },
    { scope: 'shared', global: false, channel: '804', held: 'route' },
    { scope: 'global', global: true, channel: '805', held: 'global' },
  ])('says what a $scope 429 holds back: $held', async ({ scope, global, channel, held }) => {
    fake.failNext('POST', new RegExp(`^/channels/${channel}/messages$`), {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global },
      headers: { 'retry-after': '30', 'x-ratelimit-scope': scope, ...(global ? { 'x-ratelimit-global': 'true' } : {}) },
    });
    // A poster of its own: a global 429 stops its REST client for every route until the Retry-After.
    const own = createDiscordPoster({
      token: `scope-${scope}`,
      apiUrl: fake.apiUrl,
      logger: silentLogger,
      clock: new FakeClock(),
      timeoutMs: 5_000,
    });
    const error = await own.post(ref(channel), digest, `slot-429-${scope}`).catch((e: unknown) => e);
    own.close();
    expect(error).toMatchObject({ kind: 'rate_limited', scope: held });
  });

  it('lets the library wait out a short 429 and succeed', async () => {
    fake.failNext('POST', /^\/channels\/801\/messages$/, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.01, global: false },
      headers: { 'retry-after': '0.01', 'x-ratelimit-scope': 'user' },
    });
    const result = await poster.post(ref('801'), digest, 'slot-429-short');
    expect(result.messageId).toMatch(/^\d+$/);
    const attempts = fake.requests.filter((r) => r.path === '/channels/801/messages');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.body.nonce).toBe(attempts[0]?.body.nonce);
  });

  it('gives up on a run of 429s instead of retrying forever', async () => {
    for (let i = 0; i < 5; i++) {
      fake.failNext('POST', /^\/channels\/802\/messages$/, {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.01, global: false },
        headers: { 'retry-after': '0.01' },
      });
    }
    const error = await poster.post(ref('802'), digest, 'slot-429-run').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate_limited' });
    expect(fake.requests.filter((r) => r.path === '/channels/802/messages').length).toBeLessThanOrEqual(3);
  });

  it('posts a digest too long for one message as several, each with its own nonce', async () => {
    const long: Reply = {
      ...digest,
      blocks: Array.from({ length: 14 }, (_, i) => ({
        kind: 'result' as const,
        title: `Item ${i}`,
        body: [{ text: 'word '.repeat(200) }],
        citation: { docId: `doc${i}`, title: 'x' },
      })),
    };
    const result = await poster.post(ref('900'), long, 'slot-long');
    const posts = fake.requests.filter((r) => r.path === '/channels/900/messages');
    expect(posts.length).toBeGreaterThan(1);
    expect(new Set(posts.map((p) => p.body.nonce)).size).toBe(posts.length);
    for (const post of posts) expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(result.messageId).toMatch(/^\d+$/);
  });
});
