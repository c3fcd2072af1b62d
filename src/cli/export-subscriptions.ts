import type { Store } from '../core/store/store-types.js';
import { toFollowLine } from './follow-line.js';
import { toSubscriptionLine } from './subscription-line.js';

const PAGE = 1_000;

/**
 * Writes every subscription as one JSON line, page by page in key order, then every channel's follow (`kind: "follow"`);
 * resolves with how many of each.
 */
export async function exportSubscriptions(
  store: Store,
  write: (chunk: string) => Promise<void>,
): Promise<{ subscriptions: number; follows: number }> {
  let count = 0;
  let after: Awaited<ReturnType<Store['listSubscriptions']>>[number] | undefined;
  for (;;) {
    const page = await store.listSubscriptions({ limit: PAGE, ...(after ? { after } : {}) });
    if (page.length === 0) {
      const follows = await store.listFollows();
      if (follows.length > 0) await write(follows.map((follow) => `${JSON.stringify(toFollowLine(follow))}\n`).join(''));
      return { subscriptions: count, follows: follows.length };
    }
    await write(page.map((sub) => `${JSON.stringify(toSubscriptionLine(sub))}\n`).join(''));
    count += page.length;
    after = page[page.length - 1];
  }
}
