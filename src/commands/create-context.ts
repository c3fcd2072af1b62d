import { type Clock, systemClock } from '../core/clock.js';
import type { CommandContext, DigestAccess, Services } from './command.js';
import { commandMessages } from './command-messages.js';

/** The console and the CLI are operators: they may change any channel's digest. */
export const operatorDigestAccess: DigestAccess = { checkManager: async () => undefined };

/** A chat adapter that does not say who may change a digest lets nobody: the safe default. */
const unknownDigestAccess: DigestAccess = { checkManager: async () => commandMessages.digestAccessUnknown };

/** Builds the context of one invocation; the channel's time zone is its digest subscription's, else the default. */
export async function createContext(
  where: { platform: CommandContext['platform']; workspace: string; channel: string; user: string },
  services: Services,
  options: { clock?: Clock; random?: () => number; digestAccess?: DigestAccess } = {},
): Promise<CommandContext> {
  const subscription =
    where.platform === 'cli'
      ? undefined
      : await services.store.getSubscription({ platform: where.platform, workspace: where.workspace, channel: where.channel });
  return {
    ...where,
    timezone: subscription?.timezone ?? services.defaultTimezone,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    // One corpus per invocation: a reload that lands mid-command swaps the next invocation's, never half of this one's.
    services: { ...services },
    digestAccess:
      options.digestAccess ?? (where.platform === 'console' || where.platform === 'cli' ? operatorDigestAccess : unknownDigestAccess),
  };
}
