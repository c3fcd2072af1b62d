import { type Clock, systemClock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Store } from '../core/store/store-types.js';
import { UserError } from '../core/user-error.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import type { PoolSettings } from './postgres/pool-settings.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';
import { storeMessages } from './store-messages.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/readout.db';

/** Where a `sqlite:` URL points: a file path (relative to the working directory) or memory. */
export function sqlitePathOf(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('sqlite:')) return undefined;
  const rest = databaseUrl.slice('sqlite:'.length);
  if (rest === ':memory:' || rest === '//:memory:') return ':memory:';
  // `sqlite:///abs/file.db` and `sqlite://rel.db` are common spellings too.
  return rest.startsWith('//') ? rest.slice(2) : rest;
}

/** True for the URLs that name a Postgres server. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

/**
 * Opens the store that DATABASE_URL names (the one place that chooses): a SQLite file by default,
 * created and migrated on first use, or a Postgres server (`postgres://user@host:5432/db?schema=NAME`),
 * migrated under an advisory lock. `clock` is SQLite's database time (tests move it); Postgres uses `now()`.
 * `pool` (READOUT_PG_*) tunes the Postgres pool, `logger` hears when the database goes away and comes back.
 */
export async function openStore(
  databaseUrl: string = DEFAULT_DATABASE_URL,
  options: { clock?: Clock; pool?: PoolSettings; logger?: Logger } = {},
): Promise<Store> {
  if (isPostgresUrl(databaseUrl))
    return openPostgresStore(databaseUrl, {
      ...(options.pool ? { pool: options.pool } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  const path = sqlitePathOf(databaseUrl);
  if (path === undefined || path === '') throw new UserError('store_unknown_url', storeMessages.unknownScheme(databaseUrl));
  return openSqliteStore(path, options.clock ?? systemClock);
}
