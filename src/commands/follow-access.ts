import { followMessages } from '../core/follow/follow-messages.js';
import type { ChannelRef } from '../core/store/store-types.js';
import type { CommandContext } from './command.js';
import { isOperator } from './is-operator.js';

/**
 * The channel a follow belongs to and whether the asker may change it: the rule of `/digest subscribe` (operators
 * anywhere; elsewhere whoever the platform's roles let manage the channel). A refusal is the text to answer with.
 */
export async function followChannel(ctx: CommandContext, starts: boolean): Promise<{ ref: ChannelRef } | { refusal: string }> {
  if (ctx.platform === 'cli') return { refusal: followMessages.notInChannel };
  const ref: ChannelRef = { platform: ctx.platform, workspace: ctx.workspace, channel: ctx.channel };
  if (starts && ctx.digestAccess.channelRefusal) return { refusal: ctx.digestAccess.channelRefusal };
  if (!isOperator(ctx)) {
    const refusal = await ctx.digestAccess.checkManager();
    if (refusal) return { refusal };
  }
  return { ref };
}
