import type Database from 'better-sqlite3';
import { UserError } from '../../core/user-error.js';
import { type Migration, migrationsDir, readMigrations } from '../read-migrations.js';
import { storeMessages } from '../store-messages.js';

/** The SQLite schema, as the numbered files in ./migrations. */
export const SQLITE_MIGRATIONS: readonly Migration[] = readMigrations(migrationsDir('sqlite'));

/** Applies the pending migrations in one immediate transaction, so two processes opening the file at once do not race. */
export function applySqliteMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = SQLITE_MIGRATIONS,
  now: () => Date = () => new Date(),
): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const apply = db.transaction(() => {
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > known) throw new UserError('schema_too_new', storeMessages.newerSchema(current, known));
    const insert = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      insert.run(migration.version, migration.name, now().toISOString());
    }
    return Math.max(current, known);
  });
  return apply.immediate();
}
