import type pg from 'pg';
import type { Store } from '../../core/store/store-types.js';
import { type PgSlotRow, type PgSubscriptionRow, toSlot, toSubscription } from './postgres-rows.js';

/** Reads the operator page makes, each one indexed statement (by date; by channel for a page of channels). */
export function createPostgresOpsReads(pool: pg.Pool): Pick<Store, 'listSlotsOnDates' | 'lastPostedAt' | 'listPausedSubscriptions'> {
  return {
    async listPausedSubscriptions(limit) {
      const { rows } = await pool.query<PgSubscriptionRow>("SELECT * FROM subscriptions WHERE status = 'paused' LIMIT $1", [limit]);
      return rows.map(toSubscription);
    },
    async listSlotsOnDates(localDates) {
      const { rows } = await pool.query<PgSlotRow>('SELECT * FROM digest_slots WHERE local_date = ANY($1::text[])', [
        [...new Set(localDates)],
      ]);
      return rows.map(toSlot);
    },
    async lastPostedAt(refs) {
      const found = new Map<string, string>();
      if (refs.length === 0) return found;
      const { rows } = await pool.query<{ platform: string; workspace: string; channel: string; at: Date }>(
        `SELECT s.platform, s.workspace, s.channel, MAX(s.posted_at) AS at
         FROM unnest($1::text[], $2::text[], $3::text[]) AS r(platform, workspace, channel)
         JOIN digest_slots s ON s.platform = r.platform AND s.workspace = r.workspace AND s.channel = r.channel
         WHERE s.state = 'posted' AND s.posted_at IS NOT NULL
         GROUP BY s.platform, s.workspace, s.channel`,
        [refs.map((r) => r.platform), refs.map((r) => r.workspace), refs.map((r) => r.channel)],
      );
      for (const row of rows) found.set(`${row.platform}:${row.workspace}:${row.channel}`, row.at.toISOString());
      return found;
    },
  };
}
