import type Database from 'better-sqlite3';
import { UserError } from '../user-error.js';
import { storeMessages } from './store-messages.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The schema, as numbered steps. Append new steps; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions and digest ledger',
    sql: `
      CREATE TABLE subscriptions (
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        post_empty INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, workspace, channel)
      );
      CREATE TABLE digest_slots (
        key TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        local_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'skipped_late', 'skipped_empty', 'failed', 'paused')),
        message_id TEXT,
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_by TEXT,
        lease_until TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX digest_slots_by_channel ON digest_slots (platform, workspace, channel, local_date);
    `,
  },
];

/** Applies the pending migrations in one immediate transaction, so two processes opening the file at once do not race. */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
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
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      insert.run(migration.version, migration.name, now().toISOString());
    }
    return Math.max(current, known);
  });
  return apply.immediate();
}
