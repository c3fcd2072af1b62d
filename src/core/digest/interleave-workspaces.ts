import type { ChannelRef } from '../store/store-types.js';

/**
 * A page of due subscriptions (in key order: platform, workspace, channel) reordered round-robin across
 * workspaces: the first of each workspace, then the second of each, and so on. Slack paces posts per
 * workspace, so a pool that took a page in key order would put every worker on one workspace's turns
 * while the other workspaces waited; interleaved, the workers post to as many workspaces as there are.
 * Within a workspace the key order is kept.
 */
export function interleaveWorkspaces<T extends ChannelRef>(page: readonly T[]): T[] {
  const queues = new Map<string, T[]>();
  for (const item of page) {
    const key = `${item.platform}\u0000${item.workspace}`;
    const queue = queues.get(key);
    if (queue) queue.push(item);
    else queues.set(key, [item]);
  }
  if (queues.size <= 1) return [...page];
  const lists = [...queues.values()];
  const out: T[] = [];
  for (let round = 0; out.length < page.length; round++) {
    for (const list of lists) {
      const item = list[round];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}
