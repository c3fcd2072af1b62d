import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import type { Follow, FollowStorePort } from '../../core/store/follow-types.js';

interface FollowRow {
  platform: Follow['platform'];
  workspace: string;
  channel: string;
  filter: string;
  created_by: string;
  created_at: string;
  status: Follow['status'];
  paused_reason: string | null;
}

function toFollow(row: FollowRow): Follow {
  return {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    filter: row.filter,
    createdBy: row.created_by,
    createdAt: row.created_at,
    status: row.status,
    pausedReason: row.paused_reason,
  };
}

/** The follows of the SQLite store (table `follows`, migrations 011 and 012). */
export function createSqliteFollows(db: Database.Database, clock: Clock): FollowStorePort {
  const key = 'platform = @platform AND workspace = @workspace AND channel = @channel';
  const get = db.prepare(`SELECT * FROM follows WHERE ${key}`);
  const upsert = db.prepare(`
    INSERT INTO follows (platform, workspace, channel, filter, created_by, created_at)
    VALUES (@platform, @workspace, @channel, @filter, @createdBy, @createdAt)
    ON CONFLICT (platform, workspace, channel) DO UPDATE SET filter = excluded.filter, created_by = excluded.created_by,
      created_at = excluded.created_at, status = 'active', paused_reason = NULL`);
  const setStatus = db.prepare(`UPDATE follows SET status = @status, paused_reason = @reason WHERE ${key}`);
  const remove = db.prepare(`DELETE FROM follows WHERE ${key}`);
  const list = db.prepare(`
    SELECT * FROM follows WHERE (@platform IS NULL OR platform = @platform) AND (@workspace IS NULL OR workspace = @workspace)
    ORDER BY platform, workspace, channel`);
  const upsertTransaction = db.transaction((row: Record<string, string>) => {
    const existed = get.get(row) !== undefined;
    upsert.run(row);
    return { follow: toFollow(get.get(row) as FollowRow), created: !existed };
  });
  return {
    async upsertFollow(follow) {
      return upsertTransaction.immediate({
        platform: follow.platform,
        workspace: follow.workspace,
        channel: follow.channel,
        filter: follow.filter,
        createdBy: follow.createdBy,
        createdAt: clock.now().toISOString(),
      });
    },
    async removeFollow(ref) {
      return remove.run({ platform: ref.platform, workspace: ref.workspace, channel: ref.channel }).changes > 0;
    },
    async getFollow(ref) {
      const row = get.get({ platform: ref.platform, workspace: ref.workspace, channel: ref.channel }) as FollowRow | undefined;
      return row ? toFollow(row) : undefined;
    },
    async setFollowStatus(ref, status, reason) {
      const params = { platform: ref.platform, workspace: ref.workspace, channel: ref.channel, status };
      return setStatus.run({ ...params, reason: status === 'paused' ? (reason ?? null) : null }).changes > 0;
    },
    async listFollows(filter = {}) {
      return (list.all({ platform: filter.platform ?? null, workspace: filter.workspace ?? null }) as FollowRow[]).map(toFollow);
    },
  };
}
