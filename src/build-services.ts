import { createProgressBar } from './adapters/console/progress-bar.js';
import type { Services } from './commands/command.js';
import { type Config, postgresPoolSettings } from './config.js';
import { createLiveCorpus, type LiveCorpus } from './core/live/create-live-corpus.js';
import type { OpenStage } from './core/live/open-corpus.js';
import type { Logger } from './core/logger.js';
import { openStore } from './store/open-store.js';
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
}

/** Builds the services from the configuration, with a progress bar on stderr when `progress` is set (a TTY). */
export async function buildServicesFromConfig(config: Config, logger: Logger, options: { progress: boolean }): Promise<Services> {
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
  const store = await openStore(options.databaseUrl, {
    logger: options.logger.child({ part: 'store' }),
    ...(options.postgresPool ? { pool: options.postgresPool } : {}),
  });
  let live: LiveCorpus;
  try {
    live = await createLiveCorpus(options.seedsDir, {
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      // The served corpus is the folder plus the documents in the store, read again at every reload.
      storedDocuments: async () => (await store.listDocuments()).map(({ id, text, sidecar }) => ({ id, text, sidecar })),
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
  return liveServices(live, {
    store,
    defaultTimezone: options.defaultTimezone,
    nearbyWindow: options.nearbyWindow,
    logger: options.logger,
    operators: options.operators ?? [],
    ingestAllowPrivate: options.ingestAllowPrivate ?? false,
  });
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
