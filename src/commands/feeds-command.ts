import { isIP } from 'node:net';
import { z } from 'zod';
import { feedMessages as messages } from '../core/feeds/feed-messages.js';
import { ingestMessages } from '../core/ingest/ingest-messages.js';
import { isPrivateAddress } from '../core/ingest/private-address.js';
import { type Block, type Reply, type RichText, textReply } from '../core/reply.js';
import type { Feed } from '../core/store/corpus-store-types.js';
import { defineCommand } from './command.js';
import { corpusCommandMessages } from './command-messages.js';
import { isOperator } from './is-operator.js';

/** `/readout feeds [add|list|remove] [url]` (operators): the feeds polled for new readouts; `readout feeds …` on the command line. */
export const feedsCommand = defineCommand({
  name: 'feeds',
  description: 'Operators: the RSS, Atom or RDF feeds polled for new readouts (list, add, remove)',
  options: z.object({
    action: z.enum(['list', 'add', 'remove']).default('list').describe('list (default), add or remove'),
    url: z.string().trim().min(1).max(2000).optional().describe('The feed address, for add and remove'),
    backfill: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(0)
      .describe('With add: also add this many of the newest items the feed already holds (default 0: only new ones)'),
  }),
  positional: ['action', 'url'],
  examples: [
    'feeds',
    'feeds add https://english.news.cn/rss/world.xml',
    'feeds add https://example.org/atom.xml --backfill 3',
    'feeds remove https://example.org/atom.xml',
  ],
  json: async (_options, ctx) => ({ feeds: await ctx.services.store.listFeeds() }),
  async run({ action, url, backfill }, ctx): Promise<Reply> {
    if (!isOperator(ctx)) return textReply(corpusCommandMessages.operatorsOnly('readout feeds'), { isError: true });
    const store = ctx.services.store;
    if (action === 'list') return listReply(await store.listFeeds());
    if (!url) return textReply(messages.needsUrl(action), { isError: true });
    const address = url.replace(/^<|>$/g, '').split('|')[0]!;
    if (action === 'remove') {
      const removed = await store.removeFeed(address);
      return textReply(removed ? messages.removed(address) : messages.notFound(address), removed ? {} : { isError: true });
    }
    let parsed: URL;
    try {
      parsed = new URL(address);
    } catch {
      return textReply(ingestMessages.badUrl(address), { isError: true });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return textReply(ingestMessages.badUrl(address), { isError: true });
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    // Names are checked on the address each poll connects to; a literal address can be refused now.
    if (!ctx.services.ingestAllowPrivate && isIP(host) !== 0 && isPrivateAddress(host))
      return textReply(ingestMessages.privateAddress(parsed.host), { isError: true });
    const { created } = await store.addFeed({
      url: parsed.toString(),
      addedBy: `${ctx.platform}:${ctx.user}`,
      backfill,
      nextPollAt: ctx.clock.now(),
    });
    return textReply(created ? messages.added(parsed.toString(), backfill) : messages.reenabled(parsed.toString(), backfill));
  },
});

function listReply(feeds: readonly Feed[]): Reply {
  if (feeds.length === 0) return textReply(messages.none());
  const blocks: Block[] = [
    { kind: 'heading', text: messages.heading(feeds.length) },
    {
      kind: 'list',
      items: feeds.map(
        (feed): RichText => [
          { text: feed.url, emphasis: 'code' },
          {
            text: ` ${
              feed.status === 'disabled'
                ? messages.disabled(feed.disabledReason)
                : messages.line('active', feed.lastPolledAt, feed.nextPollAt, feed.failures)
            }`,
          },
        ],
      ),
    },
  ];
  const fallback = feeds
    .map((feed) => `${feed.url}: ${feed.status === 'disabled' ? messages.disabled(feed.disabledReason) : feed.status}`)
    .join('; ');
  return { visibility: 'ephemeral', blocks, buttons: [], fallback };
}
