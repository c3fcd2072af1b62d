import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Clock, systemClock } from '../clock.js';
import { UserError } from '../user-error.js';
import { applyMigrations } from './migrations.js';
import { createSqliteStore } from './sqlite-store.js';
import { storeMessages } from './store-messages.js';
import type { Store } from './store-types.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/readout.db';

/** Where a `sqlite:` URL points: a file path (relative to the working directory) or memory. */
export function sqlitePathOf(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('sqlite:')) return undefined;
  const rest = databaseUrl.slice('sqlite:'.length);
  if (rest === ':memory:' || rest === '//:memory:') return ':memory:';
  // `sqlite:///abs/file.db` and `sqlite://rel.db` are common spellings too.
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

/** Opens (and creates and migrates on first use) the store named by DATABASE_URL; Postgres is a later issue. */
export function openStore(databaseUrl: string = DEFAULT_DATABASE_URL, options: { clock?: Clock } = {}): Store {
  if (/^postgres(ql)?:/i.test(databaseUrl)) throw new UserError('store_not_implemented', storeMessages.postgresNotImplemented(databaseUrl));
  const path = sqlitePathOf(databaseUrl);
  if (path === undefined || path === '') throw new UserError('store_unknown_url', storeMessages.unknownScheme(databaseUrl));
  const clock = options.clock ?? systemClock;
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw new UserError('store_cannot_open', storeMessages.cannotOpen(path, error instanceof Error ? error.message : String(error)));
  }
  // WAL lets readers run beside the one writer; busy_timeout makes a second process wait for a lock instead of failing.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  try {
    applyMigrations(db, undefined, () => clock.now());
  } catch (error) {
    db.close();
    throw error;
  }
  return createSqliteStore(db, clock);
}
