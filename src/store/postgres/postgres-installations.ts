import type pg from 'pg';
import type { InstallationRecord, InstallationStorePort } from '../../core/store/installation-types.js';

interface PgInstallationRow {
  key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: boolean;
  bot_user_id: string | null;
  scopes: string[];
  sealed: string;
  key_id: string;
  token_expires_at: Date | null;
  installed_at: Date;
  refreshed_at: Date | null;
  updated_at: Date;
}

const toRecord = (row: PgInstallationRow): InstallationRecord => ({
  key: row.key,
  enterpriseId: row.enterprise_id,
  teamId: row.team_id,
  isEnterpriseInstall: row.is_enterprise_install,
  botUserId: row.bot_user_id,
  scopes: row.scopes,
  sealed: row.sealed,
  keyId: row.key_id,
  tokenExpiresAt: row.token_expires_at?.toISOString() ?? null,
  installedAt: row.installed_at.toISOString(),
  refreshedAt: row.refreshed_at?.toISOString() ?? null,
  updatedAt: row.updated_at.toISOString(),
});

const sql = {
  save: `
    INSERT INTO installations (key, enterprise_id, team_id, is_enterprise_install, bot_user_id, scopes, sealed, key_id,
      token_expires_at, installed_at, refreshed_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), NULL, now())
    ON CONFLICT (key) DO UPDATE SET
      enterprise_id = excluded.enterprise_id, team_id = excluded.team_id, is_enterprise_install = excluded.is_enterprise_install,
      bot_user_id = excluded.bot_user_id, scopes = excluded.scopes, sealed = excluded.sealed, key_id = excluded.key_id,
      token_expires_at = excluded.token_expires_at, installed_at = excluded.installed_at, refreshed_at = NULL,
      updated_at = excluded.updated_at
    RETURNING *`,
  get: 'SELECT * FROM installations WHERE key = $1',
  lock: 'SELECT * FROM installations WHERE key = $1 FOR UPDATE',
  list: 'SELECT * FROM installations ORDER BY key',
  remove: 'DELETE FROM installations WHERE key = $1',
  write: `
    UPDATE installations SET sealed = $2, key_id = $3, token_expires_at = $4,
      refreshed_at = CASE WHEN $5 THEN now() ELSE refreshed_at END, updated_at = now()
    WHERE key = $1 RETURNING *`,
};

/** Installations on Postgres: a refresh holds the row with SELECT … FOR UPDATE, so replicas take turns. */
export function createPostgresInstallations(pool: pg.Pool): InstallationStorePort {
  return {
    async saveInstallation(input) {
      const { rows } = await pool.query<PgInstallationRow>(sql.save, [
        input.key,
        input.enterpriseId,
        input.teamId,
        input.isEnterpriseInstall,
        input.botUserId,
        input.scopes,
        input.sealed,
        input.keyId,
        input.tokenExpiresAt,
      ]);
      return toRecord(rows[0] as PgInstallationRow);
    },
    async getInstallation(key) {
      const { rows } = await pool.query<PgInstallationRow>(sql.get, [key]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async listInstallations() {
      return (await pool.query<PgInstallationRow>(sql.list)).rows.map(toRecord);
    },
    async deleteInstallation(key) {
      return ((await pool.query(sql.remove, [key])).rowCount ?? 0) > 0;
    },
    async updateInstallationLocked(key, update) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<PgInstallationRow>(sql.lock, [key]);
        const current = rows[0];
        if (!current) {
          await client.query('COMMIT');
          return undefined;
        }
        const next = await update(toRecord(current));
        const result = next
          ? (await client.query<PgInstallationRow>(sql.write, [key, next.sealed, next.keyId, next.tokenExpiresAt, next.refreshed])).rows[0]
          : current;
        await client.query('COMMIT');
        return toRecord(result as PgInstallationRow);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
