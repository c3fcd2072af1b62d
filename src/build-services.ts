import { existsSync } from 'node:fs';
import { createProgressBar } from './adapters/console/progress-bar.js';
import type { Services } from './commands/command.js';
import { type Config, postgresPoolSettings } from './config.js';
import { createLiveCorpus, type LiveCorpus } from './core/live/create-live-corpus.js';
import type { OpenStage } from './core/live/open-corpus.js';
import type { Logger } from './core/logger.js';
import { openStore, sqlitePathOf } from './store/open-store.js';
import { openStoreLazily } from './store/open-store-lazily.js';
import type { PoolSettings } from './store/postgres/pool-settings.js';

export interface ServiceOptions {
  seedsDir: string;
  databaseUrl: string;
  /** READOUT_PG_*: the Postgres pool's timeouts and size. */
  postgresPool?: PoolSettings;
  cacheDir?: string;
  defaultTimezone: string;
  nearbyWindow: number;
  logger: Logger;
  /** Chat user ids allowed to run operator commands. */
  operators?: readonly string[];
  /** Let ingest and feeds fetch from loopback and private addresses. */
  ingestAllowPrivate?: boolean;
  /** Progress of each long stage, for a progress bar on a TTY. */
  onProgress?: (stage: OpenStage, done: number, total: number) => void;
  /**
   * A one-shot command, not the running bot: the store is opened only if a command uses it, and there is no live
   * corpus to reload (so `readout reload` says how to reload a running bot instead).
   */
  oneShot?: boolean;
}

/** Builds the services from the configuration, with a progress bar on stderr when `progress` is set (a TTY). */
export async function buildServicesFromConfig(
  config: Config,
  logger: Logger,
  options: { progress: boolean; oneShot?: boolean },
): Promise<Services> {
  const progress = options.progress ? createProgressBar(process.stderr) : undefined;
  try {
    return await buildServices({
      seedsDir: config.READOUT_SEEDS,
      databaseUrl: config.DATABASE_URL,
      postgresPool: postgresPoolSettings(config),
      cacheDir: config.READOUT_CACHE_DIR,
      defaultTimezone: config.READOUT_TIMEZONE,
      nearbyWindow: config.READOUT_NEARBY_DAYS,
      operators: config.READOUT_OPERATORS,
      ingestAllowPrivate: config.READOUT_INGEST_ALLOW_PRIVATE,
      logger,
      ...(progress ? { onProgress: progress.update } : {}),
      ...(options.oneShot ? { oneShot: true } : {}),
    });
  } finally {
    progress?.done();
  }
}

/**
 * Opens the corpus (from the snapshot cache when nothing changed), the index and the store: everything a command uses.
 * `corpus`, `search` and `quotes` read the live corpus, so a reload swaps all three at once; quotes are extracted on first use.
 */
export async function buildServices(options: ServiceOptions): Promise<Services> {
  const started = Date.now();
  const storeOptions = {
    logger: options.logger.child({ part: 'store' }),
    ...(options.postgresPool ? { pool: options.postgresPool } : {}),
  };
  // A one-shot command opens the store only when it uses it: a lookup neither creates ./data/readout.db nor
  // fails while Postgres is down (it then answers from the folder, and says what it left out).
  const store = options.oneShot ? openStoreLazily(options.databaseUrl, storeOptions) : await openStore(options.databaseUrl, storeOptions);
  const storedDocuments = async () => {
    if (options.oneShot && !mayHoldDocuments(options.databaseUrl)) return [];
    try {
      return (await store.listDocuments()).map(({ id, text, sidecar }) => ({ id, text, sidecar }));
    } catch (error) {
      if (!options.oneShot) throw error;
      options.logger.warn({ err: error }, 'documents added to the database are left out: it could not be read');
      return [];
    }
  };
  let live: LiveCorpus;
  try {
    live = await createLiveCorpus(options.seedsDir, {
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      // The served corpus is the folder plus the documents in the store, read again at every reload.
      storedDocuments,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const { corpus, source } = live.current();
  for (const warning of corpus.warnings) options.logger.warn({ file: warning.file, reason: warning.reason }, 'corpus warning');
  options.logger.info(
    { documents: corpus.documents.length, skipped: corpus.warnings.length, source, durationMs: Date.now() - started },
    'corpus ready',
  );
  const rest = {
    store,
    defaultTimezone: options.defaultTimezone,
    nearbyWindow: options.nearbyWindow,
    logger: options.logger,
    operators: options.operators ?? [],
    ingestAllowPrivate: options.ingestAllowPrivate ?? false,
  };
  if (options.oneShot) {
    const { corpus: current, search, quotes } = live.current();
    return { corpus: current, search, quotes, ...rest };
  }
  return liveServices(live, rest);
}

/** Whether a one-shot command should look for stored documents: not in a SQLite file that does not exist yet. */
function mayHoldDocuments(databaseUrl: string): boolean {
  const path = sqlitePathOf(databaseUrl);
  if (path === undefined) return true;
  return path !== ':memory:' && path !== '' && existsSync(path);
}

/** Services whose corpus, search and quotes are always the live corpus's current ones. */
export function liveServices(live: LiveCorpus, rest: Omit<Services, 'corpus' | 'search' | 'quotes' | 'live'>): Services {
  return {
    get corpus() {
      return live.current().corpus;
    },
    get search() {
      return live.current().search;
    },
    get quotes() {
      return live.current().quotes;
    },
    live,
    ...rest,
  };
}
