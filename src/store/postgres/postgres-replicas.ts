import type pg from 'pg';
import type { Replica, ReplicaMethods, Store } from '../../core/store/store-types.js';

interface PgReplicaRow {
  id: string;
  host: string;
  pid: number;
  serves: string;
  started_at: Date;
  last_seen_at: Date;
}

const toReplica = (row: PgReplicaRow): Replica => ({
  id: row.id,
  host: row.host,
  pid: row.pid,
  serves: row.serves === '' ? [] : row.serves.split(','),
  startedAt: row.started_at.toISOString(),
  lastSeenAt: row.last_seen_at.toISOString(),
});

/** The heartbeat table on Postgres, in the server's time like every lease. */
export function postgresReplicas(pool: pg.Pool): Pick<Store, ReplicaMethods> {
  return {
    async recordReplica(replica) {
      await pool.query(
        `INSERT INTO replicas (id, host, pid, serves, started_at, last_seen_at) VALUES ($1, $2, $3, $4, now(), now())
         ON CONFLICT (id) DO UPDATE SET serves = excluded.serves, last_seen_at = now()`,
        [replica.id, replica.host, replica.pid, replica.serves.join(',')],
      );
    },
    async listReplicas({ seenWithinMs }) {
      const { rows } = await pool.query<PgReplicaRow>(
        `SELECT * FROM replicas WHERE last_seen_at >= now() - $1::float8 * interval '1 millisecond' ORDER BY last_seen_at DESC, id`,
        [seenWithinMs],
      );
      return rows.map(toReplica);
    },
    async removeReplica(id) {
      await pool.query('DELETE FROM replicas WHERE id = $1', [id]);
    },
  };
}
