import pg from 'pg';
import type { Store } from '../../core/store/store-types.js';
import { UserError } from '../../core/user-error.js';
import { storeMessages } from '../store-messages.js';
import { applyPostgresMigrations } from './apply-postgres-migrations.js';
import { createPostgresStore } from './postgres-store.js';

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A Postgres URL split into what pg connects with and the schema readout keeps its tables in (`?schema=`, default public). */
export function readPostgresUrl(databaseUrl: string): { connectionString: string; schema: string } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new UserError('store_unknown_url', storeMessages.badPostgresUrl(databaseUrl));
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema) || url.pathname.length <= 1)
    throw new UserError('store_unknown_url', storeMessages.badPostgresUrl(databaseUrl));
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

/**
 * Opens a pool on the Postgres server a `postgres://` URL names, with every connection's search_path
 * on readout's schema, and migrates it (once, however many replicas start together).
 */
export async function openPostgresStore(databaseUrl: string): Promise<Store> {
  const { connectionString, schema } = readPostgresUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 10_000,
    application_name: 'readout',
  });
  // An idle connection that the server drops must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await applyPostgresMigrations(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof UserError) throw error;
    // 3D000 invalid_catalog_name: the server is up, the database is not there. That is not a question of rights.
    if (error instanceof pg.DatabaseError && error.code === '3D000')
      throw new UserError('store_missing_database', storeMessages.missingDatabase(databaseUrl, databaseName(connectionString)));
    // The server answered but refused a step (permissions, a broken schema): say so, not "unreachable".
    if (error instanceof pg.DatabaseError)
      throw new UserError('store_cannot_migrate', storeMessages.cannotMigrate(databaseUrl, describeError(error)));
    throw new UserError('store_cannot_connect', storeMessages.cannotConnect(databaseUrl, describeError(error)));
  }
  return createPostgresStore(pool);
}

function databaseName(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).pathname.slice(1));
}

/** One line for a connection failure: Node's AggregateError (IPv4 and IPv6 both refused) has an empty message. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
