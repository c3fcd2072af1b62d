import pg from 'pg';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../core/store/store-types.js';
import { UserError } from '../../core/user-error.js';
import { storeMessages } from '../store-messages.js';
import { applyPostgresMigrations } from './apply-postgres-migrations.js';
import { DEFAULT_POOL_SETTINGS, type PoolSettings, takePoolSettings } from './pool-settings.js';
import { postgresReplicas } from './postgres-replicas.js';
import { createPostgresStore } from './postgres-store.js';

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A Postgres URL split into what pg connects with, the schema readout keeps its tables in (`?schema=`, default public) and the pool settings. */
export function readPostgresUrl(
  databaseUrl: string,
  base: PoolSettings = DEFAULT_POOL_SETTINGS,
): { connectionString: string; schema: string; settings: PoolSettings } {
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
  const settings = takePoolSettings(url, base);
  return { connectionString: url.toString(), schema, settings };
}

export interface PostgresStoreOptions {
  /** READOUT_PG_* from the configuration; DATABASE_URL parameters override them. */
  pool?: PoolSettings;
  /** Told when the database goes away and when it comes back. */
  logger?: Logger;
}

/**
 * Opens a pool on the Postgres server a `postgres://` URL names, with every connection's search_path
 * on readout's schema, and migrates it (once, however many replicas start together). Every query has a
 * deadline on both sides and a connection that failed is dropped, so the pool heals once the network does.
 */
export async function openPostgresStore(databaseUrl: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { connectionString, schema, settings } = readPostgresUrl(databaseUrl, options.pool);
  const pool = new pg.Pool({
    connectionString,
    options: `-c search_path=${schema}`,
    application_name: 'readout',
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: settings.keepAliveMs,
    idleTimeoutMillis: 30_000,
  });
  const connectivity = trackConnectivity(options.logger);
  // An idle connection that the server drops must not crash the process (pg-pool drops that client); the next query reports it.
  pool.on('error', (error) => connectivity.failed(error));
  try {
    await migrate(connectionString, schema, settings);
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
  watchPool(pool, connectivity);
  return { ...createPostgresStore(pool), ...postgresReplicas(pool) };
}

/**
 * Migrations run on a connection of their own without the query deadlines: a replica waiting for another's
 * migration lock, or a long migration, is not a dead network.
 */
async function migrate(connectionString: string, schema: string, settings: PoolSettings): Promise<void> {
  const client = new pg.Client({
    connectionString,
    options: `-c search_path=${schema}`,
    application_name: 'readout',
    connectionTimeoutMillis: settings.connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: settings.keepAliveMs,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    await applyPostgresMigrations(client, schema);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A failure of the connection itself (timeout, reset, refused), as opposed to an answer from the server. */
function isConnectionError(error: unknown): boolean {
  return !(error instanceof pg.DatabaseError);
}

// A failure not followed by any answer for this long is the database going away, not one dropped connection.
const LOST_AFTER_MS = 1_000;

/**
 * Logs once when the database goes away (failures and no answer for a second: one reset connection among
 * healthy ones is not worth a line) and once when it answers again.
 */
function trackConnectivity(logger: Logger | undefined) {
  let lostAt: number | undefined;
  let pending: { at: number; timer: NodeJS.Timeout } | undefined;
  return {
    failed(error: unknown) {
      if (!isConnectionError(error) || lostAt !== undefined || pending) return;
      const at = Date.now();
      const timer = setTimeout(() => {
        pending = undefined;
        lostAt = at;
        logger?.warn({ err: error }, storeMessages.databaseLost(describeError(error)));
      }, LOST_AFTER_MS);
      timer.unref();
      pending = { at, timer };
    },
    answered() {
      if (pending) {
        clearTimeout(pending.timer);
        pending = undefined;
      }
      if (lostAt === undefined) return;
      const seconds = Math.round((Date.now() - lostAt) / 1000);
      lostAt = undefined;
      logger?.info({ seconds }, storeMessages.databaseBack(seconds));
    },
  };
}

/**
 * Every query and checkout reports to `connectivity`; a checked-out client whose connection failed is
 * dropped when released rather than handed to the next caller.
 */
function watchPool(pool: pg.Pool, connectivity: ReturnType<typeof trackConnectivity>): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as { query: unknown }).query = async (...args: unknown[]) => {
    try {
      const result = await query(...args);
      connectivity.answered();
      return result;
    } catch (error) {
      connectivity.failed(error);
      throw error;
    }
  };
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient>;
  const watched = new WeakSet<pg.PoolClient>();
  const broken = new WeakMap<pg.PoolClient, Error>();
  // pool.query checks out with a callback and drops a client that failed by itself: only promise checkouts are watched.
  (pool as { connect: unknown }).connect = (callback?: unknown) => (callback ? connect(callback) : watchedConnect());
  const watchedConnect = async () => {
    let client: pg.PoolClient;
    try {
      client = await connect();
    } catch (error) {
      connectivity.failed(error);
      throw error;
    }
    broken.delete(client);
    if (!watched.has(client)) {
      // pg-pool hands the same client out again: its query is wrapped once, its release on every checkout.
      watched.add(client);
      const clientQuery = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      (client as { query: unknown }).query = async (...args: unknown[]) => {
        try {
          const result = await clientQuery(...args);
          connectivity.answered();
          return result;
        } catch (error) {
          if (isConnectionError(error) && !broken.has(client))
            broken.set(client, error instanceof Error ? error : new Error(String(error)));
          connectivity.failed(error);
          throw error;
        }
      };
    }
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => release(error ?? broken.get(client));
    return client;
  };
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
