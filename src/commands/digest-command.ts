import { z } from 'zod';
import { onThisDay } from '../core/calendar/on-this-day.js';
import { checkTimeZone } from '../core/calendar/time-zone.js';
import { todayIn } from '../core/calendar/today-in.js';
import { buildDigestReply } from '../core/digest/build-digest-reply.js';
import { digestMessages } from '../core/digest/digest-messages.js';
import { nextRunAt } from '../core/digest/next-run-at.js';
import { parseTimeOfDay } from '../core/digest/parse-time-of-day.js';
import { type Reply, textReply } from '../core/reply.js';
import type { ChannelRef, Subscription } from '../core/store/store-types.js';
import { type CommandContext, defineCommand } from './command.js';

const ACTIONS = ['subscribe', 'unsubscribe', 'pause', 'resume', 'status', 'preview', 'list'] as const;

export const digestCommand = defineCommand({
  name: 'digest',
  description: 'A daily "on this day" post for this channel, at its own local time',
  options: z.object({
    action: z.enum(ACTIONS).default('status').describe('subscribe, unsubscribe, pause, resume, status, preview or list'),
    time: z.string().max(10).optional().describe('Local time of day for subscribe, HH:MM (24-hour)'),
    timezone: z.string().max(64).optional().describe('IANA time zone for subscribe, e.g. Asia/Almaty'),
    empty: z.boolean().optional().describe('Also post on days with nothing to report'),
  }),
  positional: ['action', 'time', 'timezone'],
  autocomplete: { timezone: 'timezone' },
  examples: ['digest subscribe 09:00 Asia/Almaty', 'digest status', 'digest preview', 'digest pause'],
  run(options, ctx): Reply {
    const store = ctx.services.store;
    const ref = channelOf(ctx);
    if (!ref) return textReply('Digests are posted to channels; run this from the console or a Slack/Discord channel.', { isError: true });
    const existing = store.getSubscription(ref);
    switch (options.action) {
      case 'subscribe': {
        if (!options.time)
          return textReply('Say when: /digest subscribe 09:00 Europe/London (24-hour time, IANA time zone).', { isError: true });
        const time = parseTimeOfDay(options.time);
        if (!time.ok) return textReply(time.problem.message, { isError: true });
        const zone = checkTimeZone(options.timezone ?? existing?.timezone ?? ctx.timezone);
        if (!zone.ok) return textReply(zone.problem.message, { isError: true });
        const sub = store.upsertSubscription({
          ...ref,
          time: time.time,
          timezone: zone.timezone,
          postEmpty: options.empty ?? existing?.postEmpty ?? false,
          status: 'active',
          pausedReason: null,
        });
        return textReply(
          `${existing ? 'Updated' : 'Subscribed'}: this channel gets the digest every day at ${sub.time} (${sub.timezone}). ${nextLine(sub, ctx)}`,
          { visibility: 'public' },
        );
      }
      case 'unsubscribe':
        return store.removeSubscription(ref)
          ? textReply('Unsubscribed: no more daily digests here.', { visibility: 'public' })
          : textReply('This channel has no digest subscription. /digest subscribe 09:00 Europe/London starts one.', { isError: true });
      case 'pause':
      case 'resume': {
        if (!existing)
          return textReply('This channel has no digest subscription yet. Start one with /digest subscribe 09:00 Europe/London.', {
            isError: true,
          });
        const sub = store.setSubscriptionStatus(ref, options.action === 'pause' ? 'paused' : 'active', null)!;
        return textReply(
          options.action === 'pause' ? 'Paused: the digest will not post until /digest resume.' : `Resumed. ${nextLine(sub, ctx)}`,
          { visibility: 'public' },
        );
      }
      case 'status':
        return existing
          ? statusReply(existing, ctx)
          : textReply('No digest here. /digest subscribe 09:00 Europe/London posts "on this day" every morning.');
      case 'preview':
        return previewReply(existing, ctx);
      case 'list':
        return listReply(ctx);
    }
  },
});

function channelOf(ctx: CommandContext): ChannelRef | undefined {
  if (ctx.platform === 'cli') return undefined;
  return { platform: ctx.platform, workspace: ctx.workspace, channel: ctx.channel };
}

function nextLine(sub: Subscription, ctx: CommandContext): string {
  if (sub.status === 'paused') return digestMessages.pausedBecause(sub.pausedReason);
  const next = nextRunAt(sub, ctx.clock.now());
  return next ? `Next digest: ${next.local}.` : '';
}

function statusReply(sub: Subscription, ctx: CommandContext): Reply {
  const recent = ctx.services.store
    .listSlots({ platform: sub.platform, workspace: sub.workspace, channel: sub.channel })
    .slice(-3)
    .map((slot) => `${slot.localDate}: ${slot.state}${slot.reason ? ` (${slot.reason})` : ''}`);
  const lines = [
    `Digest ${sub.status === 'active' ? 'active' : 'paused'}: every day at ${sub.time} (${sub.timezone})${sub.postEmpty ? ', also on empty days' : ''}.`,
    nextLine(sub, ctx),
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
  const date = todayIn(timezone, ctx.clock);
  const result = onThisDay(ctx.services.corpus, {
    date,
    window: ctx.services.nearbyWindow,
    includeLeapDay: true,
    strongestQuote: (docId) => ctx.services.quotes.strongestIn(docId),
  });
  const reply = buildDigestReply(result, date, { postEmpty: true })!;
  return {
    ...reply,
    visibility: 'ephemeral',
    blocks: [...reply.blocks, { kind: 'note', text: `Preview only, shown to you (${timezone}); nothing was posted to the channel.` }],
  };
}

function listReply(ctx: CommandContext): Reply {
  const subs = ctx.services.store
    .listSubscriptions()
    .filter((sub) => ctx.platform === 'console' || (sub.platform === ctx.platform && sub.workspace === ctx.workspace));
  if (subs.length === 0) return textReply('No digest subscriptions yet.');
  const items = subs.map((sub) => [
    { text: `${sub.platform}:${sub.workspace}:${sub.channel}`, emphasis: 'strong' as const },
    {
      text: ` ${sub.time} ${sub.timezone} — ${sub.status === 'active' ? nextLine(sub, ctx) : digestMessages.pausedBecause(sub.pausedReason)}`,
    },
  ]);
  return {
    visibility: 'ephemeral',
    blocks: [
      { kind: 'heading', text: 'Digest subscriptions' },
      { kind: 'list', items },
    ],
    buttons: [],
    fallback: `${subs.length} subscriptions`,
  };
}
