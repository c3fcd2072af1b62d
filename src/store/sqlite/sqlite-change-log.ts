import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import type { ChangeRecord, Store } from '../../core/store/store-types.js';

interface ChangeRow {
  id: number;
  at: string;
  platform: ChangeRecord['platform'];
  workspace: string;
  channel: string;
  action: ChangeRecord['action'];
  actor: string;
  surface: string;
  detail: string | null;
}

/** The change log methods of the SQLite store (table `subscription_changes`, migration 010). */
export function createSqliteChangeLog(db: Database.Database, clock: Clock): Pick<Store, 'recordChange' | 'listChanges' | 'sweepChanges'> {
  const insert = db.prepare(`
    INSERT INTO subscription_changes (at, platform, workspace, channel, action, actor, surface, detail)
    VALUES (@at, @platform, @workspace, @channel, @action, @actor, @surface, @detail)`);
  const list = db.prepare(`
    SELECT * FROM subscription_changes
    WHERE (@platform IS NULL OR platform = @platform) AND (@workspace IS NULL OR workspace = @workspace)
      AND (@channel IS NULL OR channel = @channel) AND (@before IS NULL OR id < @before)
    ORDER BY id DESC LIMIT @limit`);
  const sweep = db.prepare('DELETE FROM subscription_changes WHERE at < @before');
  return {
    async recordChange(change) {
      insert.run({
        at: clock.now().toISOString(),
        platform: change.platform,
        workspace: change.workspace,
        channel: change.channel,
        action: change.action,
        actor: change.actor,
        surface: change.surface,
        detail: change.detail,
      });
    },
    async listChanges(filter = {}) {
      const rows = list.all({
        platform: filter.platform ?? null,
        workspace: filter.workspace ?? null,
        channel: filter.channel ?? null,
        before: filter.before ?? null,
        limit: filter.limit ?? -1,
      }) as ChangeRow[];
      return rows.map((row) => ({ ...row }));
    },
    async sweepChanges({ retentionMs }) {
      return sweep.run({ before: new Date(clock.now().getTime() - retentionMs).toISOString() }).changes;
    },
  };
}
