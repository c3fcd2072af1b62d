import { type Clock, systemClock } from '../core/clock.js';
import type { CommandContext, Services } from './command.js';

/** Builds the context of one invocation; the channel's time zone is its digest subscription's, else the default. */
export async function createContext(
  where: { platform: CommandContext['platform']; workspace: string; channel: string; user: string },
  services: Services,
  options: { clock?: Clock; random?: () => number } = {},
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
  };
}
