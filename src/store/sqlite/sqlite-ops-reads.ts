import type Database from 'better-sqlite3';
import type { Store } from '../../core/store/store-types.js';
import { type SlotRow, type SubscriptionRow, toSlot, toSubscription } from './sqlite-rows.js';

/** Reads the operator page makes, each one indexed query (by date; by channel), never a scan of the ledger. */
export function createSqliteOpsReads(db: Database.Database): Pick<Store, 'listSlotsOnDates' | 'lastPostedAt' | 'listPausedSubscriptions'> {
  const onDate = db.prepare('SELECT * FROM digest_slots WHERE local_date = ?');
  const lastPosted = db.prepare(
    "SELECT MAX(posted_at) AS at FROM digest_slots WHERE platform = ? AND workspace = ? AND channel = ? AND state = 'posted'",
  );
  const paused = db.prepare("SELECT * FROM subscriptions WHERE status = 'paused' LIMIT ?");
  return {
    async listPausedSubscriptions(limit) {
      return (paused.all(limit) as SubscriptionRow[]).map(toSubscription);
    },
    async listSlotsOnDates(localDates) {
      return [...new Set(localDates)].flatMap((date) => (onDate.all(date) as SlotRow[]).map(toSlot));
    },
    async lastPostedAt(refs) {
      const found = new Map<string, string>();
      for (const ref of refs) {
        const row = lastPosted.get(ref.platform, ref.workspace, ref.channel) as { at: string | null } | undefined;
        if (row?.at) found.set(`${ref.platform}:${ref.workspace}:${ref.channel}`, row.at);
      }
      return found;
    },
  };
}
