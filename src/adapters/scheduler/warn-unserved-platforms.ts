import type { Clock } from '../../core/clock.js';
import { digestMessages } from '../../core/digest/digest-messages.js';
import type { Logger } from '../../core/logger.js';
import type { ChannelRef, Store } from '../../core/store/store-types.js';

const DAY_MS = 86_400_000;
// A replica whose heartbeat (every 30 s) is older than this is not counted as serving anything.
const ALIVE_WITHIN_MS = 90_000;
const CHAT_PLATFORMS: readonly ChannelRef['platform'][] = ['slack', 'discord'];

/**
 * Once a day, a warning for each chat platform that has active digest subscriptions but no live process
 * connected to it (no replica heartbeat serves it): those subscriptions are listed by no process, so
 * without this line nothing would say why their digests do not come.
 */
export function createUnservedWarning(store: Store, clock: Clock, logger: Logger, serves: readonly string[]) {
  let lastCheck: number | undefined;
  return async (): Promise<ChannelRef['platform'][]> => {
    const now = clock.now().getTime();
    if (lastCheck !== undefined && now - lastCheck < DAY_MS) return [];
    lastCheck = now;
    const served = new Set(serves);
    for (const replica of await store.listReplicas({ seenWithinMs: ALIVE_WITHIN_MS })) for (const p of replica.serves) served.add(p);
    const unserved: ChannelRef['platform'][] = [];
    for (const platform of CHAT_PLATFORMS) {
      if (served.has(platform)) continue;
      const waiting = await store.listSubscriptions({ platform, status: 'active', limit: 1 });
      if (waiting.length === 0) continue;
      unserved.push(platform);
      logger.warn({ platform }, digestMessages.noConnection(platform));
    }
    return unserved;
  };
}
