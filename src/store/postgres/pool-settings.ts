import { UserError } from '../../core/user-error.js';
import { storeMessages } from '../store-messages.js';

/**
 * How the Postgres pool fails fast and heals. Keepalive alone proves nothing (a proxy, a NAT box or a load
 * balancer answers probes for a peer that is gone), so the client-side query timeout and the connect timeout
 * are what turn a dead connection into an error, and an error drops that connection from the pool.
 */
export interface PoolSettings {
  /** Server side: a statement running longer is cancelled by Postgres. */
  statementTimeoutMs: number;
  /** Client side: no answer within this long fails the query and the connection is dropped (covers a silent network). */
  queryTimeoutMs: number;
  /** Giving up on opening a connection, or on waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /** Server side: a session left idle inside a transaction (its client gone) is ended and its locks freed. */
  idleInTransactionTimeoutMs: number;
  /** TCP keepalive's first probe after this much idle time. */
  keepAliveMs: number;
  /** Connections at most in this process's pool. */
  poolSize: number;
}

export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  statementTimeoutMs: 10_000,
  queryTimeoutMs: 15_000,
  connectTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 30_000,
  keepAliveMs: 10_000,
  poolSize: 10,
};

/** The DATABASE_URL parameter for each setting (`postgres://host/db?query_timeout_ms=5000`); READOUT_PG_* in the environment otherwise. */
export const POOL_URL_PARAMETERS: Record<keyof PoolSettings, string> = {
  statementTimeoutMs: 'statement_timeout_ms',
  queryTimeoutMs: 'query_timeout_ms',
  connectTimeoutMs: 'connect_timeout_ms',
  idleInTransactionTimeoutMs: 'idle_in_transaction_timeout_ms',
  keepAliveMs: 'keepalive_ms',
  poolSize: 'pool_size',
};

const LIMITS: Record<keyof PoolSettings, [number, number]> = {
  statementTimeoutMs: [100, 3_600_000],
  queryTimeoutMs: [100, 3_600_000],
  connectTimeoutMs: [100, 600_000],
  idleInTransactionTimeoutMs: [100, 3_600_000],
  keepAliveMs: [1_000, 3_600_000],
  poolSize: [1, 1_000],
};

/**
 * The settings a URL's parameters give (removed from the URL, so pg does not read them twice), over `base`.
 * A parameter that is not a whole number in range is the operator's mistake, reported with its name.
 */
export function takePoolSettings(url: URL, base: PoolSettings = DEFAULT_POOL_SETTINGS): PoolSettings {
  const settings = { ...base };
  for (const key of Object.keys(POOL_URL_PARAMETERS) as (keyof PoolSettings)[]) {
    const name = POOL_URL_PARAMETERS[key];
    const text = url.searchParams.get(name);
    if (text === null) continue;
    url.searchParams.delete(name);
    const [min, max] = LIMITS[key];
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max)
      throw new UserError('store_unknown_url', storeMessages.badPoolParameter(name, text, min, max));
    settings[key] = value;
  }
  return settings;
}
