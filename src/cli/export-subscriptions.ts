import type { Store } from '../core/store/store-types.js';
import { toSubscriptionLine } from './subscription-line.js';

const PAGE = 1_000;

/** Writes every subscription as one JSON line, page by page in key order; resolves with how many. */
export async function exportSubscriptions(store: Store, write: (chunk: string) => Promise<void>): Promise<number> {
  let count = 0;
  let after: Awaited<ReturnType<Store['listSubscriptions']>>[number] | undefined;
  for (;;) {
    const page = await store.listSubscriptions({ limit: PAGE, ...(after ? { after } : {}) });
    if (page.length === 0) return count;
    await write(page.map((sub) => `${JSON.stringify(toSubscriptionLine(sub))}\n`).join(''));
    count += page.length;
    after = page[page.length - 1];
  }
}
