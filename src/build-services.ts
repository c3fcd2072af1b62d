import { createProgressBar } from './adapters/console/progress-bar.js';
import type { Services } from './commands/command.js';
import type { Config } from './config.js';
import { createLiveCorpus, type LiveCorpus } from './core/live/create-live-corpus.js';
import type { OpenStage } from './core/live/open-corpus.js';
import type { Logger } from './core/logger.js';
import { openStore } from './store/open-store.js';
import { openStoreLazily } from './store/open-store-lazily.js';

export interface ServiceOptions {
  seedsDir: string;
  databaseUrl: string;
  cacheDir?: string;
  defaultTimezone: string;
  nearbyWindow: number;
  logger: Logger;
  /** Chat user ids allowed to run operator commands. */
  operators?: readonly string[];
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
      cacheDir: config.READOUT_CACHE_DIR,
      defaultTimezone: config.READOUT_TIMEZONE,
      nearbyWindow: config.READOUT_NEARBY_DAYS,
      operators: config.READOUT_OPERATORS,
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
  const live = await createLiveCorpus(options.seedsDir, {
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const { corpus, source } = live.current();
  for (const warning of corpus.warnings) options.logger.warn({ file: warning.file, reason: warning.reason }, 'corpus warning');
  const store = options.oneShot ? openStoreLazily(options.databaseUrl) : await openStore(options.databaseUrl);
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
  };
  if (options.oneShot) {
    const { corpus, search, quotes } = live.current();
    return { corpus, search, quotes, ...rest };
  }
  return liveServices(live, rest);
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
