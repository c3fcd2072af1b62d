import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import type { Store } from '../../core/store/store-types.js';
import { UserError } from '../../core/user-error.js';
import { storeMessages } from '../store-messages.js';
import { applySqliteMigrations } from './apply-sqlite-migrations.js';
import { retryWhenBusy, SQLITE_BUSY_TIMEOUT_MS } from './retry-when-busy.js';
import { sqliteReplicas } from './sqlite-replicas.js';
import { createSqliteStore } from './sqlite-store.js';

/** Opens (creating and migrating on first use) a SQLite file, or `:memory:`. */
export function openSqliteStore(path: string, clock: Clock): Store {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw new UserError('store_cannot_open', storeMessages.cannotOpen(path, error instanceof Error ? error.message : String(error)));
  }
  try {
    // WAL lets readers run beside the one writer. Opening (and migrating) may wait on another process's lock;
    // after that a wait inside SQLite blocks the event loop, so it is kept short and retried on a timer.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    applySqliteMigrations(db, undefined, () => clock.now());
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    // A file that is not a database (or is damaged) is an operator's mistake, not a crash.
    throw new UserError('store_cannot_open', storeMessages.notADatabase(path, error instanceof Error ? error.message : String(error)));
  }
  return retryWhenBusy({ ...createSqliteStore(db, clock), ...sqliteReplicas(db, clock) });
}
