import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type AnnounceDeps, announceDocument } from '../../core/follow/announce-document.js';
import type { Feed, StoredDocument } from '../../core/store/corpus-store-types.js';

/**
 * The feed poller's `onAdded` hook: tells the following channels about each new document through the ledger.
 * A failure is logged, never thrown, so one channel's trouble does not stop the poll of the feed.
 */
export function createFollowAnnouncer(
  deps: Omit<AnnounceDeps, 'owner' | 'gazetteer'> & { owner?: string; gazetteer: () => AnnounceDeps['gazetteer'] },
): (document: StoredDocument, feed: Feed) => Promise<void> {
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return async (document, feed) => {
    try {
      await announceDocument({ ...deps, owner, gazetteer: deps.gazetteer() }, document);
    } catch (error) {
      deps.logger?.error({ err: error, docId: document.id, feed: feed.url }, 'new readout not announced to its followers');
    }
  };
}
