import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import type { InstallationRecord, InstallationStorePort } from '../../core/store/installation-types.js';
import { storeMessages } from '../store-messages.js';

interface InstallationRow {
  key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: number;
  bot_user_id: string | null;
  scopes: string;
  sealed: string;
  key_id: string;
  token_expires_at: string | null;
  installed_at: string;
  refreshed_at: string | null;
  updated_at: string;
}

/** How long a refresh may hold an installation before another process may take it over (a crashed holder). */
const LOCK_MS = 30_000;
/** How often a waiting process looks again whether the holder is done. */
const POLL_MS = 25;

const toRecord = (row: InstallationRow): InstallationRecord => ({
  key: row.key,
  enterpriseId: row.enterprise_id,
  teamId: row.team_id,
  isEnterpriseInstall: row.is_enterprise_install === 1,
  botUserId: row.bot_user_id,
  scopes: row.scopes === '' ? [] : row.scopes.split(','),
  sealed: row.sealed,
  keyId: row.key_id,
  tokenExpiresAt: row.token_expires_at,
  installedAt: row.installed_at,
  refreshedAt: row.refreshed_at,
  updatedAt: row.updated_at,
});

const COLUMNS =
  'key, enterprise_id, team_id, is_enterprise_install, bot_user_id, scopes, sealed, key_id, token_expires_at, installed_at, refreshed_at, updated_at';

/**
 * Installations on SQLite. better-sqlite3 cannot keep a transaction open across the await of a token
 * refresh (every statement of this process would join it), so the row lock is a lease: taken in one
 * immediate transaction, released (with the new value) in another, and waited for by everyone else.
 */
export function createSqliteInstallations(db: Database.Database, clock: Clock): InstallationStorePort {
  const now = () => clock.now().toISOString();
  const save = db.prepare(`
    INSERT INTO installations (key, enterprise_id, team_id, is_enterprise_install, bot_user_id, scopes, sealed, key_id,
      token_expires_at, installed_at, refreshed_at, updated_at)
    VALUES (@key, @enterpriseId, @teamId, @isEnterpriseInstall, @botUserId, @scopes, @sealed, @keyId, @tokenExpiresAt, @now, NULL, @now)
    ON CONFLICT (key) DO UPDATE SET
      enterprise_id = excluded.enterprise_id, team_id = excluded.team_id, is_enterprise_install = excluded.is_enterprise_install,
      bot_user_id = excluded.bot_user_id, scopes = excluded.scopes, sealed = excluded.sealed, key_id = excluded.key_id,
      token_expires_at = excluded.token_expires_at, installed_at = excluded.installed_at, refreshed_at = NULL,
      updated_at = excluded.updated_at
    RETURNING ${COLUMNS}`);
  const get = db.prepare(`SELECT ${COLUMNS} FROM installations WHERE key = ?`);
  const list = db.prepare(`SELECT ${COLUMNS} FROM installations ORDER BY key`);
  const remove = db.prepare('DELETE FROM installations WHERE key = ?');
  const takeLock = db.prepare(`
    UPDATE installations SET lock_owner = @owner, lock_until = @until
    WHERE key = @key AND (lock_owner IS NULL OR lock_until < @now)`);
  const write = db.prepare(`
    UPDATE installations SET sealed = @sealed, key_id = @keyId, token_expires_at = @tokenExpiresAt,
      refreshed_at = CASE WHEN @refreshed = 1 THEN @now ELSE refreshed_at END, updated_at = @now
    WHERE key = @key AND lock_owner = @owner`);
  const unlock = db.prepare('UPDATE installations SET lock_owner = NULL, lock_until = NULL WHERE key = @key AND lock_owner = @owner');
  const exists = (key: string) => get.get(key) !== undefined;
  const tryLock = db.transaction((key: string, owner: string) => {
    const at = clock.now();
    return takeLock.run({ key, owner, now: at.toISOString(), until: new Date(at.getTime() + LOCK_MS).toISOString() }).changes === 1;
  });

  return {
    async saveInstallation(input) {
      const row = save.get({
        ...input,
        isEnterpriseInstall: input.isEnterpriseInstall ? 1 : 0,
        scopes: input.scopes.join(','),
        now: now(),
      }) as InstallationRow;
      return toRecord(row);
    },
    async getInstallation(key) {
      const row = get.get(key) as InstallationRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async listInstallations() {
      return (list.all() as InstallationRow[]).map(toRecord);
    },
    async deleteInstallation(key) {
      return remove.run(key).changes > 0;
    },
    async updateInstallationLocked(key, update) {
      const owner = randomUUID();
      const deadline = Date.now() + 2 * LOCK_MS;
      while (!tryLock.immediate(key, owner)) {
        if (!exists(key)) return undefined;
        if (Date.now() > deadline) throw new Error(storeMessages.installationBusy);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      try {
        const current = get.get(key) as InstallationRow;
        const next = await update(toRecord(current));
        if (next) write.run({ key, owner, ...next, refreshed: next.refreshed ? 1 : 0, now: now() });
      } finally {
        unlock.run({ key, owner });
      }
      const row = get.get(key) as InstallationRow | undefined;
      return row ? toRecord(row) : undefined;
    },
  };
}
