import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackBlock } from '../../../src/adapters/slack/render-blocks.js';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import { PostError } from '../../../src/core/digest/digest-types.js';
import { type Reply, textReply } from '../../../src/core/reply.js';
import type { ChannelRef } from '../../../src/core/store/store-types.js';
import { FakeSlackApi, type ScriptedAnswer } from '../../fakes/fake-slack-api.js';
import { expectWithinLimits } from '../../fakes/slack-block-limits.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { slackTestServices } from '../../fakes/slack-services.js';

const REF: ChannelRef = { platform: 'slack', workspace: 'T0FAKE', channel: 'C0DIGEST' };
const SLOT = 'slack:T0FAKE:C0DIGEST:2026-06-17';
const DIGEST = textReply('On this day: <!channel> 2025-06-17', { visibility: 'public' });
/** When the slot was first claimed: the fake's clock starts here. */
const CLAIMED = new Date('2026-06-17T09:00:00Z');
const MINUTE = 60_000;

describe('Slack digest poster, against a fake Web API', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;

  beforeEach(async () => {
    fake = await FakeSlackApi.start();
    // Posts land on the slot's own day, whatever the wall clock says.
    fake.nowSeconds = CLAIMED.getTime() / 1000;
    const logger = new RecordingLogger();
    adapter = await startSlackAdapter({
      botToken: 'xoxb-e2e',
      signingSecret: 'secret',
      port: 0,
      apiUrl: fake.apiUrl,
      services: slackTestServices({ logger }),
      commands: [],
      logger,
    });
  });

  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  it('posts with chat.postMessage, tagged with the slot in metadata, and returns the ts', async () => {
    const result = await adapter.poster.post(REF, DIGEST, SLOT);
    const [call] = fake.callsOf('chat.postMessage');
    expect(call!.params['channel']).toBe('C0DIGEST');
    expect(call!.params['metadata']).toEqual({ event_type: 'readout_digest', event_payload: { slot: SLOT } });
    expect(call!.authorization).toBe('Bearer xoxb-e2e');
    expect(JSON.stringify(call!.params['blocks'])).toContain('&lt;!channel&gt;');
    expect(result.messageId).toBe(fake.channels.get('C0DIGEST')![0]!.ts);
  });

  it('keeps a long digest within one message, noting the cut, with inline buttons only', async () => {
    const long: Reply = {
      visibility: 'public',
      blocks: Array.from({ length: 40 }, (_, i) => ({
        kind: 'result' as const,
        title: `Item ${i}`,
        body: [{ text: 'body' }],
        citation: { docId: `d${i}`, title: 't' },
      })),
      buttons: [
        { id: 'open', label: 'Open d0', action: { command: 'doc', args: 'd0' } },
        { id: 'more', label: 'Too long to carry', action: { command: 'lookup', args: 'x'.repeat(3000) } },
      ],
      fallback: 'On this day',
    };
    await adapter.poster.post(REF, long, SLOT);
    const blocks = fake.callsOf('chat.postMessage')[0]!.params['blocks'] as SlackBlock[];
    expectWithinLimits(blocks);
    expect(JSON.stringify(blocks)).toContain('did not fit in one Slack message');
    const buttons = blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.map((b) => ('value' in b ? b.value : undefined))).toEqual(['{"k":"a","c":"doc","a":"d0"}']);
  });

  it('survives a 429: the poster reports rate_limited at once, the retry posts exactly once', async () => {
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } });
    const failure = await adapter.poster.post(REF, DIGEST, SLOT).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PostError);
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterMs: 0 });
    // The runner first asks whether the uncertain attempt landed, then retries.
    expect(await adapter.poster.findPosted(REF, SLOT, CLAIMED)).toBeUndefined();
    const posted = await adapter.poster.post(REF, DIGEST, SLOT);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
    expect(fake.channels.get('C0DIGEST')).toHaveLength(1);
    fake.advance(MINUTE);
    expect(await adapter.poster.findPosted(REF, SLOT, CLAIMED)).toEqual(posted);
    fake.advance(MINUTE);
    expect(await adapter.poster.findPosted(REF, 'slack:T0FAKE:C0DIGEST:2026-06-18', CLAIMED)).toBeUndefined();
  });

  it('reads Retry-After in seconds into retryAfterMs', async () => {
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    await expect(adapter.poster.post(REF, DIGEST, SLOT)).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
  });

  it.each<[string, ScriptedAnswer, Partial<PostError>]>([
    ['channel_not_found', { body: { ok: false, error: 'channel_not_found' } }, { kind: 'gone', reason: 'channel_not_found' }],
    ['not_in_channel', { body: { ok: false, error: 'not_in_channel' } }, { kind: 'gone', reason: 'not_in_channel' }],
    ['is_archived', { body: { ok: false, error: 'is_archived' } }, { kind: 'gone', reason: 'is_archived' }],
    ['invalid_auth', { body: { ok: false, error: 'invalid_auth' } }, { kind: 'fatal', reason: 'invalid_auth' }],
    ['internal_error', { body: { ok: false, error: 'internal_error' } }, { kind: 'transient', reason: 'internal_error' }],
    ['HTTP 503', { status: 503, body: { ok: false } }, { kind: 'transient', reason: 'http_503' }],
    ['HTTP 500', { status: 500, body: { ok: false } }, { kind: 'transient', reason: 'http_500' }],
  ])('maps %s to a PostError without retrying', async (_name, answer, expected) => {
    fake.script('chat.postMessage', answer);
    await expect(adapter.poster.post(REF, DIGEST, SLOT)).rejects.toMatchObject(expected);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('searches from the first claim, 15 messages a call, and resumes a search the rate limit cut short from its stored position', async () => {
    const posted = await adapter.poster.post(REF, DIGEST, SLOT);
    fake.chatter('C0DIGEST', 40);
    // The ledger keeps the position between attempts (and processes); here a plain variable stands in for it.
    const progress = {
      page: 0,
      position: null as string | null,
      async advance(position: string) {
        progress.position = position;
      },
    };
    // Page 1 (15 newest) misses it, page 2 is refused by the once-a-minute limit: not "not posted", an error.
    await expect(adapter.poster.findPosted(REF, SLOT, CLAIMED, progress)).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(JSON.parse(progress.position!)).toMatchObject({ cursor: '15' });
    fake.advance(MINUTE);
    await expect(adapter.poster.findPosted(REF, SLOT, CLAIMED, progress)).rejects.toMatchObject({ kind: 'rate_limited' });
    fake.advance(MINUTE);
    expect(await adapter.poster.findPosted(REF, SLOT, CLAIMED, progress)).toEqual(posted);
    const calls = fake.callsOf('conversations.history');
    expect(calls.map((call) => call.params['limit'])).toEqual(Array(calls.length).fill('15'));
    expect(calls.map((call) => call.params['oldest'])).toEqual(Array(calls.length).fill(`${CLAIMED.getTime() / 1000 - 60}.000000`));
    // Resumed where it stopped: offsets 15 and 30, never page 1 again.
    expect(calls.filter((call) => call.params['cursor'] !== undefined).map((call) => call.params['cursor'])).toContain('30');
  });

  it('finds a post made long after the slot date (an operator --date run a year ahead)', async () => {
    const yearAhead = 'slack:T0FAKE:C0DIGEST:2027-06-17';
    const posted = await adapter.poster.post(REF, DIGEST, yearAhead);
    expect(await adapter.poster.findPosted(REF, yearAhead, CLAIMED)).toEqual(posted);
  });

  it('ignores a message from before the first claim, and one tagged by another app', async () => {
    fake.nowSeconds = CLAIMED.getTime() / 1000 - 3_600;
    await adapter.poster.post(REF, DIGEST, SLOT);
    fake.nowSeconds = CLAIMED.getTime() / 1000;
    fake.channels.get('C0DIGEST')!.unshift({
      ts: `${CLAIMED.getTime() / 1000 + 5}.000001`,
      text: 'impostor',
      bot_id: 'B0OTHER',
      metadata: { event_type: 'readout_digest', event_payload: { slot: SLOT } },
    });
    expect(await adapter.poster.findPosted(REF, SLOT, CLAIMED)).toBeUndefined();
  });

  it('maps a failing conversations.history to a PostError too', async () => {
    fake.script('conversations.history', { body: { ok: false, error: 'channel_not_found' } });
    await expect(adapter.poster.findPosted(REF, SLOT, CLAIMED)).rejects.toMatchObject({ kind: 'gone', reason: 'channel_not_found' });
  });
});
