import type pg from 'pg';
import type { Follow, FollowStorePort } from '../../core/store/follow-types.js';

interface PgFollowRow {
  platform: Follow['platform'];
  workspace: string;
  channel: string;
  filter: string;
  created_by: string;
  created_at: Date;
  status: Follow['status'];
  paused_reason: string | null;
  created?: boolean;
}

function toFollow(row: PgFollowRow): Follow {
  return {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    filter: row.filter,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    status: row.status,
    pausedReason: row.paused_reason,
  };
}

/** The follows of the Postgres store (table `follows`, migrations 009 and 010); times are the server's. */
export function createPostgresFollows(pool: pg.Pool): FollowStorePort {
  return {
    async upsertFollow(follow) {
      // xmax = 0 only on a freshly inserted row: whether the channel had no follow before.
      const { rows } = await pool.query<PgFollowRow>(
        `INSERT INTO follows (platform, workspace, channel, filter, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, workspace, channel) DO UPDATE SET filter = EXCLUDED.filter, created_by = EXCLUDED.created_by,
           created_at = now(), status = 'active', paused_reason = NULL
         RETURNING *, (xmax = 0) AS created`,
        [follow.platform, follow.workspace, follow.channel, follow.filter, follow.createdBy],
      );
      const row = rows[0]!;
      return { follow: toFollow(row), created: row.created === true };
    },
    async removeFollow(ref) {
      const result = await pool.query('DELETE FROM follows WHERE platform = $1 AND workspace = $2 AND channel = $3', [
        ref.platform,
        ref.workspace,
        ref.channel,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async getFollow(ref) {
      const { rows } = await pool.query<PgFollowRow>('SELECT * FROM follows WHERE platform = $1 AND workspace = $2 AND channel = $3', [
        ref.platform,
        ref.workspace,
        ref.channel,
      ]);
      return rows[0] ? toFollow(rows[0]) : undefined;
    },
    async setFollowStatus(ref, status, reason) {
      const result = await pool.query(
        'UPDATE follows SET status = $4, paused_reason = $5 WHERE platform = $1 AND workspace = $2 AND channel = $3',
        [ref.platform, ref.workspace, ref.channel, status, status === 'paused' ? (reason ?? null) : null],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async listFollows(filter = {}) {
      const { rows } = await pool.query<PgFollowRow>(
        `SELECT * FROM follows WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR workspace = $2)
         ORDER BY platform, workspace, channel`,
        [filter.platform ?? null, filter.workspace ?? null],
      );
      return rows.map(toFollow);
    },
  };
}
