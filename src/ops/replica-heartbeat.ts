import { hostname } from 'node:os';
import type { Logger } from '../core/logger.js';
import type { Replica, Store } from '../core/store/store-types.js';
import { opsMessages } from './ops-messages.js';

const HEARTBEAT_MS = 30_000;
// Three missed heartbeats and a process counts as gone.
const ALIVE_WITHIN_MS = 3 * HEARTBEAT_MS;

export interface ReplicaHeartbeatOptions {
  store: Store;
  /** This process's id (the digest's claim owner). */
  id: string;
  /** What it serves: its platforms, or `console`. */
  serves: string[];
  /** The SQLite file, when the store is one: a second live process on it gets a warning with the fix. */
  sqlitePath?: string;
  logger: Logger;
  host?: string;
  pid?: number;
  intervalMs?: number;
  /** Whether a process of this host still runs (a crashed one leaves its last heartbeat behind). */
  isAlive?: (pid: number) => boolean;
}

export interface ReplicaHeartbeat {
  /** Other live processes on the same SQLite file at start-up (empty on Postgres, where several are expected). */
  readonly others: Replica[];
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Records this process in the store's `replicas` table every 30 s (the operator page lists the replicas
 * seen in the last hour), and forgets it on a clean stop. SQLite is one process: another live process
 * on the same file is warned about once, with the fix. A heartbeat the database cannot take is skipped.
 */
export async function startReplicaHeartbeat(options: ReplicaHeartbeatOptions): Promise<ReplicaHeartbeat> {
  const { store, id, serves, logger } = options;
  const host = options.host ?? hostname();
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processAlive;
  let others: Replica[] = [];
  if (options.sqlitePath !== undefined) {
    const seen = await store.listReplicas({ seenWithinMs: ALIVE_WITHIN_MS }).catch(() => []);
    others = seen.filter((r) => r.id !== id && (r.host !== host || (r.pid !== pid && isAlive(r.pid))));
    const other = others[0];
    if (other) logger.warn({ other }, opsMessages.sqliteSharedWith(options.sqlitePath, other.pid, other.host, other.startedAt));
  }
  const beat = () =>
    store.recordReplica({ id, host, pid, serves }).catch((error: unknown) => logger.debug({ err: error }, 'replica heartbeat skipped'));
  await beat();
  const timer = setInterval(() => void beat(), options.intervalMs ?? HEARTBEAT_MS);
  timer.unref();
  return {
    others,
    async stop() {
      clearInterval(timer);
      await store.removeReplica(id).catch(() => {});
    },
  };
}
