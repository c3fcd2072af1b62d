import type pg from 'pg';
import type { ChangeRecord, Store } from '../../core/store/store-types.js';

interface PgChangeRow {
  id: string;
  at: Date;
  platform: ChangeRecord['platform'];
  workspace: string;
  channel: string;
  action: ChangeRecord['action'];
  actor: string;
  surface: string;
  detail: string | null;
}

/** The change log methods of the Postgres store (table `subscription_changes`, migration 008); times are the server's. */
export function createPostgresChangeLog(pool: pg.Pool): Pick<Store, 'recordChange' | 'listChanges' | 'sweepChanges'> {
  return {
    async recordChange(change) {
      await pool.query(
        `INSERT INTO subscription_changes (platform, workspace, channel, action, actor, surface, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [change.platform, change.workspace, change.channel, change.action, change.actor, change.surface, change.detail],
      );
    },
    async listChanges(filter = {}) {
      const { rows } = await pool.query<PgChangeRow>(
        `SELECT * FROM subscription_changes
         WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR workspace = $2)
           AND ($3::text IS NULL OR channel = $3) AND ($4::bigint IS NULL OR id < $4)
         ORDER BY id DESC LIMIT $5`,
        [filter.platform ?? null, filter.workspace ?? null, filter.channel ?? null, filter.before ?? null, filter.limit ?? null],
      );
      return rows.map((row) => ({ ...row, id: Number(row.id), at: row.at.toISOString() }));
    },
    async sweepChanges({ retentionMs }) {
      const result = await pool.query(`DELETE FROM subscription_changes WHERE at < now() - $1::float8 * interval '1 millisecond'`, [
        retentionMs,
      ]);
      return result.rowCount ?? 0;
    },
  };
}
