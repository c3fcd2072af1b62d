import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import type { Replica, ReplicaMethods, Store } from '../../core/store/store-types.js';

interface ReplicaRow {
  id: string;
  host: string;
  pid: number;
  serves: string;
  started_at: string;
  last_seen_at: string;
}

const toReplica = (row: ReplicaRow): Replica => ({
  id: row.id,
  host: row.host,
  pid: row.pid,
  serves: row.serves === '' ? [] : row.serves.split(','),
  startedAt: row.started_at,
  lastSeenAt: row.last_seen_at,
});

/** The heartbeat table on SQLite; "now" is this host's clock, as everywhere in the SQLite store. */
export function sqliteReplicas(db: Database.Database, clock: Clock): Pick<Store, ReplicaMethods> {
  const record = db.prepare(`
    INSERT INTO replicas (id, host, pid, serves, started_at, last_seen_at) VALUES (@id, @host, @pid, @serves, @now, @now)
    ON CONFLICT (id) DO UPDATE SET serves = excluded.serves, last_seen_at = excluded.last_seen_at`);
  const list = db.prepare('SELECT * FROM replicas WHERE last_seen_at >= ? ORDER BY last_seen_at DESC, id');
  const remove = db.prepare('DELETE FROM replicas WHERE id = ?');
  return {
    async recordReplica(replica) {
      record.run({
        id: replica.id,
        host: replica.host,
        pid: replica.pid,
        serves: replica.serves.join(','),
        now: clock.now().toISOString(),
      });
    },
    async listReplicas({ seenWithinMs }) {
      const since = new Date(clock.now().getTime() - seenWithinMs).toISOString();
      return (list.all(since) as ReplicaRow[]).map(toReplica);
    },
    async removeReplica(id) {
      remove.run(id);
    },
  };
}
