import type Database from 'better-sqlite3';
import type { SlotRecord, Store } from '../../core/store/store-types.js';
import { type SubscriptionRow, toSubscription } from './sqlite-rows.js';

/** Reads the operator page makes, each one indexed query (by date; by channel), never a scan of the ledger. */
export function createSqliteOpsReads(db: Database.Database): Pick<Store, 'listSlotsOnDates' | 'lastPostedAt' | 'listPausedSubscriptions'> {
  // Rows as arrays (no per-row column-name objects): a day can hold tens of thousands of slots.
  const onDate = db
    .prepare(`SELECT key, platform, workspace, channel, local_date, state, message_id, reason, attempts, claimed_by,
        lease_until, first_claimed_at, due_at, posted_at, updated_at, claim_token, uncertain, pages_sent, page_ids,
        search_position FROM digest_slots WHERE local_date = ?`)
    .raw(true);
  const lastPosted = db.prepare(
    "SELECT MAX(posted_at) AS at FROM digest_slots WHERE platform = ? AND workspace = ? AND channel = ? AND state = 'posted'",
  );
  const paused = db.prepare("SELECT * FROM subscriptions WHERE status = 'paused' LIMIT ?");
  return {
    async listPausedSubscriptions(limit) {
      return (paused.all(limit) as SubscriptionRow[]).map(toSubscription);
    },
    async listSlotsOnDates(localDates) {
      return [...new Set(localDates)].flatMap((date) => (onDate.all(date) as SlotColumns[]).map(slotFromColumns));
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

type SlotColumns = [
  string,
  SlotRecord['platform'],
  string,
  string,
  string,
  SlotRecord['state'],
  string | null,
  string | null,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  number,
  number,
  number,
  string | null,
  string | null,
];

function slotFromColumns(c: SlotColumns): SlotRecord {
  return {
    key: c[0],
    platform: c[1],
    workspace: c[2],
    channel: c[3],
    localDate: c[4],
    state: c[5],
    messageId: c[6],
    reason: c[7],
    attempts: c[8],
    claimedBy: c[9],
    leaseUntil: c[10],
    firstClaimedAt: c[11],
    dueAt: c[12],
    postedAt: c[13],
    updatedAt: c[14],
    token: c[15],
    uncertain: c[16] === 1,
    pagesSent: c[17],
    pageIds: c[18] ? c[18].split(' ') : [],
    searchPosition: c[19],
  };
}
