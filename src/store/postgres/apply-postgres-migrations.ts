import type pg from 'pg';
import { UserError } from '../../core/user-error.js';
import { type Migration, migrationsDir, readMigrations } from '../read-migrations.js';
import { storeMessages } from '../store-messages.js';

/** The Postgres schema, as the numbered files in ./migrations. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = readMigrations(migrationsDir('postgres'));

/**
 * Creates the schema if needed and applies the pending migrations in one transaction under an
 * advisory lock keyed by the schema name: replicas that start together wait for the first, then
 * find nothing left to do. DDL is transactional in Postgres, so a failing step leaves nothing behind.
 */
export async function applyPostgresMigrations(
  client: pg.ClientBase,
  schema: string,
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`readout:migrate:${schema}`]);
    if (schema !== 'public') await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${quoteIdentifier(schema)}.schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT MAX(version) AS version FROM ${quoteIdentifier(schema)}.schema_migrations`,
    );
    const current = rows[0]?.version ?? 0;
    if (current > known) throw new UserError('schema_too_new', storeMessages.newerSchema(current, known));
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${quoteIdentifier(schema)}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    return Math.max(current, known);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** A schema name as an SQL identifier; names are checked when the URL is read, quoting is belt and braces. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
