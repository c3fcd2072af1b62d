import { z } from 'zod';
import { checkTimeZone } from '../core/calendar/time-zone.js';
import { describeSubscription } from '../core/digest/describe-subscription.js';
import { digestMessages } from '../core/digest/digest-messages.js';
import { parseTimeOfDay } from '../core/digest/parse-time-of-day.js';
import { previewDigest } from '../core/digest/preview-digest.js';
import { followMessages } from '../core/follow/follow-messages.js';
import { type Block, type Reply, textReply } from '../core/reply.js';
import type { Follow } from '../core/store/follow-types.js';
import { isTerminalSlotState } from '../core/store/slot-states.js';
import type { ChangeAction, ChannelRef, Subscription } from '../core/store/store-types.js';
import { UserError } from '../core/user-error.js';
import { type CommandContext, defineCommand } from './command.js';
import { isOperator } from './is-operator.js';

const ACTIONS = ['subscribe', 'unsubscribe', 'pause', 'resume', 'status', 'preview', 'list'] as const;
/** Subscriptions per `/digest list` page: well within a Slack message's blocks and a Discord embed's text. */
export const LIST_PAGE = 20;
/** How many slots `/digest status` shows. */
const RECENT_SLOTS = 3;
/** Actions that change the channel's public daily post: only its managers may run them. */
const CHANGES: ReadonlySet<string> = new Set(['subscribe', 'unsubscribe', 'pause', 'resume']);
/** Actions that (re)start posting: refused where the bot could not find its own posts again. */
const STARTS: ReadonlySet<string> = new Set(['subscribe', 'resume']);

export const digestCommand = defineCommand({
  name: 'digest',
  description: 'A daily "on this day" post for this channel, at its own local time',
  options: z.object({
    action: z.enum(ACTIONS).default('status').describe('subscribe, unsubscribe, pause, resume, status, preview or list'),
    time: z.string().max(10).optional().describe('Local time of day for subscribe, HH:MM (24-hour)'),
    timezone: z.string().max(64).optional().describe('IANA time zone for subscribe, e.g. Asia/Almaty'),
    empty: z.boolean().optional().describe('Also post on days with nothing to report'),
    offset: z.number().int().min(0).max(10_000_000).optional().describe('For list: subscriptions to skip, for the next page'),
  }),
  positional: ['action', 'time', 'timezone'],
  restrictedTo: 'channel_managers',
  autocomplete: { timezone: 'timezone' },
  examples: ['digest subscribe 09:00 Asia/Almaty', 'digest status', 'digest preview', 'digest pause'],
  async json(options, ctx) {
    const now = ctx.clock.now();
    if (options.action === 'list') {
      const { subs, more } = await listPage(ctx, options.offset ?? 0);
      const shown = (await mayNameChannels(ctx)) ? subs : subs.filter((sub) => sub.channel === ctx.channel);
      const follows = await followsShown(ctx);
      return {
        subscriptions: shown.map((sub) => describeSubscription(sub, now)),
        nextOffset: more ? (options.offset ?? 0) + LIST_PAGE : null,
        follows: follows.map(({ platform, workspace, channel, filter, createdBy, createdAt, status, pausedReason }) => ({
          platform,
          workspace,
          channel,
          filter,
          createdBy,
          createdAt,
          status,
          pausedReason,
        })),
      };
    }
    const ref = channelOf(ctx);
    const sub = ref ? await ctx.services.store.getSubscription(ref) : undefined;
    if (options.action === 'status') return { subscription: sub ? describeSubscription(sub, now, await settledDates(sub, ctx)) : null };
    const reply = await runAction(options, ctx);
    if (reply.isError) throw new UserError('digest_failed', reply.fallback);
    const after = ref ? await ctx.services.store.getSubscription(ref) : undefined;
    return { message: reply.fallback, subscription: after ? describeSubscription(after, now) : null };
  },
  run: (options, ctx) => runAction(options, ctx),
});

interface DigestOptions {
  action: (typeof ACTIONS)[number];
  time?: string | undefined;
  timezone?: string | undefined;
  empty?: boolean | undefined;
  offset?: number | undefined;
}

async function runAction(options: DigestOptions, ctx: CommandContext): Promise<Reply> {
  const store = ctx.services.store;
  const ref = channelOf(ctx);
  if (!ref) return textReply('Digests are posted to channels; run this from the console or a Slack/Discord channel.', { isError: true });
  if (STARTS.has(options.action) && ctx.digestAccess.channelRefusal) return textReply(ctx.digestAccess.channelRefusal, { isError: true });
  // Operators (console, CLI, READOUT_OPERATORS) may change any channel's digest; everyone else as the platform's roles say.
  if (CHANGES.has(options.action) && !isOperator(ctx)) {
    const refusal = await ctx.digestAccess.checkManager();
    if (refusal) return textReply(refusal, { isError: true });
  }
  const existing = await store.getSubscription(ref);
  switch (options.action) {
    case 'subscribe': {
      if (!options.time)
        return textReply('Say when: /digest subscribe 09:00 Europe/London (24-hour time, IANA time zone).', { isError: true });
      const time = parseTimeOfDay(options.time);
      if (!time.ok) return textReply(time.problem.message, { isError: true });
      const zone = checkTimeZone(options.timezone ?? existing?.timezone ?? ctx.timezone);
      if (!zone.ok) return textReply(zone.problem.message, { isError: true });
      const sub = await store.upsertSubscription({
        ...ref,
        time: time.time,
        timezone: zone.timezone,
        postEmpty: options.empty ?? existing?.postEmpty ?? false,
        status: 'active',
        pausedReason: null,
      });
      const moved = existing && (existing.time !== sub.time || existing.timezone !== sub.timezone);
      if (!existing || moved || existing.status !== 'active') {
        await logChange(
          ctx,
          ref,
          existing ? 'changed' : 'subscribed',
          `${existing && moved ? `${existing.time} ${existing.timezone} → ` : ''}${sub.time} ${sub.timezone}`,
        );
      }
      // A time without a zone is ambiguous: say which zone was used and how to pick another.
      const zoneHint = options.timezone
        ? ''
        : ` No time zone was given, so this uses ${sub.timezone} (${existing ? "the channel's earlier one" : 'the default'}); to change it: /digest subscribe ${sub.time} Asia/Almaty (any IANA zone).`;
      return textReply(
        `${existing ? 'Updated' : 'Subscribed'}: this channel gets the digest every day at ${sub.time} (${sub.timezone}). ${nextLine(sub, ctx)}${zoneHint}`,
        { visibility: 'public' },
      );
    }
    case 'unsubscribe':
      return (await store.removeSubscription(ref))
        ? await logChange(ctx, ref, 'unsubscribed', null).then(() =>
            textReply('Unsubscribed: no more daily digests here.', { visibility: 'public' }),
          )
        : textReply('This channel has no digest subscription. /digest subscribe 09:00 Europe/London starts one.', { isError: true });
    case 'pause':
    case 'resume': {
      if (!existing)
        return textReply('This channel has no digest subscription yet. Start one with /digest subscribe 09:00 Europe/London.', {
          isError: true,
        });
      const sub = (await store.setSubscriptionStatus(ref, options.action === 'pause' ? 'paused' : 'active', null))!;
      if (sub.status !== existing.status) await logChange(ctx, ref, options.action === 'pause' ? 'paused' : 'resumed', null);
      return textReply(
        options.action === 'pause' ? 'Paused: the digest will not post until /digest resume.' : `Resumed. ${nextLine(sub, ctx)}`,
        { visibility: 'public' },
      );
    }
    case 'status':
      return existing
        ? await statusReply(existing, ctx)
        : textReply('No digest here. /digest subscribe 09:00 Europe/London posts "on this day" every morning.');
    case 'preview':
      return previewReply(existing, ctx);
    case 'list':
      return await listReply(ctx, options.offset ?? 0);
  }
}

/** Writes the change to the store's change log; a log that cannot be written does not undo the change. */
async function logChange(ctx: CommandContext, ref: ChannelRef, action: ChangeAction, detail: string | null): Promise<void> {
  await ctx.services.store
    .recordChange({ ...ref, action, actor: ctx.user, surface: ctx.platform, detail })
    .catch((error: unknown) => ctx.services.logger.warn({ err: error, action }, 'change log entry not written'));
}

function channelOf(ctx: CommandContext): ChannelRef | undefined {
  if (ctx.platform === 'cli') return undefined;
  return { platform: ctx.platform, workspace: ctx.workspace, channel: ctx.channel };
}

/** The local dates whose slot the ledger has closed for this channel (the next few days at most matter). */
async function settledDates(sub: Subscription, ctx: CommandContext): Promise<(localDate: string) => boolean> {
  const slots = await ctx.services.store.listSlots({
    platform: sub.platform,
    workspace: sub.workspace,
    channel: sub.channel,
    kind: 'digest',
    limit: RECENT_SLOTS,
  });
  const closed = new Set(slots.filter((slot) => isTerminalSlotState(slot.state)).map((slot) => slot.localDate));
  return (localDate) => closed.has(localDate);
}

function nextLine(sub: Subscription, ctx: CommandContext, settled?: (localDate: string) => boolean): string {
  const status = describeSubscription(sub, ctx.clock.now(), settled);
  if (status.pausedMessage) return status.pausedMessage;
  return status.nextRun ? `Next digest: ${status.nextRun.local}.` : '';
}

async function statusReply(sub: Subscription, ctx: CommandContext): Promise<Reply> {
  // The store lists newest first; read only the last few (a channel's history can be long), shown oldest to newest.
  const slots = await ctx.services.store.listSlots({
    platform: sub.platform,
    workspace: sub.workspace,
    channel: sub.channel,
    kind: 'digest',
    limit: RECENT_SLOTS,
  });
  const recent = [...slots].reverse().map((slot) => `${slot.localDate}: ${slot.state}${slot.reason ? ` (${slot.reason})` : ''}`);
  // A day whose slot is already settled (posted by `digest run`, skipped, failed) does not post again: the next is later.
  const closed = new Set(slots.filter((slot) => isTerminalSlotState(slot.state)).map((slot) => slot.localDate));
  const lines = [
    `Digest ${sub.status === 'active' ? 'active' : 'paused'}: every day at ${sub.time} (${sub.timezone})${sub.postEmpty ? ', also on empty days' : ''}.`,
    nextLine(sub, ctx, (localDate) => closed.has(localDate)),
    ...(recent.length ? [`Recent: ${recent.join('; ')}`] : []),
  ].filter(Boolean);
  return {
    visibility: 'ephemeral',
    blocks: [{ kind: 'heading', text: 'Digest status' }, ...lines.map((line) => ({ kind: 'text' as const, text: [{ text: line }] }))],
    buttons: [],
    fallback: lines.join(' '),
  };
}

function previewReply(sub: Subscription | undefined, ctx: CommandContext): Reply {
  const timezone = sub?.timezone ?? ctx.timezone;
  const reply = previewDigest(ctx.services.corpus, {
    timezone,
    clock: ctx.clock,
    nearbyWindow: ctx.services.nearbyWindow,
    strongestQuote: (docId) => ctx.services.quotes.strongestIn(docId),
  });
  return {
    ...reply,
    blocks: [...reply.blocks, { kind: 'note', text: `Preview only, shown to you (${timezone}); nothing was posted to the channel.` }],
  };
}

/**
 * One page of the subscriptions the asker's workspace has, read a page at a time from the store (the chat
 * platforms see their own workspace only; the console and the CLI, run by the operator, see every one).
 */
async function listPage(ctx: CommandContext, offset: number): Promise<{ subs: Subscription[]; more: boolean }> {
  const store = ctx.services.store;
  const page = { offset, limit: LIST_PAGE + 1 };
  const rows =
    ctx.platform === 'console' || ctx.platform === 'cli'
      ? await store.listSubscriptions(page)
      : await store.listWorkspaceSubscriptions({ platform: ctx.platform, workspace: ctx.workspace }, page);
  return { subs: rows.slice(0, LIST_PAGE), more: rows.length > LIST_PAGE };
}

/** Other channels' ids (private channels among them) are shown only to those who may change digests. */
async function mayNameChannels(ctx: CommandContext): Promise<boolean> {
  return isOperator(ctx) || (await ctx.digestAccess.checkManager()) === undefined;
}

/** The follows of the asker's workspace (every one for the console and the CLI), others' channels only to those who may name them. */
async function followsShown(ctx: CommandContext): Promise<Follow[]> {
  const follows = await ctx.services.store.listFollows(followScope(ctx));
  return (await mayNameChannels(ctx)) ? follows : follows.filter((follow) => follow.channel === ctx.channel);
}

async function listReply(ctx: CommandContext, offset: number): Promise<Reply> {
  const { subs, more } = await listPage(ctx, offset);
  // The follows come with the first page: a channel told about new readouts is listed beside the digests.
  const follows = offset === 0 ? await ctx.services.store.listFollows(followScope(ctx)) : [];
  if (subs.length === 0 && follows.length === 0)
    return textReply(offset === 0 ? digestMessages.listEmpty : digestMessages.listNoMore(offset));
  const named = await mayNameChannels(ctx);
  const everywhere = ctx.platform === 'console' || ctx.platform === 'cli';
  const label = (sub: ChannelRef) => {
    if (everywhere) return `${sub.platform}:${sub.workspace}:${sub.channel}`;
    if (sub.channel === ctx.channel) return `${sub.channel} (${digestMessages.listThisChannel})`;
    return named ? sub.channel : digestMessages.listAnotherChannel;
  };
  const items = subs.map((sub) => [
    { text: label(sub), emphasis: 'strong' as const },
    { text: ` ${sub.time} ${sub.timezone} — ${nextLine(sub, ctx)}` },
  ]);
  const followBlocks: Block[] =
    follows.length === 0
      ? []
      : [
          { kind: 'heading', text: followMessages.listHeading },
          {
            kind: 'list',
            items: follows.slice(0, LIST_PAGE).map((follow) => [
              { text: label(follow), emphasis: 'strong' as const },
              {
                text: ` ${followMessages.listLine(follow.filter)}${follow.status === 'paused' ? followMessages.pausedNote(follow.pausedReason) : ''}`,
              },
            ]),
          },
          ...(follows.length > LIST_PAGE ? [{ kind: 'note' as const, text: followMessages.listMore(follows.length - LIST_PAGE) }] : []),
        ];
  const heading = subs.length > 0 ? digestMessages.listHeading(offset + 1, offset + subs.length) : digestMessages.listEmpty;
  return {
    visibility: 'ephemeral',
    blocks: [
      { kind: 'heading', text: heading },
      ...(subs.length > 0 ? [{ kind: 'list' as const, items }] : []),
      ...followBlocks,
      ...(named ? [] : [{ kind: 'note' as const, text: digestMessages.listIdsHidden }]),
    ],
    buttons: more
      ? [{ id: 'more', label: digestMessages.listMore, action: { command: 'digest', args: `list --offset ${offset + LIST_PAGE}` } }]
      : [],
    fallback: follows.length > 0 ? `${heading}; ${followMessages.listHeading}: ${follows.length}` : heading,
  };
}

function followScope(ctx: CommandContext): { platform?: ChannelRef['platform']; workspace?: string } {
  if (ctx.platform === 'console' || ctx.platform === 'cli') return {};
  return { platform: ctx.platform, workspace: ctx.workspace };
}
