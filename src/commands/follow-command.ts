import { z } from 'zod';
import { followMessages as messages } from '../core/follow/follow-messages.js';
import { type Reply, textReply } from '../core/reply.js';
import { defineCommand } from './command.js';
import { followChannel } from './follow-access.js';

/** `/readout follow [filters]`: this channel is told about each new readout that matches, once, through the digest's ledger. */
export const followCommand = defineCommand({
  name: 'follow',
  description: 'Tell this channel about new readouts that match (person:, country:, words; nothing for all)',
  options: z.object({
    filter: z
      .string()
      .max(500)
      .default('')
      .describe('Filters and words a new readout must match, e.g. person:ruto country:kenya (empty: every new one)'),
  }),
  positional: ['filter'],
  rest: 'filter',
  restrictedTo: 'channel_managers',
  examples: ['follow person:ruto', 'follow country:kazakhstan trade', 'follow'],
  async run({ filter }, ctx): Promise<Reply> {
    const channel = await followChannel(ctx, true);
    if ('refusal' in channel) return textReply(channel.refusal, { isError: true });
    const text = filter.trim().replace(/\s+/g, ' ');
    if (text) {
      // The filters `/lookup` takes, checked as `/lookup` checks them: an unknown filter or name gets its friendly answer now.
      const checked = ctx.services.search.countMatches(text);
      if (!checked.ok) return textReply(checked.problem.message, { isError: true });
    }
    const { created } = await ctx.services.store.upsertFollow({ ...channel.ref, filter: text, createdBy: ctx.user });
    return textReply(messages.followed(text, !created), { visibility: 'public' });
  },
});
