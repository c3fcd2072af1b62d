import { isIP } from 'node:net';
import { z } from 'zod';
import { feedMessages as messages } from '../core/feeds/feed-messages.js';
import { ingestMessages } from '../core/ingest/ingest-messages.js';
import { isPrivateAddress } from '../core/ingest/private-address.js';
import { type Block, type Reply, type RichText, textReply } from '../core/reply.js';
import type { Feed } from '../core/store/corpus-store-types.js';
import { type CommandContext, defineCommand } from './command.js';
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
  // The JSON form does what the text form does (add, remove), then lists every feed.
  json: async (options, ctx) => {
    const change = options.action === 'list' ? undefined : await changeFeeds(options, ctx);
    return { ...(change ? { ok: !change.isError, message: change.message } : {}), feeds: await ctx.services.store.listFeeds() };
  },
  async run(options, ctx): Promise<Reply> {
    if (!isOperator(ctx)) return textReply(corpusCommandMessages.operatorsOnly('readout feeds'), { isError: true });
    if (options.action === 'list') return listReply(await ctx.services.store.listFeeds());
    const change = await changeFeeds(options, ctx);
    return textReply(change.message, change.isError ? { isError: true } : {});
  },
});

/** Adds or removes a feed for an operator; the answer and whether it is an error. */
async function changeFeeds(
  { action, url, backfill }: { action: 'list' | 'add' | 'remove'; url?: string | undefined; backfill: number },
  ctx: CommandContext,
): Promise<{ message: string; isError: boolean }> {
  const refuse = (message: string) => ({ message, isError: true });
  if (!isOperator(ctx)) return refuse(corpusCommandMessages.operatorsOnly('readout feeds'));
  const store = ctx.services.store;
  if (!url) return refuse(messages.needsUrl(action));
  const address = url.replace(/^<|>$/g, '').split('|')[0]!;
  if (action === 'remove') {
    // Feeds are stored as the URL parser writes them (`https://host` as `https://host/`).
    const removed = (await store.removeFeed(address)) || (URL.canParse(address) && (await store.removeFeed(new URL(address).toString())));
    return removed ? { message: messages.removed(address), isError: false } : refuse(messages.notFound(address));
  }
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return refuse(ingestMessages.badUrl(address));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return refuse(ingestMessages.badUrl(address));
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // Names are checked on the address each poll connects to; a literal address can be refused now.
  if (!ctx.services.ingestAllowPrivate && isIP(host) !== 0 && isPrivateAddress(host))
    return refuse(ingestMessages.privateAddress(parsed.host));
  const feedUrl = parsed.toString();
  const { created } = await store.addFeed({ url: feedUrl, addedBy: `${ctx.platform}:${ctx.user}`, backfill, nextPollAt: ctx.clock.now() });
  return { message: created ? messages.added(feedUrl, backfill) : messages.reenabled(feedUrl, backfill), isError: false };
}

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
