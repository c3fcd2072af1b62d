import { z } from 'zod';
import { followMessages as messages } from '../core/follow/follow-messages.js';
import { type Reply, textReply } from '../core/reply.js';
import { defineCommand } from './command.js';
import { followChannel } from './follow-access.js';

/** `/readout unfollow`: this channel is no longer told about new readouts. */
export const unfollowCommand = defineCommand({
  name: 'unfollow',
  description: 'Stop telling this channel about new readouts',
  options: z.object({}),
  positional: [],
  restrictedTo: 'channel_managers',
  examples: ['unfollow'],
  async run(_options, ctx): Promise<Reply> {
    const channel = await followChannel(ctx, false);
    if ('refusal' in channel) return textReply(channel.refusal, { isError: true });
    return (await ctx.services.store.removeFollow(channel.ref))
      ? textReply(messages.unfollowed, { visibility: 'public' })
      : textReply(messages.notFollowing, { isError: true });
  },
});
